import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import restify from 'restify';
import { registerBotRoutes } from '../../bot/routes.js';
import { messageActivity, postActivity } from '../support/activities.js';
import { MemoryReachStore } from '../support/memory-reach-store.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { newcomer, nextReply, press, say, shown } from './chat-helpers.js';

describe('bot: malformed requests and card submissions', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack();
  });
  after(() => stack?.close());

  it('refuses bodies that are not activities with 400 problem+json, and keeps serving', async () => {
    const person = stack.sim.municipality.demoPersons.staff;
    const valid = messageActivity(stack, person, 'hjelp');
    const { conversation: _conversation, ...withoutConversation } = valid;
    const bad: Array<[string, unknown]> = [
      ['not JSON', '{"type": "message",'],
      ['JSON that is not an activity', { hello: 'world' }],
      ['a JSON string', '"hjelp"'],
      ['null', 'null'],
      ['an array', [valid]],
      ['missing conversation', withoutConversation],
      ['wrong types', { ...valid, from: 'someone' }],
      ['a number for the text', { ...valid, text: 42 }],
      ['bad serviceUrl', { ...valid, serviceUrl: 'not a url' }],
      ['empty type', { ...valid, type: '' }],
    ];
    stack.sim.connector.clear();
    for (const [label, body] of bad) {
      const response = await postActivity(stack, body);
      assert.equal(response.status, 400, label);
      assert.equal(response.headers.get('content-type'), 'application/problem+json', label);
      const problem = (await response.json()) as { code: string; status: number };
      assert.match(problem.code, /^invalid_(json|activity)$/, label);
      assert.equal(problem.status, 400, label);
    }
    assert.equal(stack.sim.connector.activities.length, 0, 'nothing was sent for a refused request');
    assert.match(shown(await say(stack, person, 'hjelp')), /Hei, jeg er Digipuls/, 'the bot still answers');
  });

  it('answers 415 to a body that is not JSON by content type, and 405 to other methods', async () => {
    const text = await fetch(`${stack.url}/api/messages`, { method: 'POST', body: 'hjelp', headers: { 'content-type': 'text/plain' } });
    assert.equal(text.status, 415);
    assert.equal(((await text.json()) as { code: string }).code, 'unsupported_media_type');
    const get = await fetch(`${stack.url}/api/messages`);
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('content-type'), 'application/problem+json');
  });

  it('answers unknown verbs, unsupported languages and missing data with an error card, and stores nothing', async () => {
    const person = stack.sim.municipality.demoPersons.safetyRep; // nynorsk in the directory
    const before = await stack.directory.findPerson(stack.sim.tenantId, person.id);
    const bad: unknown[] = [
      { action: { type: 'Action.Execute', verb: 'digipuls.deleteEverything', data: {} } },
      { action: { type: 'Action.Execute', verb: 'digipuls.setLanguage', data: { locale: 'de' } } },
      { action: { type: 'Action.Execute', verb: 'digipuls.setLanguage' } },
      { action: { type: 'Action.Execute', verb: 'digipuls.setLanguage', data: { locale: ['sv'] } } },
      { action: { type: 'Action.Submit', verb: 'digipuls.setLanguage', data: { locale: 'sv' } } },
      { action: { type: 'Action.Execute' } },
      'not an object',
      null,
    ];
    for (const value of bad) {
      const answer = await press(stack, person, value);
      assert.equal(answer.status, 200, JSON.stringify(value));
      assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive', JSON.stringify(value));
      assert.match(answer.text, /Det gjekk ikkje.*Ingenting er lagra/, JSON.stringify(value));
    }
    const submitted = await say(stack, person, '', { text: undefined, value: { verb: 'digipuls.setLanguage', locale: 'xx' } });
    assert.match(shown(submitted), /Det gjekk ikkje/);
    const after = await stack.directory.findPerson(stack.sim.tenantId, person.id);
    assert.equal(after?.preferredLocale, before?.preferredLocale);
  });

  it('says what went wrong in the language of someone not in the directory', async () => {
    const answer = await press(stack, newcomer(), { action: { type: 'Action.Execute', verb: 'digipuls.nope' } }, 'sv-SE');
    assert.match(answer.text, /Det gick inte/);
  });

  it('reads the body itself when the server has no bodyParser in front', async () => {
    const bare = restify.createServer({ handleUncaughtExceptions: false });
    registerBotRoutes(bare, { config: stack.config, directory: stack.directory, surveys: stack.app.surveys.store, reach: new MemoryReachStore(), logger: pino({ level: 'silent' }) });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
      const person = newcomer();
      const sentBefore = stack.sim.connector.activities.length;
      assert.equal((await postActivity({ ...stack, url }, messageActivity(stack, person, 'hjelp'))).status, 200);
      assert.match(shown(await nextReply(stack, person, sentBefore)), /Hei, jeg er Digipuls/);
      const broken = await postActivity({ ...stack, url }, '{"type":');
      assert.equal(broken.status, 400);
      assert.equal(((await broken.json()) as { code: string }).code, 'invalid_json');
    } finally {
      await new Promise<void>((resolve) => bare.close(() => resolve()));
    }
  });
});
