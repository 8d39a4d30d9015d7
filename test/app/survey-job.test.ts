import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { SURVEY_DISPATCH_QUEUE } from '../../app/surveys/survey-jobs.js';
import { openChats, recipientsSince } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('survey dispatch as a background job', function () {
  this.timeout(60_000);
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ env: { SURVEY_SEND_RATE: '50', SURVEY_DISPATCH_CRON: '* * * * *' } });
  });
  after(() => stack?.close());

  it('runs in pg-boss and sends a survey that is due now', async () => {
    const tenantId = stack.sim.tenantId;
    // Whatever the hour on this machine, the tenant has no quiet time: the job runs on the real clock.
    await stack.app.surveys.store.saveMessagingSettings(tenantId, { timeZone: 'Europe/Oslo', quietHours: { start: '00:00', end: '00:00' }, weekendsQuiet: false });
    const people = await stack.app.surveys.store.audiencePeople(tenantId, {});
    await openChats(stack, people.map((p) => p.aadObjectId));
    await stack.app.surveys.create(
      tenantId,
      { templateId: 'weekly-pulse', audience: { kind: 'everyone' }, schedule: { startsAt: new Date().toISOString(), openDays: 3, recurrence: { every: 'once' }, remindAfterDays: null } },
      { aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' },
    );
    const before = stack.sim.connector.activities.length;
    // Null when the minute's scheduled pass is already queued (the queue keeps one): then that one sends it.
    const jobId = await stack.database.jobs.send(SURVEY_DISPATCH_QUEUE, {});
    const deadline = Date.now() + 40_000;
    while (recipientsSince(stack, before).size < people.length && Date.now() < deadline) {
      if (jobId) assert.notEqual((await stack.database.jobs.getJobById(SURVEY_DISPATCH_QUEUE, jobId))?.state, 'failed');
      await sleep(200);
    }
    const got = recipientsSince(stack, before);
    assert.equal(got.size, people.length, 'everyone got the survey');
    assert.ok([...got.values()].every((n) => n === 1));
  });

  it('is scheduled every minute', async () => {
    const schedules = await stack.database.jobs.getSchedules(SURVEY_DISPATCH_QUEUE);
    assert.equal(schedules.length, 1);
    assert.equal(schedules[0]!.cron, '* * * * *');
  });
});
