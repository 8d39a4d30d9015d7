import assert from 'node:assert/strict';
import type { AnnouncementRequest } from '../../core/announcement.js';
import { createAnnouncementService } from '../../app/announcements/announcement-service.js';
import { TenantSendGates } from '../../app/send-gate.js';
import { TenantLeaseHolder } from '../../app/tenant-send-lease.js';
import { createLogger } from '../../app/logger.js';
import { createAnnouncementRepository } from '../../store/announcement-repository.js';
import { createSendLeaseRepository } from '../../store/send-lease-repository.js';
import { createSurveyRepository } from '../../store/survey-repository.js';
import { openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { sendSurvey } from '../bot/survey-helpers.js';

const request = (title: string, sendAt: Date): AnnouncementRequest => ({
  content: { versions: { nb: { title, body: 'Servicetorget holder stengt fredag.', links: [] } }, fallbackLocale: 'nb', image: null },
  audience: { kind: 'everyone' },
  sendAt: sendAt.toISOString(),
  requiresAcknowledgement: false,
});

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
    const announcement = await stack.app.announcements.create(tenantId, request('Stengt servicetorg fredag', later), communicator);
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

  it('from two instances of Digipuls on one database: one sends to the tenant at a time, so both announcements reach everyone within Teams’ limit', async () => {
    stack.sim.connector.resetViolations();
    const tenantId = stack.sim.tenantId;
    const communicator = { aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' as const };
    // A second instance: its own services and gates over the same database, as a second App Service instance has.
    const db = stack.database.db;
    const other = createAnnouncementService({
      config: stack.config,
      store: createAnnouncementRepository(db),
      directory: stack.directory,
      people: createSurveyRepository(db),
      gates: new TenantSendGates(stack.config.announcements.sendCeiling, new TenantLeaseHolder(createSendLeaseRepository(db))),
      kick: async () => {},
      logger: createLogger(stack.config),
    });
    const later = new Date(Date.now() + 3600_000);
    const first = await stack.app.announcements.create(tenantId, request('Brannøvelse tirsdag', later), communicator);
    const second = await stack.app.announcements.create(tenantId, request('Ny parkeringsordning', later), communicator);
    const people = await stack.app.surveys.store.audiencePeople(tenantId, {});
    // Each instance runs whatever is due; the announcement leases give them one each, at the same time.
    const [mine, theirs] = await Promise.all([stack.app.announcements.runDue(later), other.runDue(later)]);
    const finished = [...mine, ...theirs].filter((r) => r.outcome === 'finished').map((r) => r.id).sort();
    assert.deepEqual(finished, [first.id, second.id].sort(), `each sent by one of them: ${JSON.stringify({ mine, theirs })}`);
    for (const id of [first.id, second.id]) {
      const deliveries = stack.sim.connector.deliveries(id);
      assert.equal(deliveries.size, people.length, 'everyone got it');
      assert.ok([...deliveries.values()].every((n) => n === 1), 'nobody twice');
    }
    assert.deepEqual(stack.sim.connector.violations(), { tenant: 0, conversation: 0 });
  });
});
