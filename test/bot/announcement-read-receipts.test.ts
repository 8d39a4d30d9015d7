import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { announcementCard } from '../../bot/cards/announcement-card.js';
import { MemoryReachStore } from '../support/memory-reach-store.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { chatOf, newcomer, type ChatPerson } from './chat-helpers.js';
import { announcementOf, chatReference, fourLanguages, postSigned, readReceipt, startReachBot, type ReachBot } from './announcement-helpers.js';

describe('bot: Teams read receipts count an announcement as read', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let reach: MemoryReachStore;
  let bot: ReachBot;
  const lines: string[] = [];
  const readAt = new Date('2025-03-14T09:30:00Z');

  before(async () => {
    stack = await startTestStack({ botAuth: true });
    reach = new MemoryReachStore();
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    bot = await startReachBot(stack, reach, { logger: pino({ level: 'info' }, sink), now: () => readAt });
  });
  after(async () => {
    await bot?.close();
    await stack?.close();
  });

  /** Sends an announcement to the person's chat through the Bot Connector; the message id Teams gave it. */
  async function sendTo(person: ChatPerson) {
    const announcement = announcementOf(fourLanguages, false);
    const card = announcementCard({ announcementId: announcement.id, content: announcement.content, requiresAcknowledgement: false }, 'nb');
    const activityId = (await bot.runtime.sendProactive(chatReference(stack, person), card))!;
    assert.match(activityId, /^\d+$/, 'Teams message ids in a 1:1 chat are numbers');
    reach.sent(stack.sim.tenantId, announcement, [{ aadObjectId: person.id, conversationId: chatOf(person), activityId }]);
    return { announcement, activityId };
  }

  /** Posts a read receipt; the bot answers 200 and sends nothing to the chat. */
  async function receipt(person: ChatPerson, value: unknown, extra: Record<string, unknown> = {}) {
    const sentBefore = stack.sim.connector.activities.length;
    const response = await postSigned(stack, bot, readReceipt(stack, person, value, extra));
    assert.equal(response.status, 200, JSON.stringify(value));
    assert.equal(stack.sim.connector.activities.length, sentBefore, 'a read receipt gets no answer in the chat');
  }
  const readCalls = () => reach.calls.filter((c) => c.method === 'recordRead');

  it('records the read once, however many receipts follow', async () => {
    const person = newcomer();
    const { announcement, activityId } = await sendTo(person);
    await receipt(person, { lastReadMessageId: activityId });
    assert.deepEqual(reach.counts(announcement.id), { acknowledged: 0, read: 1 });
    assert.deepEqual(readCalls().at(-1)?.input, {
      tenantId: stack.sim.tenantId,
      aadObjectId: person.id,
      conversationId: chatOf(person),
      lastReadMessageId: activityId,
      at: readAt,
    });
    // The same receipt again, and a later one (the person read a newer message).
    await receipt(person, { lastReadMessageId: activityId });
    await receipt(person, { lastReadMessageId: String(BigInt(activityId) + 1000n) });
    assert.deepEqual(reach.counts(announcement.id), { acknowledged: 0, read: 1 });
  });

  it('does not count a message sent after the one the person read up to', async () => {
    const person = newcomer();
    const { announcement, activityId } = await sendTo(person);
    await receipt(person, { lastReadMessageId: String(BigInt(activityId) - 1n) });
    assert.deepEqual(reach.counts(announcement.id), { acknowledged: 0, read: 0 });
  });

  it('ignores receipts from group chats and channels', async () => {
    const person = newcomer();
    const { announcement, activityId } = await sendTo(person);
    const calls = readCalls().length;
    for (const conversationType of ['groupChat', 'channel']) {
      await receipt(person, { lastReadMessageId: activityId }, { conversation: { id: `19:${conversationType}@thread.v2`, conversationType, tenantId: stack.sim.tenantId } });
    }
    assert.equal(readCalls().length, calls, 'the store was never asked');
    assert.deepEqual(reach.counts(announcement.id), { acknowledged: 0, read: 0 });
    assert.match(lines.join(''), /Ignored a read receipt outside a 1:1 chat/);
  });

  it('logs and ignores a malformed receipt', async () => {
    const person = newcomer();
    const { announcement, activityId } = await sendTo(person);
    const calls = readCalls().length;
    const logged = lines.length;
    const bad: unknown[] = [
      undefined,
      null,
      {},
      'not an object',
      [activityId],
      { lastReadMessageId: Number(activityId) },
      { lastReadMessageId: '' },
      { lastReadMessageId: 'latest' },
      { lastReadMessageId: `${activityId};messageid=1` },
      { lastReadMessageId: '-1' },
      { lastReadMessageId: '9'.repeat(25) },
    ];
    for (const value of bad) await receipt(person, value);
    await receipt(person, { lastReadMessageId: activityId }, { from: { id: `29:${person.id}`, name: person.displayName } });
    assert.equal(readCalls().length, calls, 'the store was never asked');
    assert.deepEqual(reach.counts(announcement.id), { acknowledged: 0, read: 0 });
    const warnings = lines.slice(logged).filter((line) => line.includes('Ignored a read receipt without a usable message id'));
    assert.equal(warnings.length, bad.length + 1, 'each one is logged');
    assert.ok(!warnings.some((line) => line.includes(person.id)), 'without saying who');
  });
});
