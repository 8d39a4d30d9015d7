import assert from 'node:assert/strict';
import { announcementCard } from '../../bot/cards/announcement-card.js';
import type { AnnouncementStore } from '../../core/announcement-store.js';
import { createAnnouncementRepository } from '../../store/announcement-repository.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { chatOf, type ChatPerson } from './chat-helpers.js';
import { chatReference, fourLanguages, postSigned, pressedButton, pressIn, readReceipt, startReachBot, type ReachBot } from './announcement-helpers.js';
import { buttonsOf } from './survey-helpers.js';

describe('bot: acknowledgements and read receipts counted in the database', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let store: AnnouncementStore;
  let bot: ReachBot;
  const at = new Date('2025-03-14T09:15:00Z');

  before(async () => {
    stack = await startTestStack({ botAuth: true });
    store = createAnnouncementRepository(stack.database.db);
    bot = await startReachBot(stack, store, { now: () => at });
  });
  after(async () => {
    await bot?.close();
    await stack?.close();
  });

  it('counts one acknowledgement and one read per person, and refuses someone it was not sent to', async () => {
    const tenantId = stack.sim.tenantId;
    const [person, stranger]: ChatPerson[] = stack.sim.municipality.people.filter((p) => p.accountEnabled && p.department && p.preferredLanguage === 'nb-NO');
    assert.ok(person && stranger);
    const announcement = await store.create({ tenantId, content: fourLanguages, audience: { kind: 'everyone' }, sendAt: at, requiresAcknowledgement: true, createdBy: 'test', createdByRole: 'Communicator' });
    await store.start(tenantId, announcement.id, [{ aadObjectId: person.id, unitId: null }], at);
    const [claimed] = await store.claim(tenantId, announcement.id, 10);
    assert.equal(claimed?.aadObjectId, person.id);
    const card = announcementCard({ announcementId: announcement.id, content: fourLanguages, requiresAcknowledgement: true }, 'nb');
    const activityId = (await bot.runtime.sendProactive(chatReference(stack, person), card))!;
    await store.settle(tenantId, announcement.id, [{ aadObjectId: person.id, state: 'sent', activityId, conversationId: chatOf(person) }], at);
    const acknowledge = buttonsOf(card).find((b) => b.verb === 'announcement.acknowledge');

    const first = await pressIn(stack, bot, person, pressedButton(acknowledge));
    assert.match(first.text, /Bekreftet lest ✓ 14\. mars 2025/);
    const again = await pressIn(stack, bot, person, pressedButton(acknowledge));
    assert.deepEqual(again.card, first.card);
    assert.match((await pressIn(stack, bot, stranger, pressedButton(acknowledge))).text, /Kunne ikke bekrefte lest/);

    for (let i = 0; i < 2; i++) assert.equal((await postSigned(stack, bot, readReceipt(stack, person, { lastReadMessageId: activityId }))).status, 200);

    const units = await store.reachByUnit(tenantId, announcement.id, at);
    const total = units.reduce((sum, u) => ({ acknowledged: sum.acknowledged + u.acknowledged, read: sum.read + u.read, delivered: sum.delivered + u.delivered }), { acknowledged: 0, read: 0, delivered: 0 });
    assert.deepEqual(total, { acknowledged: 1, read: 1, delivered: 1 });
  });
});
