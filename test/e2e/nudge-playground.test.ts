import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { ingestAdoptionFromGraph } from '../../app/adoption-ingest.js';
import { botText } from '../../bot/i18n.js';
import { DEFAULT_NUDGE_RULES } from '../../core/nudge-rules.js';
import { cardInPlayground, playgroundSession, sayInPlayground } from '../support/playground.js';
import { silentProgress } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

/** Monday 7 December 2026: the reports are read early, tips go out from 10:00 Oslo time. */
const MONDAY_EARLY = new Date('2026-12-07T05:45:00Z');
const MONDAY_TEN = new Date('2026-12-07T09:05:00Z');
/** A week and a bit on (the cap is a rolling 7 days): the weekly cap no longer holds the next tip back, only «stopp» can. */
const NEXT_MONDAY = new Date('2026-12-14T09:35:00Z');
const THIRD_MONDAY = new Date('2026-12-21T10:00:00Z');

const nb = botText('nb');
const en = botText('en');

/** Whitespace as one plain space. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('usage tips end to end in the Microsoft 365 Agents Playground', function () {
  this.timeout(180_000);
  const session = playgroundSession();
  let chat: Page;

  const amina = () => session.stack.sim.municipality.demoPersons.staff;
  const card = (text: string | RegExp) => cardInPlayground(chat, session.playground, text);
  /** The tip cards in the chat: each has a way to stop tips (the renderer does not keep the marker's id). */
  const tipCards = () => chat.locator('.ac-adaptiveCard').filter({ has: chat.getByRole('button', { name: new RegExp(`^(${nb('nudgeCard.stop')}|${en('nudgeCard.stop')})$`) }) });
  const paused = async () => (await session.stack.directory.findPerson(session.stack.sim.tenantId, amina().id))?.nudgesPaused;
  /** Her tips still waiting to be sent (the rest of the series). */
  const pendingTips = async () =>
    (
      await session.stack.database.db
        .selectFrom('nudges')
        .select('tip')
        .where('tenant_id', '=', session.stack.sim.tenantId)
        .where('aad_object_id', '=', amina().id)
        .where('state', '=', 'pending')
        .orderBy('step')
        .execute()
    ).map((r) => r.tip);

  /** The bot's plain-text answer in the chat (not a card), found by its whole text. */
  async function botSays(text: string): Promise<Locator> {
    const said = chat.getByText(text, { exact: true }).last();
    await said.waitFor({ timeout: 15_000 });
    return said;
  }

  before(async () => {
    const { stack, playground, browser } = session;
    const { sim } = stack;
    chat = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await chat.goto(playground.url);
    await chat.locator('[data-lexical-editor="true"]').waitFor({ timeout: 30_000 });
    // Opening the chat installs the app for her: the bot keeps the chat to reach her later.
    await waitFor(async () => (await stack.directory.findPerson(sim.tenantId, amina().id))?.conversationReference);

    // The Playground's user is Amina Ali of the simulated municipality, who has never used Teams in its reports.
    const truth = sim.reports.truth('D30');
    const row = truth.people.find((p) => p.id === amina().id);
    assert.ok(row && (row.teams.lastActivityDate === null || row.teams.lastActivityDate < truth.from), 'she is inactive in Teams in the reports');

    // The admin turns tips on. No hold-out here: the hold-out seed is random per tenant, so with the
    // default 10 % she could be held out now and then; this test is about her chat, not the measurement.
    await stack.app.nudges.saveRules(sim.tenantId, { ...DEFAULT_NUDGE_RULES, enabled: true, holdOutPercent: 0 });
    // The real path: the morning's ingestion looks at her row as it streams past and plans her tip series.
    const ingested = await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress, { nudges: stack.app.nudges.forIngestion(() => MONDAY_EARLY) });
    assert.ok((ingested.nudges?.planned ?? 0) >= DEFAULT_NUDGE_RULES.teamsTips.tips.length, 'her series (and others’) was planned');
    assert.deepEqual(await pendingTips(), [...DEFAULT_NUDGE_RULES.teamsTips.tips]);
  });

  after(async () => {
    await chat?.close();
  });

  it('a tip arrives in her chat in bokmål; «Dette hjalp» thanks her in place; «stopp» turns tips off, said in bokmål, and the next Monday brings none until «start»', async () => {
    const { stack } = session;

    // 10:05 on Monday: the sender's pass sends her the first tip of the series, and only to her (nobody else has the app).
    assert.deepEqual(await stack.app.nudges.runDue(MONDAY_TEN), { sent: 1, unreachable: 0, waiting: 0 });
    const tip = await card(nb('nudgeTips.follow-unit-channel.title'));
    const shown = plain(await tip.textContent());
    assert.match(shown, /Følg kanalen til enheten din/);
    assert.match(shown, /Var tipset nyttig\?/);
    for (const name of ['Dette hjalp', 'Ikke for meg', 'Ingen flere tips']) assert.ok(await tip.getByRole('button', { name }).isVisible(), `the card has «${name}»`);
    await chat.screenshot({ path: 'test-results/nudge-playground.png', fullPage: true });

    await tip.getByRole('button', { name: 'Dette hjalp' }).click();
    const thanked = await card('Takk! Vi bruker svaret til å gjøre tipsene bedre.');
    assert.match(plain(await thanked.textContent()), /Følg kanalen til enheten din/, 'the same tip, now with thanks');
    assert.equal(await tipCards().count(), 1, 'the card was replaced, not added to');
    assert.equal(await tipCards().getByRole('button', { name: 'Dette hjalp' }).count(), 0, 'the pair is gone');
    assert.ok(await thanked.getByRole('button', { name: 'Ingen flere tips' }).isVisible(), 'tips can still be stopped from the card');
    const feedback = await stack.database.db.selectFrom('nudge_tip_feedback').select(['tip', 'helped', 'not_for_me']).where('tenant_id', '=', stack.sim.tenantId).execute();
    assert.deepEqual(feedback, [{ tip: 'follow-unit-channel', helped: 1, not_for_me: 0 }], 'counted once, per tip and unit, without her name');
    await chat.screenshot({ path: 'test-results/nudge-playground-helped.png', fullPage: true });

    await sayInPlayground(chat, 'stopp');
    await botSays(nb('nudges.stopped'));
    assert.match(nb('nudges.stopped'), /^Greit, du får ingen flere tips fra meg\./);
    assert.equal(await waitFor(paused), true, 'the directory has her tips paused');
    await chat.screenshot({ path: 'test-results/nudge-playground-stopped.png', fullPage: true });

    // A week on, her next tip is due and the weekly cap allows it: only «stopp» holds it back.
    assert.deepEqual(await pendingTips(), DEFAULT_NUDGE_RULES.teamsTips.tips.slice(1));
    assert.deepEqual(await stack.app.nudges.runDue(NEXT_MONDAY), { sent: 0, unreachable: 0, waiting: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(await tipCards().count(), 1, 'no further tip in her chat');

    // «start» turns them on again; the same pass then sends the next tip.
    await sayInPlayground(chat, 'start');
    await botSays(nb('nudges.started'));
    assert.equal(await waitFor(async () => (await paused()) === false), true);
    assert.deepEqual(await stack.app.nudges.runDue(NEXT_MONDAY), { sent: 1, unreachable: 0, waiting: 0 });
    await card(nb('nudgeTips.turn-on-notifications.title'));
    assert.equal(await tipCards().count(), 2);
  });

  it('after «språk english» her next tip comes in English, «Not for me» thanks her, and «stop» is confirmed in English', async () => {
    const { stack } = session;
    // Whatever the test before left: tips on, and her next tip due this Monday.
    await sayInPlayground(chat, 'start');
    await waitFor(async () => (await paused()) === false);
    const before = await tipCards().count();

    await sayInPlayground(chat, 'språk english');
    await card(en('language.changed'));
    assert.equal((await stack.directory.findPerson(stack.sim.tenantId, amina().id))?.preferredLocale, 'en');

    const [next] = await pendingTips();
    assert.ok(next, 'a tip of her series is waiting');
    assert.deepEqual(await stack.app.nudges.runDue(THIRD_MONDAY), { sent: 1, unreachable: 0, waiting: 0 });
    const tip = await card(en(`nudgeTips.${next}.title`));
    assert.equal(await tipCards().count(), before + 1);
    const shown = plain(await tip.textContent());
    assert.match(shown, /Was this tip useful\?/);
    for (const name of ['This helped', 'Not for me', 'No more tips']) assert.ok(await tip.getByRole('button', { name }).isVisible(), `the card has «${name}»`);
    await chat.screenshot({ path: 'test-results/nudge-playground-english.png', fullPage: true });

    await tip.getByRole('button', { name: 'Not for me' }).click();
    await card('Thank you! We use your answer to make the tips better.');
    const counted = await stack.database.db.selectFrom('nudge_tip_feedback').select(['helped', 'not_for_me']).where('tenant_id', '=', stack.sim.tenantId).where('tip', '=', next).executeTakeFirst();
    assert.deepEqual(counted, { helped: 0, not_for_me: 1 });

    await sayInPlayground(chat, 'stop');
    await botSays(en('nudges.stopped'));
    assert.match(en('nudges.stopped'), /^OK, you will get no more tips from me\./);
    assert.equal(await waitFor(paused), true);
    await chat.screenshot({ path: 'test-results/nudge-playground-english-stopped.png', fullPage: true });
  });
});
