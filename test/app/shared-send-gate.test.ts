import assert from 'node:assert/strict';
import { openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { sendSurvey } from '../bot/survey-helpers.js';

describe('surveys and announcements sending to one tenant at once', function () {
  this.timeout(120_000);
  let stack: TestStack;

  before(async () => {
    // Each alone keeps under the tenant's limit (20 a second against 25); together, unshared, they would not.
    stack = await startTestStack({ staff: 150, env: { ANNOUNCEMENT_SEND_CEILING: '20', SURVEY_SEND_RATE: '20' } });
    stack.sim.connector.configure({ tenantPerSecond: 25 });
    await openChats(stack, stack.sim.municipality.people.map((p) => p.id));
  });
  after(async () => stack?.close());

  it('share the tenant’s ceiling: everyone gets both, and Teams’ limit is never exceeded', async () => {
    stack.sim.connector.resetViolations();
    const tenantId = stack.sim.tenantId;
    const communicator = { aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' as const };
    const later = new Date(Date.now() + 3600_000);
    const announcement = await stack.app.announcements.create(
      tenantId,
      {
        content: { versions: { nb: { title: 'Stengt servicetorg fredag', body: 'Servicetorget holder stengt fredag.', links: [] } }, fallbackLocale: 'nb', image: null },
        audience: { kind: 'everyone' },
        sendAt: later.toISOString(),
        requiresAcknowledgement: false,
      },
      communicator,
    );
    const people = await stack.app.surveys.store.audiencePeople(tenantId, {});
    const started = performance.now();
    const [survey, runs] = await Promise.all([
      sendSurvey(stack, { templateId: 'weekly-pulse', audience: { kind: 'everyone' } }),
      stack.app.announcements.runDue(later),
    ]);
    const seconds = (performance.now() - started) / 1000;

    assert.equal(survey.result.prompted, people.length, 'everyone got the survey');
    assert.deepEqual(runs.find((r) => r.id === announcement.id)?.outcome, 'finished');
    assert.equal(stack.sim.connector.deliveries(announcement.id).size, people.length, 'everyone got the announcement');
    assert.deepEqual(stack.sim.connector.violations(), { tenant: 0, conversation: 0 });
    // Both went out through the one ceiling of 20 a second, not 20 each.
    assert.ok(seconds >= (2 * people.length) / 20 - 1, `${2 * people.length} messages took ${seconds.toFixed(1)} s`);
  });
});
