import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { TOO_MANY_ATTEMPTS } from '../../app/announcements/fan-out.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * A person Teams can never be reached at (every call for them fails) is tried ANNOUNCEMENT_MAX_ATTEMPTS
 * times and then given up as failed, with the reason: the announcement finishes for everyone else
 * instead of being retried without end.
 */
describe('announcement fan-out gives up on a person after the configured number of tries', function () {
  this.timeout(180_000);
  let stack: TestStack;
  const tenant = () => stack.sim.tenantId;

  before(async () => {
    stack = await startTestStack({ staff: 60, env: { ANNOUNCEMENT_MAX_ATTEMPTS: '3' } });
  });
  after(async () => stack?.close());

  async function send(title: string) {
    const created = await stack.app.announcements.create(
      tenant(),
      {
        content: { versions: { nb: { title, body: 'Tekst', links: [] } }, fallbackLocale: 'nb', image: null },
        audience: { kind: 'everyone' },
        sendAt: null,
        requiresAcknowledgement: false,
      },
      { aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' },
    );
    const deadline = Date.now() + 90_000;
    while ((await stack.app.announcements.store.get(tenant(), created.id))?.status !== 'sent') {
      if (Date.now() > deadline) throw new Error(`not finished: ${JSON.stringify(await stack.app.announcements.store.counts(tenant(), created.id))}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return created.id;
  }
  const rows = async (id: string) =>
    (
      await sql<{ aad_object_id: string; state: string; reason: string | null; attempts: number }>`
        select aad_object_id, state, reason, attempts from announcement_deliveries where tenant_id = ${tenant()} and announcement_id = ${id}`.execute(stack.database.db)
    ).rows;

  /** The failing people are given up after exactly three tries; everyone else has it once; the funnel counts the failed. */
  async function check(id: string, failing: readonly string[], audience: readonly string[]) {
    const stored = new Map((await rows(id)).map((r) => [r.aad_object_id, r]));
    for (const person of failing) assert.deepEqual(stored.get(person), { aad_object_id: person, state: 'failed', reason: TOO_MANY_ATTEMPTS, attempts: 3 });
    const deliveries = stack.sim.connector.deliveries(id);
    const others = audience.filter((p) => !failing.includes(p));
    assert.deepEqual(others.filter((p) => deliveries.get(p) !== 1 || stored.get(p)?.state !== 'sent'), [], 'everyone else got it once');
    assert.deepEqual(failing.filter((p) => deliveries.has(p)), [], 'the failing got nothing');
    const reach = await stack.app.announcements.store.reachByUnit(tenant(), id, new Date());
    assert.equal(reach.reduce((sum, u) => sum + u.failed, 0), failing.length);
    assert.deepEqual(stack.sim.connector.violations(), { tenant: 0, conversation: 0 });
  }

  it('when their conversation cannot be opened, and when messages to it keep failing', async () => {
    const audience = (await stack.app.surveys.store.audiencePeople(tenant(), {})).map((p) => p.aadObjectId);
    stack.sim.connector.resetViolations();

    // Never opened the bot, and Teams cannot open a conversation with them.
    const cannotOpen = audience.slice(0, 3);
    stack.sim.connector.failAlwaysFor(cannotOpen, 503);
    const first = await send('Først');
    await check(first, cannotOpen, audience);
    stack.sim.connector.failAlwaysFor(cannotOpen, null);

    // Their conversation exists (the first announcement opened it), but every message to it fails: each
    // try is followed by a look in the chat, which finds nothing.
    const messagesFail = audience.slice(10, 13);
    stack.sim.connector.failAlwaysFor(messagesFail, 502);
    const second = await send('Andre');
    await check(second, messagesFail, audience);
  });
});
