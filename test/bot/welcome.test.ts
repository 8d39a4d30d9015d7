import assert from 'node:assert/strict';
import { cardOf } from '../support/activities.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { chatOf, installFor, newcomer, nextReply, say, shown } from './chat-helpers.js';

describe('bot: welcome and help in a 1:1 chat', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack();
  });
  after(() => stack?.close());

  const staff = () => stack.sim.municipality.demoPersons.staff;

  it('answers "hjelp" with the welcome card in bokmål within 2 s, and remembers the chat', async () => {
    const person = staff();
    const started = Date.now();
    const reply = await say(stack, person, '  Hjelp ');
    assert.ok(Date.now() - started < 2000, `answered after ${Date.now() - started} ms`);
    const card = cardOf(reply.activity);
    assert.equal(card?.version, '1.5');
    assert.equal(card?.lang, 'nb');
    const text = shown(reply);
    assert.match(text, /Hei, jeg er Digipuls/);
    assert.match(text, /pulsmålinger om det digitale arbeidsmiljøet/, 'says what it asks');
    assert.match(text, /minst 5 personer/, 'states the minimum group size');
    assert.match(text, /lederen din ser aldri hva du svarte/, 'says the manager never sees individual answers');
    assert.match(text, /«stopp»/, 'says how to stop tips');
    assert.match(text, /«språk»/, 'says how to change language');
    assert.deepEqual(card?.actions?.map((a) => a.title), ['Bytt språk', 'Personvern']);
    const stored = await stack.directory.findPerson(stack.sim.tenantId, person.id);
    assert.equal((stored?.conversationReference as { conversation?: { id?: string } })?.conversation?.id, chatOf(person));
  });

  it('gives every button an Action.Submit fallback for clients without Universal Actions', async () => {
    const card = cardOf((await say(stack, staff(), 'hjelp')).activity) as { actions?: Array<Record<string, unknown>> };
    for (const action of card.actions ?? []) {
      assert.equal(action.type, 'Action.Execute');
      const fallback = action.fallback as { type: string; data: { verb: string } };
      assert.equal(fallback.type, 'Action.Submit');
      assert.equal(fallback.data.verb, action.verb, 'the fallback carries the same verb');
    }
  });

  it('understands "help" after an @mention, and "hjälp" from a Swedish speaker', async () => {
    assert.match(shown(await say(stack, newcomer(), '<at>Digipuls</at> help', { locale: 'en-US' })), /Hi, I'm Digipuls/);
    assert.match(shown(await say(stack, newcomer(), 'hjälp', { locale: 'en-US' })), /Hej, jag är Digipuls/);
  });

  it('answers "hjelp" in nynorsk when the Teams client is in nynorsk', async () => {
    const reply = await say(stack, newcomer(), 'hjelp', { locale: 'nn-NO' });
    assert.match(shown(reply), /Hei, eg er Digipuls/);
    assert.equal(cardOf(reply.activity)?.lang, 'nn');
  });

  it('greets a person with the welcome card when the app is installed for them, in their Teams language', async () => {
    const person = newcomer();
    const sentBefore = stack.sim.connector.activities.length;
    assert.equal((await installFor(stack, person, 'sv-SE')).status, 200);
    const sent = await nextReply(stack, person, sentBefore);
    assert.match(shown(sent), /Hej, jag är Digipuls/);
    assert.match(shown(sent), /minst 5 personer/);
    const stored = await stack.directory.findPerson(stack.sim.tenantId, person.id);
    assert.ok(stored?.conversationReference, 'the chat is remembered for later messages');
  });

  it('greets a person the directory knows in the language the directory holds for them', async () => {
    const person = stack.sim.municipality.demoPersons.admin; // bokmål (nb-NO) in the directory
    const sentBefore = stack.sim.connector.activities.length;
    await installFor(stack, person, 'sv-SE');
    const sent = await nextReply(stack, person, sentBefore);
    assert.match(shown(sent), /Hei, jeg er Digipuls/);
  });

  it('stops tips when a person writes "stopp", and starts them again on "start"', async () => {
    const person = staff();
    assert.match(shown(await say(stack, person, 'Stopp!')), /du får ingen flere tips/);
    assert.equal((await stack.directory.findPerson(stack.sim.tenantId, person.id))?.nudgesPaused, true);
    assert.match(shown(await say(stack, person, 'start')), /Du får tips fra meg igjen/);
    assert.equal((await stack.directory.findPerson(stack.sim.tenantId, person.id))?.nudgesPaused, false);
  });

  it("answers what it does not understand in the person's language, pointing to help", async () => {
    assert.match(shown(await say(stack, staff(), 'når kommer lønna?')), /Det forsto jeg ikke\. Skriv «hjelp»/);
    assert.match(shown(await say(stack, newcomer(), 'when is payday?', { locale: 'en-GB' })), /I did not understand that\. Write "help"/);
  });
});
