import assert from 'node:assert/strict';
import type { ConversationReference } from 'botbuilder';
import { welcomeCard } from '../../bot/cards/welcome-card.js';
import type { BotRuntime } from '../../bot/routes.js';
import { cardOf, cardText } from '../support/activities.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { chatOf, say } from './chat-helpers.js';

describe('bot: messages Digipuls starts itself (proactive)', () => {
  let stack: TestStack;
  let bot: BotRuntime;
  before(async () => {
    stack = await startTestStack();
    bot = stack.app.server.bot;
  });
  after(() => stack?.close());

  const referenceOf = async (id: string) =>
    (await stack.directory.findPerson(stack.sim.tenantId, id))?.conversationReference as Partial<ConversationReference>;

  it('reaches a person in the chat remembered from their first message, with a card or plain text', async () => {
    const person = stack.sim.municipality.demoPersons.staff;
    await say(stack, person, 'hjelp');
    const reference = await referenceOf(person.id);
    assert.ok(reference, 'the chat was remembered');

    const before = stack.sim.connector.activities.length;
    const cardId = await bot.sendProactive(reference, welcomeCard('nn', 7));
    const textId = await bot.sendProactive(reference, { type: 'message', text: 'Ny pulsmåling: to minutt.' });
    const sent = stack.sim.connector.activities.slice(before).filter((a) => a.conversationId === chatOf(person));
    assert.equal(sent.length, 2);
    assert.equal(sent[0]!.activity.id, cardId);
    assert.match(cardText(cardOf(sent[0]!.activity)), /Hei, eg er Digipuls.*minst 7 personar/);
    assert.equal(sent[1]!.activity.id, textId);
    assert.equal(sent[1]!.activity.text, 'Ny pulsmåling: to minutt.');
  });

  it('tells the caller when the connector refuses (the person removed the app), instead of reporting it sent', async () => {
    const reference = await referenceOf(stack.sim.municipality.demoPersons.staff.id);
    stack.sim.connector.failNext(1, 403);
    await assert.rejects(bot.sendProactive(reference, { type: 'message', text: 'Hei' }), (error: { statusCode?: number }) => error.statusCode === 403);
    assert.ok(await bot.sendProactive(reference, { type: 'message', text: 'Hei igjen' }), 'the next send goes through');
  });
});
