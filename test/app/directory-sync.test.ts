import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { DIRECTORY_SYNC_QUEUE } from '../../app/directory-sync.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('directory sync from Microsoft Graph', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ staff: 1500, syncDirectory: false });
  });
  after(() => stack?.close());

  it('runs as a pg-boss job and loads every person of the municipality into their unit', async () => {
    const tenant = stack.sim.tenantId;
    const people = stack.sim.municipality.people;
    assert.equal(await stack.directory.findPerson(tenant, people[0]!.id), undefined, 'nothing loaded before the job');

    const jobId = await stack.database.jobs.send(DIRECTORY_SYNC_QUEUE, {});
    assert.ok(jobId);
    const deadline = Date.now() + 20_000;
    let job = await stack.database.jobs.getJobById(DIRECTORY_SYNC_QUEUE, jobId);
    while (job?.state !== 'completed' && Date.now() < deadline) {
      assert.notEqual(job?.state, 'failed', JSON.stringify(job?.output));
      await sleep(200);
      job = await stack.database.jobs.getJobById(DIRECTORY_SYNC_QUEUE, jobId);
    }
    assert.equal(job?.state, 'completed');

    // Paging: 1,500 people come in two Graph pages of at most 999; every one must arrive.
    for (const person of [people[0]!, people[998]!, people[999]!, people[people.length - 1]!]) {
      const stored = await stack.directory.findPerson(tenant, person.id);
      assert.equal(stored?.upn, person.userPrincipalName);
      const unit = await stack.directory.unitOf(tenant, person.id);
      assert.equal(unit?.path.join(' / '), person.department ?? 'Unknown unit');
    }
    const units = await stack.directory.listUnits(tenant);
    assert.ok(units.length >= stack.sim.municipality.units.length, 'every unit of the municipality exists');
  });

  it('is scheduled nightly', async () => {
    const schedules = await stack.database.jobs.getSchedules(DIRECTORY_SYNC_QUEUE);
    assert.equal(schedules.length, 1);
    assert.equal(schedules[0]!.cron, '15 2 * * *');
  });
});
