import assert from 'node:assert/strict';
import { ACKNOWLEDGE_VERB, deliveryMarker } from '../../core/announcement.js';
import type { AnnouncementForCard } from '../../core/announcement-signals.js';
import { cardOf, messageActivity } from '../support/activities.js';
import { MemoryReachStore } from '../support/memory-reach-store.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { chatOf, newcomer, type ChatPerson } from './chat-helpers.js';
import {
  announcementOf,
  chatReference,
  countedLink,
  fourLanguages,
  postSigned,
  pressedButton,
  pressIn,
  startReachBot,
  type AnnouncementCardJson,
  type ReachBot,
} from './announcement-helpers.js';
import { announcementCard } from '../../bot/cards/announcement-card.js';
import { allParts, buttonsOf } from './survey-helpers.js';

describe('bot: acknowledging an announcement', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let reach: MemoryReachStore;
  let bot: ReachBot;
  // Pressed on Friday 14 March 2025, 10:15 in Oslo.
  const pressedAt = new Date('2025-03-14T09:15:00Z');

  before(async () => {
    stack = await startTestStack({ botAuth: true });
    reach = new MemoryReachStore();
    bot = await startReachBot(stack, reach, { now: () => pressedAt });
  });
  after(async () => {
    await bot?.close();
    await stack?.close();
  });

  /** The sender's part: the card goes to each person's chat through the Bot Connector; the store learns the message ids. */
  async function send(announcement: AnnouncementForCard, people: ChatPerson[], locale: 'nb' | 'nn' | 'sv' | 'en' = 'nb'): Promise<Map<string, AnnouncementCardJson>> {
    const cards = new Map<string, AnnouncementCardJson>();
    const to = [];
    for (const person of people) {
      const rewrite = (url: string) => countedLink(announcement.id, person.id, url);
      const card = announcementCard(
        {
          announcementId: announcement.id,
          content: announcement.content,
          requiresAcknowledgement: announcement.requiresAcknowledgement,
          linkUrls: announcement.content.versions[locale]!.links.map((l) => rewrite(l.url)),
          bodyLinkRewrite: rewrite,
        },
        locale,
      );
      const activityId = await bot.runtime.sendProactive(chatReference(stack, person), card);
      assert.ok(activityId);
      const recorded = stack.sim.connector.activities.find((a) => a.activity.id === activityId && a.conversationId === chatOf(person))!;
      cards.set(person.id, cardOf(recorded.activity) as AnnouncementCardJson);
      to.push({ aadObjectId: person.id, conversationId: chatOf(person), activityId });
    }
    reach.sent(stack.sim.tenantId, announcement, to);
    return cards;
  }

  const acknowledgeButton = (card: AnnouncementCardJson | undefined) => buttonsOf(card).find((b) => b.verb === ACKNOWLEDGE_VERB);
  const acknowledgements = () => reach.calls.filter((c) => c.method === 'acknowledge').length;

  it('records the press once and replaces the card with the announcement, acknowledged on the day, links still counted', async () => {
    const person = newcomer();
    const announcement = announcementOf(fourLanguages, true);
    const sent = (await send(announcement, [person])).get(person.id)!;
    assert.ok(acknowledgeButton(sent), 'the card came with the button');

    const first = await pressIn(stack, bot, person, pressedButton(acknowledgeButton(sent)));
    assert.equal(first.status, 200);
    assert.equal(first.body.statusCode, 200);
    assert.equal(first.body.type, 'application/vnd.microsoft.card.adaptive');
    const card = first.card!;
    assert.equal((card.body[0] as { id?: string }).id, deliveryMarker(announcement.id), 'still the same announcement, as the sender marks it');
    assert.match(first.text, /Nytt turnusprogram fra 1\. mars/);
    assert.match(first.text, /Bekreftet lest ✓ 14\. mars 2025/);
    assert.equal(acknowledgeButton(card), undefined, 'the button is gone');
    assert.ok(!allParts(card).some((p) => p.type === 'Action.Submit'));
    assert.deepEqual(
      buttonsOf(card).map((b) => (b as { url?: string }).url),
      fourLanguages.versions.nb!.links.map((l) => countedLink(announcement.id, person.id, l.url)),
      'the link buttons still count clicks',
    );
    assert.match(first.text, new RegExp(`\\(${countedLink(announcement.id, person.id, 'https://intranett.example.no/turnus').replace(/[.?/]/g, '\\$&')}\\)`), 'so does the link in the body');
    assert.deepEqual(reach.counts(announcement.id), { acknowledged: 1, read: 0 });
    assert.deepEqual(reach.calls.at(-1)?.input, { tenantId: stack.sim.tenantId, announcementId: announcement.id, aadObjectId: person.id, at: pressedAt });

    // Pressed again (an old copy of the card on another device): the same card, nothing new recorded.
    const again = await pressIn(stack, bot, person, pressedButton(acknowledgeButton(sent)));
    assert.deepEqual(again.card, card);
    assert.deepEqual(reach.counts(announcement.id), { acknowledged: 1, read: 0 });
  });

  it('answers in the person’s language, with their version of the announcement', async () => {
    const person = newcomer();
    const announcement = announcementOf(fourLanguages, true);
    const sent = (await send(announcement, [person], 'sv')).get(person.id)!;
    const answer = await pressIn(stack, bot, person, pressedButton(acknowledgeButton(sent)), { locale: 'sv-SE' });
    assert.match(answer.text, /Nytt schema från 1 mars/);
    assert.match(answer.text, /Bekräftat läst ✓ 14 mars 2025/);
    assert.equal(answer.card?.lang, 'sv');
  });

  it('takes the Action.Submit fallback of older clients the same way, answering with a new card', async () => {
    const person = newcomer();
    const announcement = announcementOf(fourLanguages, true);
    const sent = (await send(announcement, [person])).get(person.id)!;
    const fallback = (acknowledgeButton(sent) as { fallback?: { data?: Record<string, unknown> } }).fallback!;
    const before = stack.sim.connector.activities.length;
    const response = await postSigned(stack, bot, messageActivity(stack, person, '', { text: undefined, value: fallback.data }));
    assert.equal(response.status, 200);
    const reply = await stack.sim.connector.waitFor((a) => a.conversationId === chatOf(person) && stack.sim.connector.activities.indexOf(a) >= before);
    const card = cardOf(reply.activity) as AnnouncementCardJson;
    assert.match(JSON.stringify(card.body), /Bekreftet lest ✓ 14\. mars 2025/);
    assert.deepEqual(reach.counts(announcement.id), { acknowledged: 1, read: 0 });
  });

  describe('a press that is not the person’s own records nothing', () => {
    const refused = /Kunne ikke bekrefte lest.*passer ikke med noen kunngjøring som er sendt til deg.*ingenting er registrert/;
    let owner: ChatPerson;
    let stranger: ChatPerson;
    let announcement: AnnouncementForCard;
    let button: ReturnType<typeof acknowledgeButton>;

    before(async () => {
      owner = newcomer();
      stranger = newcomer();
      announcement = announcementOf(fourLanguages, true);
      button = acknowledgeButton((await send(announcement, [owner])).get(owner.id));
    });

    /** Presses `value` as `who` and checks the refusal card and that the store recorded nothing. */
    async function refusedFor(who: ChatPerson, value: unknown, extra: Record<string, unknown> = {}, text: RegExp = refused) {
      const before = reach.counts(announcement.id);
      const answer = await pressIn(stack, bot, who, value, { extra });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
      assert.match(answer.text, text);
      assert.ok(!allParts(answer.card).some((p) => p.type === 'Action.Execute'), 'nothing to press again');
      assert.deepEqual(reach.counts(announcement.id), before);
      return answer;
    }
    const execute = (data: unknown) => ({ action: { type: 'Action.Execute', verb: ACKNOWLEDGE_VERB, data }, trigger: 'manual' });
    const damaged = /Det gikk ikke.*Ingenting er lagret/;

    it('another person’s announcement id (the store says not for you)', async () => {
      await refusedFor(stranger, pressedButton(button));
      assert.deepEqual(reach.calls.at(-1)?.input.aadObjectId, stranger.id);
    });

    it('an announcement id of no announcement', async () => {
      await refusedFor(owner, execute({ announcementId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9' }));
    });

    it('an announcement that asks for no acknowledgement', async () => {
      const plain = announcementOf(fourLanguages, false);
      await send(plain, [owner]);
      await refusedFor(owner, execute({ announcementId: plain.id }));
      assert.deepEqual(reach.counts(plain.id), { acknowledged: 0, read: 0 });
    });

    it('an id that is not a uuid, never reaching the store', async () => {
      const calls = acknowledgements();
      for (const announcementId of [`${announcement.id}'; drop table announcements; --`, 'x', '', 42, null, [announcement.id]]) {
        await refusedFor(owner, execute({ announcementId }), {}, damaged);
      }
      assert.equal(acknowledgements(), calls);
    });

    it('no id, or data beyond the id, never reaching the store', async () => {
      const calls = acknowledgements();
      await refusedFor(owner, execute({}), {}, damaged);
      await refusedFor(owner, execute(undefined), {}, damaged);
      await refusedFor(owner, execute({ announcementId: announcement.id, aadObjectId: stranger.id }), {}, damaged);
      await refusedFor(owner, execute({ announcementId: announcement.id, at: '2025-01-01T00:00:00Z' }), {}, damaged);
      await refusedFor(owner, { action: { type: 'Action.Submit', verb: ACKNOWLEDGE_VERB, data: { announcementId: announcement.id } } }, {}, damaged);
      assert.equal(acknowledgements(), calls);
    });

    it('a press in a group chat or a channel, even on the person’s own announcement', async () => {
      const calls = acknowledgements();
      for (const conversationType of ['groupChat', 'channel']) {
        await refusedFor(owner, pressedButton(button), { conversation: { id: `19:${conversationType}@thread.v2`, conversationType, tenantId: stack.sim.tenantId } });
      }
      assert.equal(acknowledgements(), calls);
    });

    it('a press with no Entra id', async () => {
      const calls = acknowledgements();
      await refusedFor(owner, pressedButton(button), { from: { id: `29:${owner.id}`, name: owner.displayName } });
      assert.equal(acknowledgements(), calls);
    });

    it('says so in each language', async () => {
      const cases: Array<[string, RegExp]> = [
        ['nn-NO', /Kunne ikkje stadfeste lese.*passar ikkje med noka kunngjering som er send til deg.*ingenting er registrert/],
        ['sv-SE', /Det gick inte att bekräfta läst.*stämmer inte med något meddelande som har skickats till dig.*inget har registrerats/],
        ['en-GB', /Could not acknowledge.*does not match an announcement sent to you.*nothing was recorded/],
      ];
      for (const [locale, text] of cases) {
        const answer = await pressIn(stack, bot, newcomer(), pressedButton(button), { locale });
        assert.match(answer.text, text, locale);
      }
      assert.deepEqual(reach.counts(announcement.id), { acknowledged: 0, read: 0 });
    });
  });
});
