import assert from 'node:assert/strict';
import type { AnnouncementRequest } from '../../core/announcement.js';
import type { DeliveryCounts } from '../../core/announcement-store.js';
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

describe('announcement fan-out: sends in doubt, faults, reminders, click links and the funnel', function () {
  this.timeout(180_000);
  let stack: TestStack;
  const author = () => ({ aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' as const });
  const tenant = () => stack.sim.tenantId;
  const store = () => stack.app.announcements.store;
  const later = () => new Date(Date.now() + 3600_000);

  before(async () => {
    stack = await startTestStack({ staff: 120 });
  });
  after(async () => {
    stack?.sim.staff.stop();
    await stack?.close();
  });

  async function sentToEveryone(id: string, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await store().get(tenant(), id);
      if (found?.status === 'sent') return found;
      if (Date.now() > deadline) throw new Error(`not sent in time: ${JSON.stringify(await store().counts(tenant(), id))}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  /** Runs the dispatch here until the announcement is sent (the job may hold it a moment: then this waits). */
  async function runUntilSent(id: string) {
    const deadline = Date.now() + 60_000;
    while ((await store().get(tenant(), id))?.status !== 'sent') {
      if (Date.now() > deadline) throw new Error(`not sent: ${JSON.stringify(await store().counts(tenant(), id))}`);
      await stack.app.announcements.runDue(later());
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const everyoneOnce = (id: string, expected: number, times = 1) => {
    const deliveries = stack.sim.connector.deliveries(id);
    assert.equal(deliveries.size, expected, 'everyone got it');
    const wrong = [...deliveries].filter(([, n]) => n !== times);
    assert.deepEqual(wrong, [], `each person exactly ${times} time(s)`);
  };
  const create = (title: string, options: { sendAt?: Date; requiresAcknowledgement?: boolean } = {}) =>
    stack.app.announcements.create(
      tenant(),
      { content: content(title), audience: { kind: 'everyone' }, sendAt: options.sendAt?.toISOString() ?? null, requiresAcknowledgement: options.requiresAcknowledgement ?? false },
      author(),
    );

  it('opens every chat once (installing the app where needed), then sends to the stored conversations', async () => {
    const first = await create('Først');
    await sentToEveryone(first.id);
    const people = await stack.app.surveys.store.audiencePeople(tenant(), {});
    everyoneOnce(first.id, people.length);
  });

  it('looks in the chat before sending again what a dead sender left in doubt: those it finds are sent, the rest sent once', async () => {
    const announcement = await create('Etter krasj', { sendAt: later() });
    const people = await stack.app.surveys.store.audiencePeople(tenant(), {});
    // A sender that died: it took the lease, recorded the recipients, claimed 40 and got 15 of them out.
    const leaseEnds = Date.now() + 3000;
    assert.ok(await store().lease(tenant(), announcement.id, '00000000-0000-4000-8000-000000000001', new Date(), new Date(leaseEnds)));
    await store().start(tenant(), announcement.id, people, new Date());
    const claimed = await store().claim(tenant(), announcement.id, 40);
    assert.equal(claimed.length, 40, 'a claim takes no more than asked');
    for (const target of claimed.slice(0, 15)) {
      const conversation = (target.conversationReference as { conversation: { id: string } }).conversation.id;
      const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Container', id: `digipuls-announcement-${announcement.id}`, items: [{ type: 'TextBlock', text: 'Etter krasj' }] }] };
      const response = await fetch(`${stack.sim.url}/v3/conversations/${encodeURIComponent(conversation)}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }),
      });
      assert.equal(response.status, 201);
    }
    // While its lease holds, the tab shows them as on their way; once it has run out, as in doubt.
    assert.deepEqual(pick(await store().counts(tenant(), announcement.id, new Date(leaseEnds - 1))), { sent: 0, inDoubt: 0, queued: people.length });
    await new Promise((resolve) => setTimeout(resolve, leaseEnds - Date.now() + 50)); // the dead sender's lease runs out
    assert.deepEqual(pick(await store().counts(tenant(), announcement.id, new Date(leaseEnds + 1))), { sent: 0, inDoubt: 40, queued: people.length - 40 });
    await runUntilSent(announcement.id);
    everyoneOnce(announcement.id, people.length);
    assert.deepEqual(pick(await store().counts(tenant(), announcement.id)), { sent: people.length, inDoubt: 0, queued: 0 });
  });

  it('rides out throttling and server errors from the connector without losing or repeating anyone, within the limits', async () => {
    stack.sim.connector.resetViolations();
    const announcement = await create('Feil underveis', { sendAt: later() });
    const people = await stack.app.surveys.store.audiencePeople(tenant(), {});
    stack.sim.connector.failNext(4, 503);
    const run = stack.app.announcements.runDue(later());
    await stack.sim.connector.waitFor(() => stack.sim.connector.deliveries(announcement.id).size >= 30, 30_000);
    stack.sim.connector.failNext(3, 429, 1);
    stack.sim.connector.failNext(2, 502);
    await run;
    await runUntilSent(announcement.id);
    everyoneOnce(announcement.id, people.length);
    assert.deepEqual(stack.sim.connector.violations(), { tenant: 0, conversation: 0 });
  });

  it('sends the one reminder to those who show no sign of reading, and refuses a second', async () => {
    const announcement = await create('Påminnelse');
    await sentToEveryone(announcement.id);
    const people = await stack.app.surveys.store.audiencePeople(tenant(), {});
    // Three people read it (read receipts are the bot's; here the store is told directly).
    const readers = people.slice(0, 3);
    for (const reader of readers) await store().recordClick({ tenantId: tenant(), announcementId: announcement.id, aadObjectId: reader.aadObjectId, at: new Date() });
    assert.deepEqual(await stack.app.announcements.remind(tenant(), announcement.id), { queued: people.length - 3 });
    await assert.rejects(stack.app.announcements.remind(tenant(), announcement.id), (error: { status?: number; code?: string }) => error.status === 409 && error.code === 'reminder_already_sent');
    const deadline = Date.now() + 30_000;
    while ([...stack.sim.connector.deliveries(announcement.id).values()].filter((n) => n === 2).length < people.length - 3) {
      if (Date.now() > deadline) throw new Error('reminders not sent');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const deliveries = stack.sim.connector.deliveries(announcement.id);
    for (const reader of readers) assert.equal(deliveries.get(reader.aadObjectId), 1, 'no reminder for someone who read it');
    const reminders = stack.sim.connector.activities.filter((a) => JSON.stringify(a.activity).includes(`digipuls-announcement-${announcement.id}`) && JSON.stringify(a.activity).includes('"style":"attention"') === false);
    assert.ok(reminders.length >= people.length);
  });

  it('counts a click through the link in the card once, sends the person on, and refuses altered or unknown links', async () => {
    const announcement = await create('Lenker');
    await sentToEveryone(announcement.id);
    const sent = stack.sim.connector.activities.find((a) => JSON.stringify(a.activity).includes(`digipuls-announcement-${announcement.id}`))!;
    const card = (sent.activity.attachments as Array<{ content: { actions: Array<{ type: string; url?: string }> } }>)[0]!.content;
    const link = card.actions.find((a) => a.type === 'Action.OpenUrl')!.url!;
    assert.match(link, new RegExp(`^${stack.url}/r/[0-9a-f-]{36}/\\d+\\.[A-Za-z0-9_-]{22}$`));
    for (let i = 0; i < 2; i++) {
      const response = await fetch(link, { redirect: 'manual' });
      assert.equal(response.status, 302);
      assert.equal(response.headers.get('location'), 'https://minturnus.example.no/');
    }
    const reach = await store().reachByUnit(tenant(), announcement.id, new Date());
    assert.equal(reach.reduce((sum, u) => sum + u.clicked, 0), 1, 'one person, one click counted');

    const altered = link.replace(/\/(\d+)\.([A-Za-z0-9_-]+)$/, (_m, n: string, signature: string) => `/${Number(n) + 1}.${signature}`);
    const forged = await fetch(altered, { redirect: 'manual', headers: { 'accept-language': 'sv-SE,sv;q=0.9' } });
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /Länken fungerar inte/);
    const unknown = await fetch(link.replace(/\/r\/[0-9a-f-]{36}\//, '/r/00000000-0000-4000-8000-000000000000/'), { redirect: 'manual', headers: { 'accept-language': 'nn' } });
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /Lenkja verkar ikkje/);
    assert.equal((await store().reachByUnit(tenant(), announcement.id, new Date())).reduce((sum, u) => sum + u.clicked, 0), 1, 'nothing more counted');
  });

  it('counts per unit exactly what the simulated staff did: delivered, acknowledged, clicked, and read as far as receipts, presses and clicks tell', async () => {
    // Some open the card at once: their read receipt comes before the sender has settled the send (written
    // the card's id down, within 0.2 s) and must count all the same.
    stack.sim.staff.react({ botEndpoint: `${stack.url}/api/messages`, delayMs: [0, 1500] });
    const announcement = await create('Trakten', { requiresAcknowledgement: true });
    await sentToEveryone(announcement.id);
    await stack.sim.staff.settled();
    assert.deepEqual(stack.sim.staff.errors(), []);
    const truth = stack.sim.staff.truth(announcement.id);
    const units = new Map((await stack.directory.listUnits(tenant())).map((u) => [u.id, u.path.join(' / ')]));
    const reach = await store().reachByUnit(tenant(), announcement.id, new Date());
    let checked = 0;
    for (const unit of reach) {
      const department = unit.unitId ? units.get(unit.unitId)! : null;
      const expected = truth.get(department === 'Unknown unit' ? null : department) ?? { delivered: 0, read: 0, readReceipts: 0, acknowledged: 0, clicked: 0, signalled: 0 };
      assert.equal(unit.delivered, expected.delivered, `${department}: delivered`);
      assert.equal(unit.acknowledged, expected.acknowledged, `${department}: acknowledged`);
      assert.equal(unit.clicked, expected.clicked, `${department}: clicked`);
      // Read is what Digipuls can know: a receipt, a press or a click. Those who read with receipts off and did nothing else are unknown.
      assert.equal(unit.read, expected.signalled, `${department}: read`);
      assert.ok(unit.read <= expected.read, `${department}: no more read than truly did`);
      checked += unit.delivered;
    }
    assert.equal(checked, [...truth.values()].reduce((sum, u) => sum + u.delivered, 0));
    stack.sim.staff.stop();
  });
});

const pick = ({ sent, inDoubt, queued }: DeliveryCounts) => ({ sent, inDoubt, queued });
