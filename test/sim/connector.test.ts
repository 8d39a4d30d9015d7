import assert from 'node:assert/strict';
import { startSimulator, type Simulator } from '../../sim/index.js';
import { appToken } from './sim-helpers.js';

interface ErrorBody {
  error: { code: string; message: string };
}

describe('simulator: Bot Connector', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ staff: 100, seed: 'connector-test' });
  });
  after(() => sim?.close());
  beforeEach(() => sim.connector.clear());

  const send = (path: string, body: unknown, options: { method?: string; token?: string } = {}) =>
    fetch(`${sim.url}${path}`, {
      method: options.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: JSON.stringify(body),
    });

  it('records an activity, answers with its id, and waitFor resolves for one still to come', async () => {
    const waiting = sim.connector.waitFor((a) => a.activity.text === 'hei');
    const response = await send('/v3/conversations/a%3A1/activities', { type: 'message', text: 'hei' });
    assert.equal(response.status, 201);
    const recorded = await waiting;
    assert.equal(recorded.conversationId, 'a:1');
    assert.equal(recorded.method, 'POST');
    assert.equal(recorded.path, '/v3/conversations/a%3A1/activities');
    assert.equal(recorded.authorization, 'none');
    assert.ok(recorded.receivedAt instanceof Date);
    assert.equal(((await response.json()) as { id: string }).id, recorded.activity.id);
    assert.equal(sim.connector.activities.length, 1);
  });

  it('takes replies and updates; an update keeps the id it replaces', async () => {
    assert.equal((await send('/v3/conversations/c1/activities/act-1', { type: 'message', text: 'svar', replyToId: 'act-1' })).status, 201);
    const update = await send('/v3/conversations/c1/activities/act-2', { type: 'message', text: 'endret' }, { method: 'PUT' });
    assert.equal(update.status, 200);
    assert.deepEqual(await update.json(), { id: 'act-2' });
    assert.deepEqual(
      sim.connector.activities.map((a) => [a.method, a.conversationId, a.activity.text]),
      [['POST', 'c1', 'svar'], ['PUT', 'c1', 'endret']],
    );
  });

  it('creates a conversation per member, sending its first activity when given', async () => {
    const member = sim.municipality.demoPersons.staff.id;
    const create = (activity?: unknown) => send('/v3/conversations', { isGroup: false, members: [{ id: member }], tenantId: sim.tenantId, ...(activity ? { activity } : {}) });
    const first = (await (await create()).json()) as { id: string; activityId?: string };
    assert.ok(first.id.startsWith('a:'));
    assert.equal(first.activityId, undefined);
    const second = (await (await create({ type: 'message', text: 'velkommen' })).json()) as { id: string; activityId?: string };
    assert.equal(second.id, first.id, 'the same person has one 1:1 conversation');
    assert.equal((await sim.connector.waitFor((a) => a.activity.text === 'velkommen')).activity.id, second.activityId);
  });

  it('refuses bodies that are not activities with 400 BadArgument, and records nothing', async () => {
    for (const body of [{ text: 'no type' }, { type: 'shout', text: 'x' }, 'just text', null]) {
      const response = await send('/v3/conversations/c/activities', body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(((await response.json()) as ErrorBody).error.code, 'BadArgument');
    }
    assert.equal(sim.connector.activities.length, 0);
  });

  it("records whether the bot's bearer token was a valid bot → channel token for this app", async () => {
    const botToken = await appToken(sim, 'https://api.botframework.com/.default', 'botframework.com');
    await send('/v3/conversations/t/activities', { type: 'message', text: 'valid' }, { token: botToken });
    await send('/v3/conversations/t/activities', { type: 'message', text: 'graph' }, { token: await appToken(sim) });
    await send('/v3/conversations/t/activities', { type: 'message', text: 'garbage' }, { token: 'abc.def.ghi' });
    assert.deepEqual(
      sim.connector.activities.map((a) => [a.activity.text, a.authorization]),
      [['valid', 'valid'], ['graph', 'invalid'], ['garbage', 'invalid']],
    );
  });

  it('injects throttling and server errors for the next sends, with Retry-After', async () => {
    sim.connector.failNext(2, 429, 3);
    sim.connector.failNext(1, 503);
    const statuses: Array<[number, string | null]> = [];
    for (let i = 0; i < 4; i++) {
      const response = await send('/v3/conversations/f/activities', { type: 'message', text: `try ${i}` });
      statuses.push([response.status, response.headers.get('retry-after')]);
    }
    assert.deepEqual(statuses, [[429, '3'], [429, '3'], [503, null], [201, null]]);
    assert.deepEqual(sim.connector.activities.map((a) => a.activity.text), ['try 3'], 'failed sends are not recorded');
    assert.throws(() => sim.connector.failNext(1, 200), RangeError);
  });

  it('waitFor rejects when nothing matching arrives in time', async () => {
    const started = Date.now();
    await assert.rejects(sim.connector.waitFor((a) => a.activity.text === 'never', 150), /within 150 ms/);
    assert.ok(Date.now() - started < 1500);
  });
});
