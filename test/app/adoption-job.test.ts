import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ADOPTION_INGEST_QUEUE } from '../../app/adoption-ingest.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('adoption ingestion as a background job', function () {
  this.timeout(60_000);
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ staff: 200 });
  });
  after(() => stack?.close());

  it('runs in pg-boss and stores the snapshot the tab reads', async () => {
    assert.equal(await stack.app.adoption.getSnapshot(stack.sim.tenantId, 'D30'), undefined, 'nothing before the job');
    const jobId = await stack.database.jobs.send(ADOPTION_INGEST_QUEUE, {});
    assert.ok(jobId);
    const deadline = Date.now() + 30_000;
    let job = await stack.database.jobs.getJobById(ADOPTION_INGEST_QUEUE, jobId);
    while (job?.state !== 'completed' && Date.now() < deadline) {
      assert.notEqual(job?.state, 'failed', JSON.stringify(job?.output));
      await sleep(200);
      job = await stack.database.jobs.getJobById(ADOPTION_INGEST_QUEUE, jobId);
    }
    assert.equal(job?.state, 'completed');
    const snapshot = await stack.app.adoption.getSnapshot(stack.sim.tenantId, 'D30');
    assert.equal(snapshot?.reportDate, stack.sim.reports.reportDate);
    assert.equal(snapshot?.source, 'graph');
  });

  it('is scheduled daily, after Microsoft has refreshed the reports', async () => {
    const schedules = await stack.database.jobs.getSchedules(ADOPTION_INGEST_QUEUE);
    assert.equal(schedules.length, 1);
    assert.equal(schedules[0]!.cron, '45 5 * * *');
  });
});
