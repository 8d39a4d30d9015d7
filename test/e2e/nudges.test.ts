import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page, Request } from 'playwright-core';
import type { NudgeRules } from '../../core/nudge-rules.js';
import { expectNoViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { runNudgeCohort } from '../support/nudge-cohort.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { getAs, signInToTab } from '../support/tab-session.js';
import { expectTeamsDarkThemes, serveFakeTeams } from './fake-teams-host.js';

/** What the API says, to check the screen against (the API has its own tests; here it is the yardstick). */
interface Estimate {
  nudgedShare: number;
  heldOutShare: number;
  reachedShare: number;
  effect: number;
  low: number;
  high: number;
  significant: boolean;
}
interface Figures {
  nudgedEligible: number;
  reached: number;
  nudgedStarted: number;
  heldOutEligible: number;
  heldOutStarted: number;
  estimate: Estimate | null;
}
interface ApiEffect {
  minGroupSize: number;
  cohort: null | {
    cohortDay: string;
    measuredOn: string | null;
    whole: Figures | null;
    units: Array<{ unitId: string; name: string; path: string[]; figures: Figures | null; hidden: 'small' | 'complementary' | 'ancestor' | false }>;
  };
  tips: Array<{ tip: string; answers: number | null; helped: number | null; notForMe: number | null }>;
}
interface ApiRules {
  rules: NudgeRules;
  updatedAt: string | null;
}

const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
/** Whitespace as one plain space: Norwegian numbers and percentages use no-break spaces ("17 %"). */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const percent = new Intl.NumberFormat('nb', { style: 'percent', maximumFractionDigits: 0 });
const points = (share: number) => Math.round(share * 100) || 0;
const signed = (share: number) => new Intl.NumberFormat('nb', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(points(share));
const bound = (share: number) => new Intl.NumberFormat('nb', { maximumFractionDigits: 0 }).format(points(share));
const number = (n: number) => new Intl.NumberFormat('nb').format(n);
/** A unit's path as the tab shows it: people without a department are the "Unknown unit", in Norwegian. */
const shownPath = (path: string[]) => path.map((name) => (name === 'Unknown unit' ? 'Ukjent enhet' : name)).join(' / ');
const HIDDEN = {
  small: 'For få til å vise (under 5 i en av gruppene)',
  complementary: 'For få til å vise: skjult slik at en mindre enhet ikke kan regnes ut',
  ancestor: 'For få til å vise: skjult sammen med enheten den hører til',
};

describe('tips to staff in the tab: the rules editor and the measured effect per unit, for adoption admins only', function () {
  // A measured cohort for 2,000 staff (~20 s), browsers and axe, on a machine shared with other builds.
  this.timeout(240_000);
  let stack: TestStack;
  let browser: Browser;
  /** Who gave feedback under the first tip, and how. */
  const feedback = { helped: 7, notForMe: 3 };

  before(async () => {
    [stack, browser] = await Promise.all([startTestStack({ staff: 2000, env: { ANNOUNCEMENT_SEND_CEILING: '1000' } }), launchChromium()]);
    await mkdir('test-results', { recursive: true });
    await runNudgeCohort(stack, { effect: 0.15 });
    // Some who got the first tip answer under it, so its feedback shows; the other tips have too few answers.
    const answers = [...Array(feedback.helped).fill('helped'), ...Array(feedback.notForMe).fill('not-for-me')] as Array<'helped' | 'not-for-me'>;
    const receipts = [...stack.sim.nudges.receipts()].slice(0, answers.length);
    for (const [i, [personId, got]] of receipts.entries()) {
      assert.equal(await stack.app.nudges.rules.recordFeedback(stack.sim.tenantId, got[0]!.nudgeId, personId, answers[i]!), 'recorded');
    }
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  const demo = () => stack.sim.municipality.demoPersons;
  const api = <T>(path: string, personId = demo().admin.id) => getAs<T>(stack, path, personId);

  /** Signs in as a demo person and opens Tips from the menu. */
  async function openNudges(options: BrowserContextOptions = {}) {
    const { context, page } = await signInToTab(browser, stack.url, demo().admin.displayName, options);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tips', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tips' }).waitFor();
    await page.getByTestId('nudge-rules').waitFor();
    await page.getByTestId('effect-unit-table').waitFor();
    return { context, page };
  }

  /** The unit table's rows as a person reads them: path, whether hidden, and the cells. */
  const unitRows = (page: Page) =>
    page.getByTestId('effect-unit-table').locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const header = row.querySelector('th');
        const parent = header?.querySelector('.fui-Caption1')?.textContent ?? '';
        const name = header?.querySelector('[data-testid="unit-name"]')?.textContent ?? '';
        return {
          unitId: row.getAttribute('data-unit-id'),
          path: parent ? `${parent} / ${name}` : name,
          hidden: row.getAttribute('data-hidden'),
          cells: Object.fromEntries([...row.querySelectorAll('td')].map((cell, i) => [cell.getAttribute('data-column') ?? String(i), (cell.textContent ?? '').replace(/\s+/g, ' ').trim()])),
        };
      }),
    );

  it('says the municipality’s effect in words with the API’s figures, per unit with small units in words only, and the feedback per tip', async () => {
    const effect = await api<ApiEffect>('/api/v1/nudges/effect');
    const cohort = effect.cohort!;
    assert.ok(cohort.measuredOn, 'the cohort is measured');
    const estimate = cohort.whole!.estimate!;
    assert.equal(estimate.significant, true, 'a +15 point effect on 2,000 staff is clear');
    const { context, page } = await openNudges();

    const sentence = plain(await page.getByTestId('effect-sentence').textContent());
    const clear = `begynte ${plain(percent.format(estimate.nudgedShare))} å bruke Teams, mot ${plain(percent.format(estimate.heldOutShare))} i kontrollgruppen`;
    const effectText = `${signed(estimate.effect)} prosentpoeng (95 % konfidensintervall ${bound(estimate.low)} til ${bound(estimate.high)})`;
    if (estimate.reachedShare >= 0.995) assert.equal(sentence, `Blant dem som fikk tips, ${clear}: en effekt på ${effectText}.`);
    else assert.equal(sentence, `Av dem som kunne få tips, fikk ${plain(percent.format(estimate.reachedShare))} minst ett. Blant alle som kunne få tips, ${clear}: for dem som fikk tips, er effekten ${effectText}.`);
    assert.match(sentence, /\+1[0-9] prosentpoeng/, 'about +15 points');
    assert.equal(plain(await page.getByTestId('effect-basis').textContent()), plain(`Grunnlag: ${number(cohort.whole!.nudgedEligible)} kunne få tips (${number(cohort.whole!.reached)} fikk minst ett), ${number(cohort.whole!.heldOutEligible)} i kontrollgruppen.`));

    // Every unit the API gives, in its order (the unit tree's, never by figures); hidden ones without a figure.
    const rows = await unitRows(page);
    assert.deepEqual(rows.map((r) => r.unitId), cohort.units.map((u) => u.unitId));
    const hidden = cohort.units.filter((u) => u.hidden);
    assert.ok(hidden.length > 0 && hidden.length < cohort.units.length, `${hidden.length} of ${cohort.units.length} units hidden`);
    for (const [i, unit] of cohort.units.entries()) {
      const row = rows[i]!;
      assert.equal(row.path, shownPath(unit.path));
      if (unit.hidden) {
        assert.equal(row.hidden, unit.hidden);
        assert.deepEqual(Object.values(row.cells), [HIDDEN[unit.hidden]], `${row.path} shows no figures`);
        continue;
      }
      const f = unit.figures!;
      const share = (count: number, of: number) => `${plain(percent.format(count / of))} ${count} pers.`;
      const e = f.estimate!;
      assert.deepEqual(row.cells, {
        nudgedEligible: plain(number(f.nudgedEligible)),
        reached: share(f.reached, f.nudgedEligible),
        nudgedStarted: share(f.nudgedStarted, f.nudgedEligible),
        heldOutEligible: plain(number(f.heldOutEligible)),
        heldOutStarted: share(f.heldOutStarted, f.heldOutEligible),
        effect: `${signed(e.effect)} ${bound(e.low)} til ${bound(e.high)}${e.significant ? '' : ' ingen klar effekt'}`,
      }, row.path);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    const hiddenPaths = rows.filter((r) => r.hidden).map((r) => r.path);
    assert.deepEqual(hiddenPaths, hidden.map((u) => shownPath(u.path)), 'hidden units keep the order of the unit tree');

    // Feedback: the first tip has enough answers to show; the others say too few.
    const feedbackRows = page.getByTestId('tip-feedback-table').locator('tbody tr');
    assert.equal(await feedbackRows.count(), effect.tips.length);
    const first = effect.tips.find((t) => t.tip === 'follow-unit-channel')!;
    assert.equal(first.answers, feedback.helped + feedback.notForMe);
    const firstRow = page.getByTestId('tip-feedback-table').locator('tr[data-tip="follow-unit-channel"]');
    assert.deepEqual((await firstRow.locator('th, td').allTextContents()).map(plain), ['Følg kanalen til enheten din', '10', '70 % 7 pers.', '30 % 3 pers.']);
    for (const tip of effect.tips.filter((t) => t.answers === null)) {
      assert.equal(plain(await page.getByTestId('tip-feedback-table').locator(`tr[data-tip="${tip.tip}"] td`).textContent()), 'For få svar til å vise (under 5)');
    }

    await expectNoViolations(page, 'light');
    await page.screenshot({ path: 'test-results/nudges-light.png', fullPage: true });
    await context.close();
  });

  it('keeps changed rules: two tips a week, a tip turned off and another moved first, with a saved message for screen readers', async () => {
    const before = await api<ApiRules>('/api/v1/nudges/rules');
    assert.equal(before.rules.pacing.perWeek, 1);
    const { context, page } = await openNudges();
    const rules = page.getByTestId('nudge-rules');
    assert.equal(await rules.getByRole('switch', { name: 'Send tips til ansatte', exact: true }).isChecked(), true, 'the cohort turned nudges on');
    assert.match(plain(await rules.locator('#nudge-explain').textContent()), /høyst 1 tips i uka per person, aldri i stille timer, i helger eller på dager personen får en pulsmåling\. Den som skriver «stopp» i chatten, får ikke flere tips\./);

    await rules.getByRole('radio', { name: '2' }).check();
    assert.match(plain(await rules.locator('#nudge-explain').textContent()), /høyst 2 tips i uka/);
    await rules.getByRole('checkbox', { name: /Slå på varsler$/ }).uncheck();
    // «Installer Teams på mobilen» goes first: two moves up, focus staying on the button.
    const up = rules.getByRole('button', { name: 'Flytt opp: Installer Teams på mobilen' });
    await up.click();
    await up.click();
    assert.equal(await up.evaluate((el) => el === document.activeElement), true);
    await rules.getByText('Installer Teams på mobilen er nå nummer 1 av 5.').waitFor();
    await rules.getByLabel('Send fra klokken').fill('09:30');

    await rules.getByRole('button', { name: 'Lagre reglene' }).click();
    const status = rules.getByRole('status').filter({ hasText: 'Reglene er lagret' });
    await status.waitFor();
    assert.equal(await status.getAttribute('aria-live'), 'polite');

    const saved = await api<ApiRules>('/api/v1/nudges/rules');
    assert.deepEqual(saved.rules, {
      ...before.rules,
      teamsTips: { ...before.rules.teamsTips, tips: ['install-mobile-app', 'follow-unit-channel', 'find-management-news', 'ask-in-channel'] },
      pacing: { perWeek: 2, sendFrom: '09:30' },
    });

    await page.reload();
    await page.getByTestId('nudge-rules').waitFor();
    assert.equal(await rules.getByRole('radio', { name: '2' }).isChecked(), true);
    assert.equal(await rules.getByRole('checkbox', { name: /Slå på varsler$/ }).isChecked(), false);
    assert.deepEqual(await rules.getByTestId('tip-order').locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-tip'))), [
      'install-mobile-app', 'follow-unit-channel', 'find-management-news', 'ask-in-channel', 'turn-on-notifications',
    ]);
    assert.equal(await rules.getByLabel('Send fra klokken').inputValue(), '09:30');
    assert.match(plain(await rules.getByTestId('rules-updated').textContent()), /^Sist lagret /);
    await context.close();
  });

  it('shows a wrong value beside its field with focus on it and saves nothing, whether the browser or the API finds it', async () => {
    const before = await api<ApiRules>('/api/v1/nudges/rules');
    const { context, page } = await openNudges();
    const rules = page.getByTestId('nudge-rules');
    const puts: Request[] = [];
    page.on('request', (request) => request.method() === 'PUT' && puts.push(request));

    // The browser's own check: a hold-out of 80 % is refused before anything is sent.
    const holdOut = rules.getByRole('spinbutton', { name: 'Kontrollgruppe (prosent av de ansatte)' });
    await holdOut.fill('80');
    await rules.getByRole('button', { name: 'Lagre reglene' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'nudge-field-holdOutPercent');
    assert.equal(await holdOut.getAttribute('aria-invalid'), 'true');
    const holdOutProblem = rules.getByText('Skriv et helt tall fra 0 til 50.');
    await holdOutProblem.waitFor();
    // Beside the field: the message is how the field describes itself.
    const describedBy = (await holdOut.getAttribute('aria-describedby')) ?? '';
    assert.ok(describedBy.split(' ').includes((await holdOutProblem.getAttribute('id'))!), 'the field is described by its problem');
    assert.match(plain(await rules.getByTestId('rules-not-saved').textContent()), /Reglene ble ikke lagret\.Rett feltet som er merket, og lagre igjen\./);
    assert.equal(puts.length, 0, 'nothing was sent');
    await expectNoViolations(page, 'field problem');
    await page.screenshot({ path: 'test-results/nudges-field-problem.png', fullPage: true });

    // The API's check: the browser is made to send 2 days of inactivity (as a stale tab might); the API
    // refuses, and its problem lands beside that field.
    await holdOut.fill('15');
    await page.route('**/api/v1/nudges/rules', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const body = JSON.parse(route.request().postData()!) as NudgeRules;
      await route.continue({ postData: JSON.stringify({ ...body, teamsTips: { ...body.teamsTips, inactiveDays: 2 } }) });
    });
    const refused = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/api/v1/nudges/rules'));
    await rules.getByRole('button', { name: 'Lagre reglene' }).click();
    assert.equal((await refused).status(), 400);
    await page.waitForFunction(() => document.activeElement?.id === 'nudge-field-inactiveDays');
    const inactive = rules.getByRole('spinbutton', { name: 'Dager uten Teams før tipsene begynner' });
    assert.equal(await inactive.getAttribute('aria-invalid'), 'true');
    await rules.getByText('Skriv et helt tall fra 7 til 180.').waitFor();
    assert.equal(await rules.getByText('Skriv et helt tall fra 0 til 50.').count(), 0, 'the corrected field has no problem now');
    assert.equal(plain(await rules.getByTestId('rules-saved').textContent()), '', 'no saved message');

    const after = await api<ApiRules>('/api/v1/nudges/rules');
    assert.deepEqual(after, before, 'nothing was saved');
    await context.close();
  });

  it('says when the effect will show before any cohort is measured', async () => {
    const { context, page } = await signInToTab(browser, stack.url, demo().admin.displayName);
    const real = await api<ApiEffect>('/api/v1/nudges/effect');
    await page.route('**/api/v1/nudges/effect', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...real, cohort: null }) }));
    await page.goto(`${stack.url}/tab/#/nudges`);
    const empty = page.getByTestId('effect-empty');
    await empty.waitFor();
    const rules = await api<ApiRules>('/api/v1/nudges/rules');
    assert.match(plain(await empty.textContent()), new RegExp(`Ingen effekt å vise ennå.*minst ${rules.rules.measureAfterDays} dager etter at tipsene begynte`));
    assert.equal(await page.getByTestId('effect-unit-table').count(), 0);
    await context.close();
  });

  it('reads well inside Teams in the dark and high-contrast themes', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
    const token = await stack.sim.issueUserToken(demo().admin.id);
    const hostUrl = await serveFakeTeams(context, stack.url, { tabPath: '/tab/#/nudges', token: { ok: true, value: token }, locale: 'nb-NO', theme: 'dark', frameContext: 'content', tenantId: stack.sim.tenantId });
    const page = await context.newPage();
    await page.goto(hostUrl);
    const tab = page.frameLocator('iframe');
    await tab.getByRole('heading', { level: 1, name: 'Tips' }).waitFor();
    await tab.getByTestId('effect-unit-table').waitFor();
    await expectTeamsDarkThemes(page, 'nudges');
    await context.close();
  });

  it('fits a phone: no sideways page scroll, the tables scroll in their own labelled regions', async () => {
    const { context, page } = await openNudges(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    const region = page.getByRole('region', { name: 'Tabell over effekten per enhet, kan rulles sideveis' });
    assert.equal(await region.getAttribute('tabindex'), '0', 'keyboard users can scroll it');
    assert.ok(await region.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table scrolls inside its region');
    await expectNoViolations(page, 'phone');
    await page.screenshot({ path: 'test-results/nudges-phone.png', fullPage: true });
    await context.close();
  });

  it('shows a communicator no menu entry, and says plainly that the page is not for their role', async () => {
    const communicator = demo().communicator;
    const response = await fetch(`${stack.url}/api/v1/nudges/rules`, { headers: { authorization: `Bearer ${await stack.sim.issueUserToken(communicator.id)}` } });
    assert.equal(response.status, 403);
    const { context, page } = await signInToTab(browser, stack.url, communicator.displayName);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    assert.equal(await nav.getByRole('link', { name: 'Tips', exact: true }).count(), 0);
    await page.goto(`${stack.url}/tab/#/nudges`);
    const notForRole = page.getByTestId('not-for-role');
    await notForRole.getByRole('heading', { level: 1, name: 'Tips' }).waitFor();
    assert.match(plain(await notForRole.textContent()), /Denne siden er for rollen Adopsjonsadministrator\.Rollene dine: .*Kommunikasjonsrådgiver/);
    assert.equal(await page.getByTestId('nudge-rules').count(), 0);
    await expectNoViolations(page, 'not for this role');
    await page.screenshot({ path: 'test-results/nudges-not-for-role.png', fullPage: true });
    await context.close();
  });
});
