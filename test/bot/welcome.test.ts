import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cardOf, cardText, messageActivity, postActivity } from '../support/activities.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('bot: welcome, help and language in chat (Bot Framework protocol, no app id)', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack();
  });
  after(() => stack?.close());
  beforeEach(() => stack.sim.connector.clear());

  const staff = () => stack.sim.municipality.demoPersons.staff;
  const conversationOf = (id: string) => `a:chat-${id}`;

  it('answers "hjelp" with the welcome card at the connector within 2 s, and remembers the chat', async () => {
    const person = staff();
    const started = Date.now();
    const response = await postActivity(stack, messageActivity(stack, person, 'Hjelp'));
    assert.equal(response.status, 200);
    const sent = await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id), 2000);
    assert.ok(Date.now() - started < 2000);
    const card = cardOf(sent.activity);
    assert.equal(card?.version, '1.5');
    assert.equal(card?.lang, 'nb');
    assert.match(cardText(card), /Hei, jeg er Digipuls/);
    assert.match(cardText(card), /minst 5 personer/, 'the card states the minimum group size');
    assert.match(cardText(card), /«stopp»/, 'the card says how to stop nudges');
    const stored = await stack.directory.findPerson(stack.sim.tenantId, person.id);
    assert.equal((stored?.conversationReference as { conversation?: { id?: string } })?.conversation?.id, conversationOf(person.id));
  });

  it('greets a person with the welcome card when the app is installed for them, in their Teams language', async () => {
    const person = stack.sim.municipality.demoPersons.admin;
    const activity = messageActivity(stack, person, '', {
      type: 'conversationUpdate',
      text: undefined,
      locale: 'sv-SE',
      membersAdded: [{ id: `28:${stack.sim.app.clientId}` }],
    });
    // The admin's directory language is bokmål; install in a Swedish client uses the directory's choice.
    assert.equal((await postActivity(stack, activity)).status, 200);
    const sent = await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id));
    assert.match(cardText(cardOf(sent.activity)), /Hei, jeg er Digipuls/);
    assert.ok((await stack.directory.findPerson(stack.sim.tenantId, person.id))?.conversationReference);
  });

  it('greets someone not yet in the directory in the language of their Teams client', async () => {
    const stranger = { id: randomUUID(), displayName: 'Ny Ansatt' };
    const activity = messageActivity(stack, stranger, '', { type: 'conversationUpdate', text: undefined, locale: 'sv-SE', membersAdded: [{ id: `28:${stack.sim.app.clientId}` }] });
    assert.equal((await postActivity(stack, activity)).status, 200);
    const sent = await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(stranger.id));
    assert.match(cardText(cardOf(sent.activity)), /Hej, jag är Digipuls/);
  });

  it('lets a person switch language with the card, and then speaks that language', async () => {
    const person = stack.sim.municipality.demoPersons.unitLead;
    await postActivity(stack, messageActivity(stack, person, 'språk'));
    const picker = cardOf((await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id))).activity);
    const svenska = picker?.actions?.find((a) => a.title === 'Svenska');
    assert.ok(svenska, 'the picker offers Svenska');

    const invoke = messageActivity(stack, person, '', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb: svenska.verb, data: svenska.data }, trigger: 'manual' },
    });
    const response = await postActivity(stack, invoke);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { statusCode: number; type: string; value: { body: unknown[] } };
    assert.equal(body.statusCode, 200);
    assert.equal(body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(JSON.stringify(body.value.body), /Nu pratar jag svenska med dig/);
    assert.equal((await stack.directory.findPerson(stack.sim.tenantId, person.id))?.preferredLocale, 'sv');

    stack.sim.connector.clear();
    await postActivity(stack, messageActivity(stack, person, 'help'));
    const next = await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id));
    assert.match(cardText(cardOf(next.activity)), /Hej, jag är Digipuls/, 'a stored choice wins over the word used');
  });

  it('accepts a typed language choice ("språk nynorsk") and older clients\' Action.Submit', async () => {
    const person = stack.sim.municipality.demoPersons.communicator;
    await postActivity(stack, messageActivity(stack, person, 'språk nynorsk'));
    const typed = await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id));
    assert.match(cardText(cardOf(typed.activity)), /No snakkar eg nynorsk med deg/);

    stack.sim.connector.clear();
    await postActivity(stack, messageActivity(stack, person, '', { text: undefined, value: { verb: 'digipuls.setLanguage', locale: 'en' } }));
    const submitted = await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id));
    assert.match(cardText(cardOf(submitted.activity)), /I will speak English with you/);
  });

  it('answers bad card submissions with an error card and stores nothing', async () => {
    const person = stack.sim.municipality.demoPersons.safetyRep;
    const before = await stack.directory.findPerson(stack.sim.tenantId, person.id);
    const bad = [
      { action: { type: 'Action.Execute', verb: 'digipuls.deleteEverything', data: {} } },
      { action: { type: 'Action.Execute', verb: 'digipuls.setLanguage', data: { locale: 'de' } } },
      { action: { type: 'Action.Execute', verb: 'digipuls.setLanguage' } },
      { action: { type: 'Action.Submit', verb: 'digipuls.setLanguage', data: { locale: 'sv' } } },
      'not an object',
    ];
    for (const value of bad) {
      const response = await postActivity(stack, messageActivity(stack, person, '', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, value }));
      assert.equal(response.status, 200, JSON.stringify(value));
      const body = (await response.json()) as { value: { body: unknown[] } };
      assert.match(JSON.stringify(body.value.body), /Det gjekk ikkje|Det gikk ikke/, JSON.stringify(value));
    }
    const submit = await postActivity(stack, messageActivity(stack, person, '', { text: undefined, value: { verb: 'digipuls.setLanguage', locale: 'xx' } }));
    assert.equal(submit.status, 200);
    await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id) && /Det gjekk|Det gikk/.test(JSON.stringify(a.activity)));
    assert.equal((await stack.directory.findPerson(stack.sim.tenantId, person.id))?.preferredLocale, before?.preferredLocale ?? 'nn');
  });

  it('stops tips when a person writes "stopp", and starts them again on "start"', async () => {
    const person = staff();
    await postActivity(stack, messageActivity(stack, person, 'Stopp!'));
    const stopped = await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id));
    assert.match(String(stopped.activity.text), /du får ingen flere tips/);
    assert.equal((await stack.directory.findPerson(stack.sim.tenantId, person.id))?.nudgesPaused, true);

    stack.sim.connector.clear();
    await postActivity(stack, messageActivity(stack, person, 'start'));
    const started = await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id));
    assert.match(String(started.activity.text), /Du får tips fra meg igjen/);
    assert.equal((await stack.directory.findPerson(stack.sim.tenantId, person.id))?.nudgesPaused, false);
  });

  it('answers what it does not understand, in the person\'s language', async () => {
    const person = staff();
    await postActivity(stack, messageActivity(stack, person, 'når kommer lønna?'));
    const sent = await stack.sim.connector.waitFor((a) => a.conversationId === conversationOf(person.id));
    assert.match(String(sent.activity.text), /Det forsto jeg ikke/);
  });

  it('refuses malformed activities with 400 and keeps serving', async () => {
    const person = staff();
    const valid = messageActivity(stack, person, 'hjelp');
    const { conversation: _c, ...withoutConversation } = valid;
    const bad: Array<[string, unknown]> = [
      ['not JSON', '{"type": "message",'],
      ['JSON that is not an activity', { hello: 'world' }],
      ['an array', [valid]],
      ['missing conversation', withoutConversation],
      ['wrong types', { ...valid, from: 'someone' }],
      ['bad serviceUrl', { ...valid, serviceUrl: 'not a url' }],
    ];
    for (const [label, body] of bad) {
      const response = await postActivity(stack, body);
      assert.equal(response.status, 400, label);
      assert.equal(response.headers.get('content-type'), 'application/problem+json', label);
    }
    const wrongType = await fetch(`${stack.url}/api/messages`, { method: 'POST', body: 'hjelp', headers: { 'content-type': 'text/plain' } });
    assert.equal(wrongType.status, 415);
    assert.equal((await postActivity(stack, valid)).status, 200, 'the bot still answers');
  });
});
