import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { READ_RECEIPT_EVENT, startSimulator, teamsEngagement, type Simulator, type UnitReach } from '../../sim/index.js';
import { announcementCard, cardActivity } from './announcement-helpers.js';

interface BotActivity {
  type: string;
  name?: string;
  id: string;
  value?: { lastReadMessageId?: string; action?: { type: string; verb: string; data: unknown }; trigger?: string };
  replyToId?: string;
  serviceUrl: string;
  channelId: string;
  from: { id: string; aadObjectId: string; name: string };
  recipient: { id: string };
  conversation: { id: string; conversationType: string; tenantId: string };
  channelData: { tenant: { id: string } };
  locale: string;
}

/**
 * A stand-in for Digipuls's /api/messages that checks the channel token as botbuilder does (issuer,
 * audience = app id, signature by the Bot Framework keys, serviceurl = the activity's serviceUrl) and
 * records what it gets; it also serves the redirects of rewritten links.
 */
async function startBot(sim: Simulator, behaviour: { refuseAcknowledgementFrom?: Set<string>; failReceiptsFrom?: Set<string> } = {}) {
  const jwks = createRemoteJWKSet(new URL(`${sim.url}/botframework/v1/.well-known/keys`));
  const activities: BotActivity[] = [];
  const clicks: string[] = [];
  let refusedTokens = 0;
  const server = http.createServer((req, res) => {
    // writeHead is not chained: restify (loaded when the whole suite runs) makes it return nothing.
    const reply = (status: number, headers: Record<string, string> = {}, body?: string) => {
      res.writeHead(status, headers);
      res.end(body);
    };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method === 'GET' && req.url?.startsWith('/l/')) {
          clicks.push(req.url);
          reply(302, { location: 'https://example.org/' });
          return;
        }
        if (req.method !== 'POST' || req.url !== '/api/messages') return void reply(404);
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BotActivity;
        try {
          const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
          const { payload } = await jwtVerify(token, jwks, { issuer: 'https://api.botframework.com', audience: sim.app.clientId });
          if (payload.serviceurl !== activity.serviceUrl) throw new Error('serviceurl');
        } catch {
          refusedTokens++;
          return void reply(401);
        }
        activities.push(activity);
        if (activity.type === 'event') {
          if (behaviour.failReceiptsFrom?.has(activity.from.aadObjectId)) return void reply(500);
          return void reply(200);
        }
        if (activity.type === 'invoke') {
          const refused = behaviour.refuseAcknowledgementFrom?.has(activity.from.aadObjectId);
          reply(200, { 'content-type': 'application/json' }, JSON.stringify(refused ? { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'no' } } : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: {} }));
          return;
        }
        reply(200);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    endpoint: `${url}/api/messages`,
    activities,
    clicks,
    refusedTokens: () => refusedTokens,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
type Bot = Awaited<ReturnType<typeof startBot>>;

const SEED = 'staff-test';

/** Sends a card to every person's chat (and, for the first `duplicates`, a second time); returns the first card's activity id per person. */
async function deliver(sim: Simulator, card: unknown, options: { duplicates?: number; people?: number } = {}): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const people = sim.municipality.people.slice(0, options.people ?? sim.municipality.people.length);
  const post = async (personId: string) => {
    const r = await fetch(`${sim.url}/v3/conversations/${encodeURIComponent(`a:chat-${personId}`)}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(cardActivity(card)),
    });
    assert.equal(r.status, 201);
    return ((await r.json()) as { id: string }).id;
  };
  for (let i = 0; i < people.length; i += 25) {
    const batch = people.slice(i, i + 25);
    const sent = await Promise.all(batch.map((p) => post(p.id)));
    batch.forEach((p, j) => ids.set(p.id, sent[j]!));
  }
  for (const p of people.slice(0, options.duplicates ?? 0)) await post(p.id);
  return ids;
}

const sum = (truth: Map<string | null, UnitReach>, key: keyof UnitReach) => [...truth.values()].reduce((n, u) => n + u[key], 0);

describe('simulator: staff reading, acknowledging and clicking announcements', () => {
  let sim: Simulator;
  let bot: Bot;
  before(async () => {
    sim = await startSimulator({ staff: 300, seed: SEED, connector: { perConversation: false, tenantPerSecond: 100_000 } });
  });
  after(async () => {
    await sim?.close();
  });
  beforeEach(async () => {
    bot = await startBot(sim);
  });
  afterEach(async () => {
    sim.staff.stop();
    await bot.close();
  });

  it('reacts once per person as Teams would: signed read receipts, Action.Execute invokes, link clicks; the truth matches what the bot got', async function () {
    this.timeout(20_000);
    sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [0, 40] });
    const card = announcementCard('ann-1', { acknowledge: true, links: [`${bot.url}/l/ann-1`, `${bot.url}/l/second`] });
    const cardIds = await deliver(sim, card, { duplicates: 10 });
    // Something that is not an announcement is left alone.
    await fetch(`${sim.url}/v3/conversations/a%3Achat-${sim.municipality.people[0]!.id}/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","text":"hei"}' });
    await sim.staff.settled();
    assert.deepEqual(sim.staff.errors(), []);
    assert.equal(bot.refusedTokens(), 0);

    const people = sim.municipality.people;
    const deliveries = sim.connector.deliveries('ann-1');
    assert.equal(deliveries.size, people.length);
    assert.deepEqual([...deliveries.values()].filter((n) => n === 2).length, 10);

    const truth = sim.staff.truth('ann-1');
    const perUnit = new Map<string | null, number>();
    for (const p of people) perUnit.set(p.department, (perUnit.get(p.department) ?? 0) + 1);
    assert.deepEqual(new Map([...truth].map(([unit, reach]) => [unit, reach.delivered])), perUnit, 'delivered: everyone once, by unit');

    const receipts = bot.activities.filter((a) => a.type === 'event');
    const invokes = bot.activities.filter((a) => a.type === 'invoke');
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const activity of bot.activities) {
      const person = byId.get(activity.from.aadObjectId)!;
      assert.ok(person, 'from a person in the tenant');
      assert.equal(activity.from.id, `29:${person.id}`);
      assert.equal(activity.from.name, person.displayName);
      assert.equal(activity.recipient.id, `28:${sim.app.clientId}`);
      assert.deepEqual(activity.conversation, { id: `a:chat-${person.id}`, conversationType: 'personal', tenantId: sim.tenantId });
      assert.deepEqual(activity.channelData, { tenant: { id: sim.tenantId } });
      assert.equal(activity.channelId, 'msteams');
      assert.equal(activity.serviceUrl, `${sim.url}/`);
      assert.equal(activity.locale, person.preferredLanguage ?? 'nb-NO');
    }
    for (const r of receipts) {
      assert.equal(r.name, READ_RECEIPT_EVENT);
      assert.equal(r.value!.lastReadMessageId, cardIds.get(r.from.aadObjectId), 'the card the person got first');
    }
    for (const i of invokes) {
      assert.equal(i.name, 'adaptiveCard/action');
      assert.deepEqual(i.value, { action: { type: 'Action.Execute', verb: 'announcement.acknowledge', data: { announcementId: 'ann-1' } }, trigger: 'manual' });
      assert.equal(i.replyToId, cardIds.get(i.from.aadObjectId));
    }
    const distinct = (list: BotActivity[]) => new Set(list.map((a) => a.from.aadObjectId)).size;
    assert.equal(distinct(receipts), receipts.length, 'one read receipt per person');
    assert.equal(distinct(invokes), invokes.length, 'one acknowledgement per person');
    assert.equal(sum(truth, 'readReceipts'), receipts.length);
    assert.equal(sum(truth, 'acknowledged'), invokes.length);
    assert.equal(sum(truth, 'clicked'), bot.clicks.length);
    assert.ok(bot.clicks.every((c) => c === '/l/ann-1'), 'the first link only');
    // Per unit too: the receipts the bot got, by the sender's unit.
    for (const [unit, reach] of truth) {
      assert.equal(reach.readReceipts, receipts.filter((r) => byId.get(r.from.aadObjectId)!.department === unit).length, `unit ${unit}`);
    }

    // Who reads follows Teams use: 0.1 + 0.85 × engagement, on average.
    const read = sum(truth, 'read');
    const expected = people.reduce((n, p) => n + 0.1 + 0.85 * teamsEngagement(SEED, p), 0);
    assert.ok(Math.abs(read - expected) < 40, `read ${read}, expected about ${expected.toFixed(0)}`);
    assert.ok(receipts.length < read && receipts.length > read * 0.7, `${receipts.length} receipts of ${read} reads (15 % have them off)`);
    assert.ok(invokes.length > read * 0.55 && invokes.length < read * 0.85, `${invokes.length} acknowledgements of ${read} reads`);
    assert.ok(bot.clicks.length > read * 0.15 && bot.clicks.length < read * 0.45, `${bot.clicks.length} clicks of ${read} reads`);
  });

  it('is the same for the same seed (another simulator, another run), and differs for another seed', async function () {
    this.timeout(20_000);
    const card = announcementCard('ann-seeded', { acknowledge: true, links: [`${bot.url}/l/x`] });
    sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [0, 10] });
    await deliver(sim, card, { people: 120 });
    await sim.staff.settled();
    const first = sim.staff.truth('ann-seeded');
    const readers = new Set(bot.activities.map((a) => a.from.aadObjectId));

    const twin = await startSimulator({ staff: 300, seed: SEED, connector: { perConversation: false, tenantPerSecond: 100_000 } });
    const twinBot = await startBot(twin);
    try {
      twin.staff.react({ botEndpoint: twinBot.endpoint, delayMs: [0, 10] });
      await deliver(twin, card, { people: 120 });
      await twin.staff.settled();
      assert.deepEqual(twin.staff.truth('ann-seeded'), first);
      assert.deepEqual(new Set(twinBot.activities.map((a) => a.from.aadObjectId)), readers);

      twin.staff.react({ botEndpoint: twinBot.endpoint, delayMs: [0, 10], seed: 'another' });
      await deliver(twin, announcementCard('ann-other-seed', { acknowledge: true }), { people: 120 });
      await twin.staff.settled();
      assert.notDeepEqual(twin.staff.truth('ann-other-seed'), twin.staff.truth('ann-seeded'));
    } finally {
      twin.staff.stop();
      await twinBot.close();
      await twin.close();
    }
  });

  it('counts only what the bot answered with success', async function () {
    this.timeout(20_000);
    const people = sim.municipality.people.slice(0, 150);
    await bot.close();
    bot = await startBot(sim, { refuseAcknowledgementFrom: new Set(people.slice(0, 60).map((p) => p.id)), failReceiptsFrom: new Set(people.slice(0, 40).map((p) => p.id)) });
    sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [0, 10] });
    await deliver(sim, announcementCard('ann-refused', { acknowledge: true }), { people: 150 });
    await sim.staff.settled();
    const truth = sim.staff.truth('ann-refused');
    const refusedIds = new Set(people.slice(0, 60).map((p) => p.id));
    const failedIds = new Set(people.slice(0, 40).map((p) => p.id));
    const invokes = bot.activities.filter((a) => a.type === 'invoke');
    const receipts = bot.activities.filter((a) => a.type === 'event');
    assert.ok(invokes.some((i) => refusedIds.has(i.from.aadObjectId)), 'some refused acknowledgements were tried');
    assert.equal(sum(truth, 'acknowledged'), invokes.filter((i) => !refusedIds.has(i.from.aadObjectId)).length);
    assert.equal(sum(truth, 'readReceipts'), receipts.filter((r) => !failedIds.has(r.from.aadObjectId)).length);
    assert.ok(sim.staff.errors().some((e) => /invoke 400/.test(e)) && sim.staff.errors().some((e) => /HTTP 500/.test(e)), sim.staff.errors().join('\n'));
  });

  it('sends no read receipts when the tenant turned them off, or everyone did; a card without the button gets no acknowledgement', async function () {
    this.timeout(20_000);
    sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [0, 10], tenantReadReceipts: false });
    await deliver(sim, announcementCard('ann-quiet'), { people: 100 });
    await sim.staff.settled();
    let truth = sim.staff.truth('ann-quiet');
    assert.ok(sum(truth, 'read') > 20);
    assert.equal(sum(truth, 'readReceipts'), 0);
    assert.equal(sum(truth, 'acknowledged'), 0);
    assert.equal(bot.activities.length, 0);

    sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [0, 10], readReceiptsOffShare: 1 });
    await deliver(sim, announcementCard('ann-all-off'), { people: 100 });
    await sim.staff.settled();
    truth = sim.staff.truth('ann-all-off');
    assert.ok(sum(truth, 'read') > 20);
    assert.equal(bot.activities.length, 0);
    assert.throws(() => sim.staff.react({ botEndpoint: 'not a url' }), RangeError);
    assert.throws(() => sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [10, 5] }), RangeError);
    assert.throws(() => sim.staff.react({ botEndpoint: bot.endpoint, readReceiptsOffShare: 2 }), RangeError);
  });

  it("answers in the conversation the card went to: one opened with POST /v3/conversations too", async () => {
    sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [0, 10] });
    const card = announcementCard('ann-created', { acknowledge: true });
    const conversations = new Map<string, string>();
    for (const p of sim.municipality.people.slice(0, 40)) {
      const r = await fetch(`${sim.url}/v3/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ isGroup: false, members: [{ id: `29:${p.id}` }], tenantId: sim.tenantId, activity: cardActivity(card) }),
      });
      assert.equal(r.status, 201);
      const body = (await r.json()) as { id: string; activityId: string };
      conversations.set(p.id, body.id);
    }
    await sim.staff.settled();
    assert.ok(bot.activities.length > 0);
    for (const a of bot.activities) assert.equal(a.conversation.id, conversations.get(a.from.aadObjectId));
    assert.equal(sim.connector.deliveries('ann-created').size, 40);
  });

  it('stop() drops reactions not yet made and stops reacting', async () => {
    sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [400, 400] });
    await deliver(sim, announcementCard('ann-stopped', { acknowledge: true }), { people: 50 });
    sim.staff.stop();
    const started = Date.now();
    await sim.staff.settled();
    assert.ok(Date.now() - started < 200);
    await deliver(sim, announcementCard('ann-after-stop', { acknowledge: true }), { people: 50 });
    await new Promise((r) => setTimeout(r, 450));
    assert.equal(bot.activities.length, 0);
    assert.equal(sim.staff.truth('ann-after-stop').size, 0, 'nothing recorded while not reacting');
    assert.equal(sim.connector.deliveries('ann-after-stop').size, 50, 'the connector still counts deliveries');
  });
});
