import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createAnnouncementRepository } from '../../store/announcement-repository.js';
import type { AnnouncementStore } from '../../core/announcement-store.js';
import { openTestDatabase } from '../support/database.js';

/**
 * A Teams read receipt names the last message read in a 1:1 chat. It can come before the sender has
 * settled the card's delivery (written down its message id): the read still counts, once per person.
 */
describe(`announcement store: read receipts before and after the send is settled (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let store: AnnouncementStore;
  const tenantId = 'tenant-read-marks';
  const unitId = randomUUID();
  const chatOf = (person: string) => `a:chat-${person}`;

  before(async () => {
    database = await openTestDatabase();
    store = createAnnouncementRepository(database.db);
  });
  after(async () => database?.close());

  /** An announcement being sent to these people, all claimed by the sender (in flight, not settled). */
  async function sending(people: string[]) {
    const announcement = await store.create({
      tenantId,
      content: { versions: { nb: { title: 'Lest?', body: 'Tekst', links: [] } }, fallbackLocale: 'nb', image: null },
      audience: { kind: 'everyone' },
      sendAt: new Date(),
      requiresAcknowledgement: false,
      createdBy: 'communicator',
      createdByRole: 'Communicator',
    });
    await store.start(tenantId, announcement.id, people.map((aadObjectId) => ({ aadObjectId, unitId })), new Date());
    assert.equal((await store.claim(tenantId, announcement.id, people.length)).length, people.length);
    return announcement.id;
  }
  const settle = (id: string, sent: Array<[person: string, activityId: string]>) =>
    store.settle(tenantId, id, sent.map(([aadObjectId, activityId]) => ({ aadObjectId, state: 'sent', activityId, conversationId: chatOf(aadObjectId) })), new Date());
  const receipt = (person: string, lastReadMessageId: string) =>
    store.recordRead({ tenantId, aadObjectId: person, conversationId: chatOf(person), lastReadMessageId, at: new Date() });
  /** Read as the funnel counts it (per person) and as the timeline counts it (events): they must agree. */
  async function reads(id: string) {
    const funnel = (await store.reachByUnit(tenantId, id, new Date())).reduce((sum, u) => sum + u.read, 0);
    const events = (await store.signalsByHour(tenantId, id)).filter((s) => s.signal === 'read').reduce((sum, s) => sum + s.count, 0);
    assert.equal(events, funnel, 'one read event per person who read');
    return funnel;
  }

  it('counts a receipt that came before the settle once, when the settle writes the message id down', async () => {
    const [early, unread] = [`p-${randomUUID()}`, `p-${randomUUID()}`];
    const id = await sending([early, unread]);
    assert.equal(await receipt(early, '1005'), 0, 'nothing settled yet to mark');
    await settle(id, [[early, '1005'], [unread, '1006']]);
    assert.equal(await reads(id), 1);
    assert.equal(await receipt(early, '1005'), 0, 'the same receipt again changes nothing');
    assert.equal(await reads(id), 1);
  });

  it('counts a receipt that came after the settle once, as before', async () => {
    const person = `p-${randomUUID()}`;
    const id = await sending([person]);
    await settle(id, [[person, '2001']]);
    assert.equal(await receipt(person, '2001'), 1);
    assert.equal(await receipt(person, '2002'), 0, 'a later receipt counts nothing more');
    assert.equal(await reads(id), 1);
  });

  it('keeps the highest message read: an older receipt arriving late neither lowers it nor marks a newer card', async () => {
    const [person, behind] = [`p-${randomUUID()}`, `p-${randomUUID()}`];
    const id = await sending([person, behind]);
    await receipt(person, '3010');
    await receipt(person, '3003');
    // This one read only up to a message before the card.
    await receipt(behind, '2999');
    await settle(id, [[person, '3008'], [behind, '3009']]);
    assert.equal(await reads(id), 1);
    const unit = (await store.reachByUnit(tenantId, id, new Date(Date.now() + 1000)))[0]!;
    assert.equal(unit.notRead, 1, 'the one behind has not read it');
    assert.equal(await receipt(behind, '3009'), 1, 'until a receipt that reaches the card');
    assert.equal(await reads(id), 2);
  });

  it('counts each read once when receipts and settles race each other', async () => {
    const people = Array.from({ length: 40 }, () => `p-${randomUUID()}`);
    const id = await sending(people);
    // Each person's receipt and their own settle at the same moment (on PostgreSQL on separate connections).
    await Promise.all(people.flatMap((person, i) => [receipt(person, String(5000 + i)), settle(id, [[person, String(5000 + i)]])]));
    assert.equal(await reads(id), people.length);
  });
});
