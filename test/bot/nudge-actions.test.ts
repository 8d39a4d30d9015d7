import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import restify from 'restify';
import type { Locale } from '../../core/locale.js';
import { NUDGE_FEEDBACK_VERB, NUDGE_MARKER_PREFIX, NUDGE_STOP_VERB, type NudgeTip } from '../../core/nudge-tips.js';
import { nudgeCard } from '../../bot/cards/nudge-card.js';
import { registerBotRoutes } from '../../bot/routes.js';
import { createNudgeRulesRepository } from '../../store/nudge-rules-repository.js';
import { cardOf, messageActivity } from '../support/activities.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { chatReference, postSigned, pressedButton, pressIn, type AnnouncementCardJson, type ReachBot } from './announcement-helpers.js';
import { chatOf, type ChatPerson } from './chat-helpers.js';
import { allParts, buttonsOf } from './survey-helpers.js';

describe('bot: answering a usage tip, and stopping tips from its button', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let bot: ReachBot;
  let staff: Array<ChatPerson & { unitKey: string }>;

  before(async () => {
    stack = await startTestStack({ botAuth: true });
    bot = await startNudgeBot(stack);
    const people = await stack.database.db
      .selectFrom('people as p')
      .innerJoin('units as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.unit_id', '=', 'p.unit_id'))
      .select(['p.aad_object_id', 'p.display_name', 'u.path_key'])
      .where('p.tenant_id', '=', stack.sim.tenantId)
      .orderBy('p.aad_object_id')
      .limit(12)
      .execute();
    staff = people.map((p) => ({ id: p.aad_object_id, displayName: p.display_name ?? 'Ansatt', unitKey: p.path_key }));
    assert.equal(staff.length, 12, 'the synced directory has staff in units');
  });
  after(async () => {
    await bot?.close();
    await stack?.close();
  });

  let next = 0;
  /** Someone from the synced directory nobody else in this file uses, answering in `locale`. */
  async function person(locale: Locale = 'nb') {
    const who = staff[next++]!;
    await stack.directory.setPreferredLocale(stack.sim.tenantId, who.id, locale);
    return who;
  }

  /** The sender's part: a nudge row marked sent and its card in the person's chat, as the connector holds it. */
  async function sendTip(to: ChatPerson, tip: NudgeTip, locale: Locale = 'nb', state: 'sent' | 'pending' = 'sent') {
    const { nudge_id: nudgeId } = await stack.database.db
      .insertInto('nudges')
      .values({ tenant_id: stack.sim.tenantId, aad_object_id: to.id, series: 'teams-tips', tip, step: 0, due_day: '2025-03-10', state, sent_at: new Date() })
      .returning('nudge_id')
      .executeTakeFirstOrThrow();
    const activityId = await bot.runtime.sendProactive(chatReference(stack, to), nudgeCard({ nudgeId, tip }, locale));
    const recorded = stack.sim.connector.activities.find((a) => a.activity.id === activityId && a.conversationId === chatOf(to))!;
    return { nudgeId, card: cardOf(recorded.activity) as AnnouncementCardJson };
  }

  const pairOf = (card: unknown) => allParts(card).filter((p) => p.type === 'Action.Execute' && p.verb === NUDGE_FEEDBACK_VERB) as Array<{ verb: string; data: Record<string, unknown> }>;
  const button = (card: unknown, feedback: 'helped' | 'not-for-me') => pairOf(card).find((b) => b.data.feedback === feedback);
  const stopButton = (card: AnnouncementCardJson) => buttonsOf(card).find((b) => b.verb === NUDGE_STOP_VERB);
  const counts = async () =>
    stack.database.db.selectFrom('nudge_tip_feedback').select(['tip', 'unit_key', 'helped', 'not_for_me']).where('tenant_id', '=', stack.sim.tenantId).orderBy('tip').orderBy('unit_key').execute();
  /** The counts of one tip in one unit (zero before any answer). */
  const row = (rows: Awaited<ReturnType<typeof counts>>, tip: NudgeTip, unitKey: string) => {
    const found = rows.find((r) => r.tip === tip && r.unit_key === unitKey);
    return { helped: found?.helped ?? 0, not_for_me: found?.not_for_me ?? 0 };
  };
  const given = async (nudgeId: string) =>
    (await stack.database.db.selectFrom('nudges').select('feedback_given').where('nudge_id', '=', nudgeId).executeTakeFirstOrThrow()).feedback_given;
  const paused = async (who: ChatPerson) => (await stack.directory.findPerson(stack.sim.tenantId, who.id))?.nudgesPaused;
  const execute = (verb: string, data: unknown) => ({ action: { type: 'Action.Execute', verb, data }, trigger: 'manual' });
  const damaged = /Det gikk ikke.*Ingenting er lagret/;

  it('"Dette hjalp" counts once per nudge, for the tip and unit; the card becomes the same tip with thanks, and a second press only thanks again', async () => {
    const who = await person('nb');
    const { nudgeId, card: sent } = await sendTip(who, 'install-mobile-app');
    const before = await counts();

    const first = await pressIn(stack, bot, who, pressedButton(button(sent, 'helped')));
    assert.equal(first.status, 200);
    assert.equal(first.body.type, 'application/vnd.microsoft.card.adaptive');
    const card = first.card!;
    assert.equal((card.body[0] as { id?: string }).id, `${NUDGE_MARKER_PREFIX}${nudgeId}`, 'still the same tip, as the sender marks it');
    assert.equal(card.fallbackText, sent.fallbackText);
    assert.match(first.text, /Ha Teams med deg på telefonen/);
    assert.match(first.text, /Takk! Vi bruker svaret til å gjøre tipsene bedre\./);
    assert.deepEqual(pairOf(card), [], 'the pair is gone');
    assert.ok(stopButton(card), 'tips can still be stopped from it');
    assert.equal(await given(nudgeId), true);
    const after = await counts();
    assert.deepEqual(row(after, 'install-mobile-app', who.unitKey), { helped: row(before, 'install-mobile-app', who.unitKey).helped + 1, not_for_me: 0 });
    assert.equal(after.reduce((sum, r) => sum + r.helped + r.not_for_me, 0), before.reduce((sum, r) => sum + r.helped + r.not_for_me, 0) + 1, 'one count, nothing else');

    // An old copy of the card on another device: the same thanks, nothing counted.
    const again = await pressIn(stack, bot, who, pressedButton(button(sent, 'helped')));
    assert.deepEqual(again.card, card);
    const otherAnswer = await pressIn(stack, bot, who, pressedButton(button(sent, 'not-for-me')));
    assert.deepEqual(otherAnswer.card, card, 'changing one’s mind counts nothing either');
    assert.deepEqual(await counts(), after);
  });

  it('"Ikke for meg" is counted apart, and the thanks come in the person’s language', async () => {
    const who = await person('sv');
    const { card: sent } = await sendTip(who, 'turn-on-notifications', 'sv');
    // Their Teams is in English; the language they chose in chat wins.
    const answer = await pressIn(stack, bot, who, pressedButton(button(sent, 'not-for-me')), { locale: 'en-GB' });
    assert.equal(answer.card?.lang, 'sv');
    assert.match(answer.text, /Slå på aviseringar så missar du inget/);
    assert.match(answer.text, /Tack! Vi använder svaret för att göra tipsen bättre\./);
    assert.deepEqual(row(await counts(), 'turn-on-notifications', who.unitKey), { helped: 0, not_for_me: 1 });
  });

  it('takes the Action.Submit fallback of older clients the same way, answering with a new card', async () => {
    const who = await person('nn');
    const { nudgeId, card: sent } = await sendTip(who, 'follow-unit-channel', 'nn');
    const fallback = (button(sent, 'helped') as { fallback?: { data?: Record<string, unknown> } }).fallback!;
    const sentBefore = stack.sim.connector.activities.length;
    const response = await postSigned(stack, bot, messageActivity(stack, who, '', { text: undefined, value: fallback.data }));
    assert.equal(response.status, 200);
    const reply = await stack.sim.connector.waitFor((a) => a.conversationId === chatOf(who) && stack.sim.connector.activities.indexOf(a) >= sentBefore);
    const card = cardOf(reply.activity) as AnnouncementCardJson;
    assert.equal((card.body[0] as { id?: string }).id, `${NUDGE_MARKER_PREFIX}${nudgeId}`);
    assert.match(JSON.stringify(card.body), /Takk! Vi brukar svaret til å gjere tipsa betre\./);
    assert.equal(await given(nudgeId), true);
  });

  describe('a press that is not the person’s own counts nothing', () => {
    let owner: ChatPerson;
    let stranger: ChatPerson;
    let nudgeId: string;
    let sent: AnnouncementCardJson;

    before(async () => {
      owner = await person('nb');
      stranger = await person('nb');
      ({ nudgeId, card: sent } = await sendTip(owner, 'ask-in-channel'));
    });

    /** Presses `value` as `who`: the error card, no count changed, the owner's nudge still unanswered. */
    async function refusedFor(who: ChatPerson, value: unknown, extra: Record<string, unknown> = {}) {
      const before = await counts();
      const answer = await pressIn(stack, bot, who, value, { extra });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.type, 'application/vnd.microsoft.card.adaptive');
      assert.match(answer.text, damaged);
      assert.ok(!allParts(answer.card).some((p) => p.type === 'Action.Execute'), 'nothing to press again');
      assert.deepEqual(await counts(), before);
      assert.equal(await given(nudgeId), false);
    }

    it('someone else’s nudge', async () => {
      await refusedFor(stranger, pressedButton(button(sent, 'helped')));
    });

    it('a nudge id of no nudge, or of one not sent yet', async () => {
      await refusedFor(owner, execute(NUDGE_FEEDBACK_VERB, { nudgeId: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', feedback: 'helped' }));
      const { nudgeId: pending } = await sendTip(owner, 'find-management-news', 'nb', 'pending');
      await refusedFor(owner, execute(NUDGE_FEEDBACK_VERB, { nudgeId: pending, feedback: 'helped' }));
      assert.equal(await given(pending), false);
    });

    it('a feedback value or id the card never sends, or data beyond them', async () => {
      for (const data of [
        { nudgeId, feedback: 'maybe' },
        { nudgeId, feedback: 'HELPED' },
        { nudgeId },
        { feedback: 'helped' },
        { nudgeId: `${nudgeId}'; drop table nudges; --`, feedback: 'helped' },
        { nudgeId: [nudgeId], feedback: 'helped' },
        { nudgeId, feedback: 'helped', aadObjectId: owner.id },
        { nudgeId, feedback: 'helped', tip: 'welcome-to-teams' },
        undefined,
      ]) {
        await refusedFor(owner, execute(NUDGE_FEEDBACK_VERB, data));
      }
    });

    it('a press in a group chat or a channel, or without an Entra id, even on the person’s own nudge', async () => {
      for (const conversationType of ['groupChat', 'channel']) {
        await refusedFor(owner, pressedButton(button(sent, 'helped')), { conversation: { id: `19:${conversationType}@thread.v2`, conversationType, tenantId: stack.sim.tenantId } });
      }
      await refusedFor(owner, pressedButton(button(sent, 'helped')), { from: { id: `29:${owner.id}`, name: owner.displayName } });
    });

    it('after all that, the owner’s own press still counts', async () => {
      const answer = await pressIn(stack, bot, owner, pressedButton(button(sent, 'helped')));
      assert.match(answer.text, /Takk!/);
      assert.equal(await given(nudgeId), true);
    });
  });

  describe('"Ingen flere tips"', () => {
    it('turns tips off, as «stopp» does, and says so in the person’s language with how to start again', async () => {
      const cases: Array<[Locale, RegExp]> = [
        ['nb', /Tipsene er slått av.*Greit, du får ingen flere tips fra meg.*Skriv «start»/],
        ['nn', /Tipsa er slått av.*Greitt, du får ikkje fleire tips frå meg.*Skriv «start»/],
        ['sv', /Tipsen är avstängda.*Okej, du får inga fler tips från mig.*Skriv ”start”/],
        ['en', /Tips are turned off.*OK, you will get no more tips from me.*Write \\"start\\"/],
      ];
      for (const [locale, said] of cases) {
        const who = await person(locale);
        const { card: sent } = await sendTip(who, 'welcome-to-teams', locale);
        assert.equal(await paused(who), false);
        // Their Teams client is in another language; the one they chose in chat wins.
        const answer = await pressIn(stack, bot, who, pressedButton(stopButton(sent)), { locale: locale === 'nb' ? 'sv-SE' : 'nb-NO' });
        assert.equal(answer.status, 200);
        assert.equal(answer.card?.lang, locale);
        assert.match(answer.text, said, locale);
        assert.equal(await paused(who), true, locale);
        assert.ok(!allParts(answer.card).some((p) => String(p.type).startsWith('Action.')), 'nothing to press');
      }
    });

    it('stays off when pressed again, and writing «start» turns tips back on', async () => {
      const who = await person('nb');
      const { card: sent } = await sendTip(who, 'install-mobile-app');
      await pressIn(stack, bot, who, pressedButton(stopButton(sent)));
      await pressIn(stack, bot, who, pressedButton(stopButton(sent)));
      assert.equal(await paused(who), true);
      await postSigned(stack, bot, messageActivity(stack, who, 'start'));
      assert.equal(await paused(who), false);
    });

    it('refuses a press outside the person’s 1:1 chat or with a damaged id, leaving tips on', async () => {
      const who = await person('nb');
      const { nudgeId, card: sent } = await sendTip(who, 'find-management-news');
      const refused = async (value: unknown, extra: Record<string, unknown> = {}) => {
        const answer = await pressIn(stack, bot, who, value, { extra });
        assert.match(answer.text, damaged);
        assert.equal(await paused(who), false);
      };
      await refused(pressedButton(stopButton(sent)), { conversation: { id: '19:team@thread.v2', conversationType: 'channel', tenantId: stack.sim.tenantId } });
      await refused(execute(NUDGE_STOP_VERB, { nudgeId: 'x' }));
      await refused(execute(NUDGE_STOP_VERB, { nudgeId, aadObjectId: staff[0]!.id }));
    });
  });
});

/**
 * The real bot routes (token validation on, as in Teams) over the stack's stores, with the nudge
 * repository on the stack's database, on a server of their own.
 */
async function startNudgeBot(stack: TestStack): Promise<ReachBot> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  const runtime = registerBotRoutes(server, {
    config: stack.config,
    directory: stack.directory,
    surveys: stack.app.surveys.store,
    reach: stack.app.announcements.store,
    nudges: createNudgeRulesRepository(stack.database.db),
    logger: pino({ level: 'silent' }),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, runtime, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
