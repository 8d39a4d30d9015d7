import assert from 'node:assert/strict';
import { cardOf } from '../support/activities.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { newcomer, press, say, shown } from './chat-helpers.js';

describe('bot: choosing a language in chat', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack();
  });
  after(() => stack?.close());

  const chosen = async (id: string) => (await stack.directory.findPerson(stack.sim.tenantId, id))?.preferredLocale;

  it('"språk" shows a picker with every language named in itself', async () => {
    const picker = cardOf((await say(stack, stack.sim.municipality.demoPersons.staff, 'språk')).activity);
    assert.equal(picker?.version, '1.5');
    assert.match(JSON.stringify(picker?.body), /Velg språk/);
    assert.deepEqual(picker?.actions?.map((a) => a.title), ['Norsk (bokmål)', 'Norsk (nynorsk)', 'Svenska', 'English']);
  });

  it('pressing Svenska replaces the picker with the Swedish welcome, stores the choice, and "help" then answers in Swedish', async () => {
    const person = stack.sim.municipality.demoPersons.unitLead;
    const picker = cardOf((await say(stack, person, 'språk')).activity);
    const svenska = picker?.actions?.find((a) => a.title === 'Svenska');
    assert.ok(svenska, 'the picker offers Svenska');

    const answer = await press(stack, person, { action: { type: 'Action.Execute', verb: svenska.verb, data: svenska.data }, trigger: 'manual' });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.statusCode, 200);
    assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.equal(answer.body.value?.lang, 'sv');
    assert.match(answer.text, /Nu pratar jag svenska med dig/);
    assert.match(answer.text, /Hej, jag är Digipuls/);
    assert.equal(await chosen(person.id), 'sv');

    assert.match(shown(await say(stack, person, 'help')), /Hej, jag är Digipuls/, 'the stored choice wins over the word used');
    assert.match(shown(await say(stack, person, 'hva?')), /Det förstod jag inte/);
  });

  it('"Change language" on the welcome card opens the picker in place', async () => {
    const person = newcomer();
    const welcome = cardOf((await say(stack, person, 'help', { locale: 'en-US' })).activity);
    const change = welcome?.actions?.find((a) => a.title === 'Change language');
    assert.ok(change);
    const answer = await press(stack, person, { action: { type: 'Action.Execute', verb: change.verb, data: change.data } }, 'en-US');
    assert.match(answer.text, /Choose your language/);
  });

  it('"Privacy" on the welcome card explains what happens with answers', async () => {
    const person = stack.sim.municipality.demoPersons.staff;
    const welcome = cardOf((await say(stack, person, 'hjelp')).activity);
    const privacy = welcome?.actions?.find((a) => a.title === 'Personvern');
    assert.ok(privacy);
    const answer = await press(stack, person, { action: { type: 'Action.Execute', verb: privacy.verb, data: privacy.data } });
    assert.match(answer.text, /Hva skjer med svarene mine/);
    assert.match(answer.text, /minst 5 personer/);
  });

  it('accepts a typed choice: "språk nynorsk", "language sv", "språk en"', async () => {
    const person = stack.sim.municipality.demoPersons.communicator;
    assert.match(shown(await say(stack, person, 'språk nynorsk')), /No snakkar eg nynorsk med deg/);
    assert.equal(await chosen(person.id), 'nn');
    assert.match(shown(await say(stack, person, 'Language sv')), /Nu pratar jag svenska med dig/);
    assert.equal(await chosen(person.id), 'sv');
    assert.match(shown(await say(stack, person, 'språk en')), /I will speak English with you/);
    assert.equal(await chosen(person.id), 'en');
  });

  it("accepts older clients' Action.Submit and answers with a new message in the chosen language", async () => {
    const person = newcomer();
    const reply = await say(stack, person, '', { text: undefined, value: { verb: 'digipuls.setLanguage', locale: 'nn' } });
    assert.match(shown(reply), /No snakkar eg nynorsk med deg/);
    assert.equal(await chosen(person.id), 'nn');
  });

  it('asks in Norwegian when someone with an English Teams writes "språk", and in English for "language"', async () => {
    assert.match(shown(await say(stack, newcomer(), 'språk', { locale: 'en-US' })), /Velg språk/);
    assert.match(shown(await say(stack, newcomer(), 'language', { locale: 'en-US' })), /Choose your language/);
    assert.match(shown(await say(stack, newcomer(), 'språk', { locale: 'sv-SE' })), /Välj språk/);
  });
});
