import assert from 'node:assert/strict';
import { ConnectorLimits } from '../../sim/connector-limits.js';
import { startSimulator, type Simulator } from '../../sim/index.js';

/** The limiter itself, on a clock the test moves: exact waits. */
describe('simulator: Teams limits (sliding windows)', () => {
  const limits = (tenantPerSecond = Infinity, perConversation = true) => new ConnectorLimits({ tenantPerSecond, perConversation });

  it('lets 7 calls into one conversation per second and says when the 8th would fit', () => {
    const l = limits();
    for (let t = 0; t < 7; t++) assert.equal(l.take('c', t), null, `call ${t + 1}`);
    assert.deepEqual(l.take('c', 10), { tenant: false, conversation: true, retryAfterSeconds: 0.99 });
    assert.equal(l.take('other', 10), null, 'another conversation has its own windows');
    assert.notEqual(l.take('c', 999), null);
    assert.equal(l.take('c', 1000), null, 'the first call has left the 1 s window');
  });

  it('holds 8 per 2 s: the 9th call within 2 s waits for the oldest to leave', () => {
    const l = limits();
    for (let i = 0; i < 7; i++) assert.equal(l.take('c', 0), null);
    assert.equal(l.take('c', 1000), null, '1 in this second, 8 in two');
    assert.deepEqual(l.take('c', 1001), { tenant: false, conversation: true, retryAfterSeconds: 0.999 });
    assert.equal(l.take('c', 2000), null);
  });

  it('holds 60 per 30 s and 1800 per hour', () => {
    const l = limits();
    // One call every 300 ms passes the 1 s and 2 s windows; the 61st in 30 s does not.
    for (let i = 0; i < 60; i++) assert.equal(l.take('c', i * 300), null, `call ${i + 1}`);
    const refused = l.take('c', 60 * 300);
    assert.equal(refused?.conversation, true);
    assert.equal(refused?.retryAfterSeconds, 12, 'the first call (t=0) leaves the 30 s window at 30 s; now is 18 s');

    const hour = limits();
    // 60 calls every 30 s: 1800 in 15 minutes … then nothing more for the rest of the hour.
    let t = 0;
    for (let block = 0; block < 30; block++) {
      for (let i = 0; i < 60; i++) assert.equal(hour.take('c', t + i * 300), null, `block ${block} call ${i}`);
      t += 30_000;
    }
    const over = hour.take('c', t);
    assert.equal(over?.conversation, true);
    assert.equal(over?.retryAfterSeconds, (3_600_000 - t) / 1000);
  });

  it('holds the tenant ceiling per second over all conversations; refused calls take no slot', () => {
    const l = limits(3);
    assert.equal(l.take('a', 0), null);
    assert.equal(l.take('b', 100), null);
    assert.equal(l.take('c', 200), null);
    assert.deepEqual(l.take('d', 250), { tenant: true, conversation: false, retryAfterSeconds: 0.75 });
    for (let t = 251; t < 1000; t += 50) assert.notEqual(l.take('d', t), null);
    assert.equal(l.take('d', 1000), null, 'the refusals did not fill the window');
    assert.deepEqual(l.take('e', 1001), { tenant: true, conversation: false, retryAfterSeconds: 0.099 });
  });

  it('reports both limits when a call breaks both; per-conversation limits can be off', () => {
    const l = limits(7);
    for (let i = 0; i < 7; i++) l.take('c', 0);
    assert.deepEqual(l.take('c', 500), { tenant: true, conversation: true, retryAfterSeconds: 0.5 });
    const off = limits(Infinity, false);
    for (let i = 0; i < 100; i++) assert.equal(off.take('c', 0), null);
  });
});

interface ErrorBody {
  error: { code: string; message: string };
}

/** The same limits over HTTP, with failures and latency injected. */
describe('simulator: Bot Connector limits, failures and latency', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ staff: 100, seed: 'limits-test', connector: { tenantPerSecond: 5 } });
  });
  after(() => sim?.close());
  beforeEach(async () => {
    sim.connector.configure({ tenantPerSecond: 5, perConversation: true, latencyMs: 0, failureRate: 0, failureStatus: 503 });
    // Let the windows of the previous test empty.
    await new Promise((r) => setTimeout(r, 1100));
    sim.connector.resetViolations();
    sim.connector.clear();
  });

  const post = (conversationId: string, text = 'hei') =>
    fetch(`${sim.url}/v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text }),
    });

  it('answers 429 with Retry-After over the tenant ceiling, counts the violation and records nothing for it', async () => {
    assert.equal(sim.connector.settings.tenantPerSecond, 5);
    const responses = await Promise.all(Array.from({ length: 7 }, (_, i) => post(`t-${i}`, `n${i}`)));
    const statuses = responses.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 429, 429]);
    for (const r of responses.filter((r) => r.status === 429)) {
      const retryAfter = Number(r.headers.get('retry-after'));
      assert.ok(retryAfter > 0 && retryAfter <= 1, `Retry-After ${r.headers.get('retry-after')}`);
      assert.equal(((await r.json()) as ErrorBody).error.code, 'TooManyRequests');
    }
    assert.deepEqual(sim.connector.violations(), { tenant: 2, conversation: 0 });
    assert.equal(sim.connector.activities.length, 5);
    // Waiting as told is enough.
    const refused = responses.find((r) => r.status === 429)!;
    await new Promise((r) => setTimeout(r, Number(refused.headers.get('retry-after')) * 1000 + 5));
    assert.equal((await post('t-late')).status, 201);
    sim.connector.resetViolations();
    assert.deepEqual(sim.connector.violations(), { tenant: 0, conversation: 0 });
  });

  it("counts one person's two conversations ('a:chat-…' and the one POST /v3/conversations made) as one", async () => {
    sim.connector.configure({ tenantPerSecond: 1000 });
    const person = sim.municipality.people[3]!;
    const created = await fetch(`${sim.url}/v3/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ isGroup: false, members: [{ id: person.id }], tenantId: sim.tenantId }),
    });
    const { id: conversationId } = (await created.json()) as { id: string };
    assert.equal(sim.connector.personOf(conversationId)?.id, person.id);
    assert.equal(sim.connector.personOf(`a:chat-${person.id}`)?.id, person.id);
    assert.equal(sim.connector.personOf(`a:${Buffer.from(`29:${person.id}`).toString('base64url')}`)?.id, person.id);
    assert.equal(sim.connector.personOf('a:chat-nobody'), undefined);
    // The create was the first call; five more and one to the other id make 7 in the second.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(`a:chat-${person.id}`)).status);
    statuses.push((await post(conversationId)).status);
    const eighth = await post(`a:chat-${person.id}`);
    assert.deepEqual(statuses, [201, 201, 201, 201, 201, 201]);
    assert.equal(eighth.status, 429);
    assert.ok(Number(eighth.headers.get('retry-after')) <= 1);
    assert.deepEqual(sim.connector.violations(), { tenant: 0, conversation: 1 });
    assert.equal((await post('someone-else')).status, 201);
    assert.ok(sim.connector.activities.every((a) => a.personId === (a.conversationId === 'someone-else' ? null : person.id)));
  });

  it('configure: per-conversation limits off, a higher ceiling, and bad settings refused', async () => {
    sim.connector.configure({ perConversation: false, tenantPerSecond: 100 });
    const statuses = await Promise.all(Array.from({ length: 20 }, () => post('one').then((r) => r.status)));
    assert.deepEqual(new Set(statuses), new Set([201]));
    assert.deepEqual(sim.connector.violations(), { tenant: 0, conversation: 0 });
    assert.throws(() => sim.connector.configure({ tenantPerSecond: 0 }), RangeError);
    assert.throws(() => sim.connector.configure({ failureRate: 1.5 }), RangeError);
    assert.throws(() => sim.connector.configure({ failureStatus: 200 }), RangeError);
    assert.throws(() => sim.connector.configure({ latencyMs: -1 }), RangeError);
    assert.equal(sim.connector.settings.tenantPerSecond, 100, 'a refused change changes nothing');
  });

  it('injects server errors in a seeded share of calls; failed calls are not recorded', async () => {
    sim.connector.configure({ tenantPerSecond: 1000, perConversation: false, failureRate: 0.5 });
    const first: number[] = [];
    for (let i = 0; i < 40; i++) first.push((await post(`f-${i}`)).status);
    const failed = first.filter((s) => s === 503).length;
    assert.ok(failed >= 8 && failed <= 32, `${failed} of 40 failed`);
    assert.deepEqual(new Set(first), new Set([201, 503]));
    assert.equal(sim.connector.activities.length, 40 - failed);
    sim.connector.configure({ failureRate: 1, failureStatus: 502 });
    const bad = await post('g');
    assert.equal(bad.status, 502);
    assert.equal(((await bad.json()) as ErrorBody).error.code, 'ServiceError');
    sim.connector.configure({ failureRate: 0 });
    // failNext still comes first, within the limits.
    sim.connector.failNext(1, 429, 2);
    const throttled = await post('h');
    assert.deepEqual([throttled.status, throttled.headers.get('retry-after')], [429, '2']);
    assert.equal((await post('h')).status, 201);
    assert.deepEqual(sim.connector.violations(), { tenant: 0, conversation: 0 }, 'injected failures are not limit violations');

    // Another simulator with the same seed fails the same calls.
    const twin = await startSimulator({ staff: 100, seed: 'limits-test', connector: { tenantPerSecond: 1000, perConversation: false, failureRate: 0.5 } });
    try {
      const again: number[] = [];
      for (let i = 0; i < 40; i++) {
        again.push((await fetch(`${twin.url}/v3/conversations/f-${i}/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message"}' })).status);
      }
      assert.deepEqual(again, first);
    } finally {
      await twin.close();
    }
  });

  it('slows every answer by latencyMs, 429s too', async () => {
    sim.connector.configure({ latencyMs: 150, tenantPerSecond: 1 });
    let started = performance.now();
    assert.equal((await post('slow')).status, 201);
    assert.ok(performance.now() - started >= 145, `took ${performance.now() - started} ms`);
    started = performance.now();
    assert.equal((await post('slow')).status, 429);
    assert.ok(performance.now() - started >= 145);
  });

  it('gives numeric activity ids that grow with time and never repeat', async () => {
    sim.connector.configure({ tenantPerSecond: 1000, perConversation: false });
    const before = Date.now();
    const ids: string[] = [];
    await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const r = await post(`ids-${i % 3}`);
        ids.push(((await r.json()) as { id: string }).id);
      }),
    );
    assert.ok(ids.every((id) => /^\d{13,}$/.test(id)), ids.join());
    assert.equal(new Set(ids).size, 30);
    assert.ok(ids.every((id) => Number(id) >= before));
    const recorded = sim.connector.activities.map((a) => Number(a.activity.id));
    assert.deepEqual(recorded, [...recorded].sort((a, b) => a - b), 'in the order they were accepted');
    await new Promise((r) => setTimeout(r, 20));
    const later = ((await (await post('ids-0')).json()) as { id: string }).id;
    assert.ok(Number(later) > Math.max(...recorded));
    // A sender's own id is not kept: the connector names the message.
    const own = await fetch(`${sim.url}/v3/conversations/x/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"message","id":"mine"}' });
    assert.match(((await own.json()) as { id: string }).id, /^\d+$/);
  });
});
