import assert from 'node:assert/strict';
import type { AnnouncementRequest } from '../../core/announcement.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const content = (title: string): AnnouncementRequest['content'] => ({
  versions: {
    nb: { title, body: 'Fra 1. desember fører vi vaktene i **MinTurnus**. Les [veiledningen](https://intranett.example.no/minturnus).', links: [{ label: 'Åpne MinTurnus', url: 'https://minturnus.example.no/' }] },
    en: { title: `${title} (en)`, body: 'From 1 December shifts are kept in **MinTurnus**. Read [the guide](https://intranett.example.no/minturnus).', links: [] },
  },
  fallbackLocale: 'nb',
  image: null,
});

describe('announcement fan-out against the simulated tenant', function () {
  this.timeout(120_000);
  let stack: TestStack;
  const author = () => ({ aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' as const });

  before(async () => {
    // Our default ceiling (30 a second) against Teams' current limit (50), as in production.
    stack = await startTestStack({ staff: 150 });
  });
  after(async () => stack?.close());

  /** Waits until the announcement is sent to everyone (the job runs it when it is created). */
  async function sentToEveryone(id: string, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await stack.app.announcements.store.get(stack.sim.tenantId, id);
      if (found?.status === 'sent') return found;
      if (Date.now() > deadline) throw new Error(`not sent in time: ${JSON.stringify(await stack.app.announcements.store.counts(stack.sim.tenantId, id))}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('delivers to everyone in the audience once, opening chats for staff who never used the bot, within every limit', async () => {
    stack.sim.connector.resetViolations();
    const tenantId = stack.sim.tenantId;
    const created = await stack.app.announcements.create(tenantId, { content: content('Nytt turnussystem'), audience: { kind: 'everyone' }, sendAt: null, requiresAcknowledgement: false }, author());
    await sentToEveryone(created.id);
    const people = await stack.app.surveys.store.audiencePeople(tenantId, {});
    const counts = await stack.app.announcements.store.counts(tenantId, created.id);
    assert.equal(counts.total, people.length);
    assert.equal(counts.sent + counts.unreachable + counts.failed, people.length);
    assert.equal(counts.sent, people.length, `all reachable: ${JSON.stringify(counts)}`);
    const deliveries = stack.sim.connector.deliveries(created.id);
    assert.equal(deliveries.size, people.length);
    assert.ok([...deliveries.values()].every((n) => n === 1), 'nobody got it twice');
    assert.deepEqual(stack.sim.connector.violations(), { tenant: 0, conversation: 0 });
  });
});
