import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import type { Answers, Question, SurveyDefinition } from '../../core/survey.js';
import type { Survey } from '../../core/survey-store.js';
import { SURVEY_TEMPLATES } from '../../core/survey-templates/index.js';
import { expectNoViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { getAs, signInToTab } from '../support/tab-session.js';


/** What the API says, to check the screen against (the API has its own tests; here it is the yardstick). */
interface ApiQuestion {
  questionId: string;
  answered: number;
  distribution: Array<{ value: string; count: number }>;
  mean?: number;
  texts?: string[] | 'hidden';
}
interface ApiGroup {
  invited: number;
  reached: number;
  answered: number;
  responseRate: number;
  questions: ApiQuestion[];
}
interface ApiUnit {
  unitId: string;
  name: string;
  path: string[];
  suppressed: false | 'small' | 'complementary' | 'ancestor';
  participation: { invited: number; reached: number; answered: number; responseRate: number } | null;
  results: ApiGroup | null;
}
interface ApiResults {
  round: { id: string; number: number };
  minGroupSize: number;
  municipality: ApiGroup | null;
  units: ApiUnit[];
  followUps: Array<{ roundId: string; text: Record<string, string> }>;
  readOnly: boolean;
}
interface ApiSurvey {
  id: string;
  status: string;
  title: Record<string, string>;
  definition: SurveyDefinition;
  audience: { kind: string };
  rounds: Array<{ id: string }>;
}

/** Whitespace as one plain space: Norwegian numbers and percentages use no-break spaces ("61 %"). */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const percent = (share: number) => `${Math.round(share * 100)} %`;
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The question the admin adds and moves up in the editor: a new question is a required Likert statement. */
const OWN_TEXT = 'Jeg vet hvem jeg skal spørre når Teams ikke virker.';
const OWN_QUESTION: Question = { id: 'own', kind: 'likert', required: true, text: { nb: OWN_TEXT, nn: OWN_TEXT, sv: OWN_TEXT, en: OWN_TEXT } };
/** The Likert scale as staff read it on the card. */
const LIKERT_NB = ['1 – Helt uenig', '2 – Litt uenig', '3 – Verken enig eller uenig', '4 – Litt enig', '5 – Helt enig'];
const LIKERT_SV = ['1 – Instämmer inte alls', '2 – Instämmer till liten del', '3 – Instämmer delvis', '4 – Instämmer till stor del', '5 – Instämmer helt'];

/** The choices of a question on the card, as a screen reader finds them: [role, name] of each radio button or check box. */
async function choices(group: Locator): Promise<Array<[string, string]>> {
  const tree = await group.ariaSnapshot();
  return [...tree.matchAll(/- (radio|checkbox) "([^"]*)"/g)].map((m) => [m[1]!, m[2]!]);
}

/** Mondays at 09:00 in Oslo: working hours, so prompts are not held for quiet hours. */
const ROUND_1 = new Date('2026-11-09T08:00:00Z');
const ROUND_2 = new Date('2026-11-16T08:00:00Z');
const hoursAfter = (date: Date, hours: number) => new Date(date.getTime() + hours * 3600_000);

const template = SURVEY_TEMPLATES.find((t) => t.id === 'digital-work-environment')!;
/** The seeded survey: the template's questions under a title of its own, so it stands apart from one made in the test. */
const SEEDED_TITLE = { nb: 'Digitalt arbeidsmiljø – høsten', nn: 'Digitalt arbeidsmiljø – hausten', sv: 'Digital arbetsmiljö – hösten', en: 'Digital work environment – autumn' };
const seededDefinition: SurveyDefinition = { ...template.definition, title: SEEDED_TITLE };

/** A person's answers, varied by their place in the list and the round, so units differ. */
function answersOf(definition: SurveyDefinition, index: number, round: number): Answers {
  const answers: Answers = {};
  definition.questions.forEach((question, q) => {
    if (question.kind === 'likert') answers[question.id] = 1 + ((index + q * 2 + round) % 5);
    else if (question.kind === 'enps') answers[question.id] = (index + round) % 11;
    else if (question.kind === 'single') answers[question.id] = question.options[index % question.options.length]!.id;
    else if (question.kind === 'multiple') answers[question.id] = [...new Set([question.options[index % question.options.length]!.id, question.options[(index + 3) % question.options.length]!.id])];
    else if (index % 3 === 0) answers[question.id] = `Mer tid til opplæring i Teams (${index % 7})`;
  });
  return answers;
}

describe('pulse surveys in the tab: create from a template with a card preview, results per unit, read-only safety rep, "you said, we did"', function () {
  // Browsers, axe, two rounds of answers from 200 people and sign-in round trips on a shared machine.
  this.timeout(240_000);
  let stack: TestStack;
  let browser: Browser;
  let seeded: Survey;

  before(async () => {
    [stack, browser] = await Promise.all([startTestStack({ env: { SURVEY_SEND_RATE: '50' } }), launchChromium()]);
    await mkdir('test-results', { recursive: true });
    const tenantId = stack.sim.tenantId;
    const people = (await stack.app.surveys.store.audiencePeople(tenantId, {})).sort((a, b) => a.aadObjectId.localeCompare(b.aadObjectId));
    await openChats(stack, people.map((p) => p.aadObjectId));
    const communicator = stack.sim.municipality.demoPersons.communicator;
    seeded = await stack.app.surveys.create(
      tenantId,
      {
        templateId: 'digital-work-environment',
        definition: seededDefinition,
        audience: { kind: 'everyone' },
        schedule: { startsAt: ROUND_1.toISOString(), openDays: 5, recurrence: { every: 'week', until: '2026-11-16' }, remindAfterDays: null },
      },
      { aadObjectId: communicator.id, role: 'Communicator' },
    );
    // Two weekly rounds; three in four answer each (so the smallest units stay below the group size).
    for (const [round, opensAt] of [ROUND_1, ROUND_2].entries()) {
      await stack.app.surveys.runDue(opensAt);
      const { id: roundId } = (await stack.app.surveys.store.listRounds(tenantId, seeded.id)).at(-1)!;
      for (const [index, person] of people.entries()) {
        if (index % 4 === 0) continue;
        const outcome = await stack.app.surveys.store.recordAnswers({ tenantId, roundId, aadObjectId: person.aadObjectId, answers: answersOf(seededDefinition, index, round), now: hoursAfter(opensAt, 2 + (index % 6)) });
        assert.equal(outcome.status, 'recorded');
      }
    }
    await stack.app.surveys.runDue(hoursAfter(ROUND_2, 6 * 24));
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  const demo = () => stack.sim.municipality.demoPersons;
  const api = <T>(path: string, personId: string) => getAs<T>(stack, path, personId);

  /** Signs in on the simulator's sign-in page as a demo person, then opens the surveys from the menu. */
  async function openSurveys(displayName: string, options: BrowserContextOptions = {}, menu = 'Pulsmålinger') {
    const { context, page } = await signInToTab(browser, stack.url, displayName, { acceptDownloads: true, ...options });
    await page.getByRole('navigation').getByRole('link', { name: menu }).click();
    await page.getByRole('heading', { level: 1, name: menu }).waitFor();
    return { context, page };
  }

  /** From the list to the seeded survey's results. */
  async function openSeeded(page: Page, title = SEEDED_TITLE.nb) {
    await page.getByTestId('survey-list').getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByTestId('response-table').waitFor();
  }

  it('lets an admin create a survey from the template, preview the card as staff get it, see the API’s objection, and close it early', async () => {
    const admin = demo().admin;
    const { context, page } = await openSurveys(admin.displayName);
    await page.getByRole('link', { name: 'Ny pulsmåling' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Ny pulsmåling' });
    await heading.waitFor();
    assert.equal(await heading.evaluate((h) => h === document.activeElement), true, 'focus moves to the form');

    await page.getByTestId('template-picker').getByRole('radio', { name: template.definition.title.nb }).check();
    const questions = page.getByTestId('question-editor');
    await questions.first().waitFor();
    assert.equal(await questions.count(), template.definition.questions.length, 'the template’s questions, ready to adjust');
    assert.equal(await page.getByRole('textbox', { name: 'Tittel (Norsk (bokmål))' }).inputValue(), template.definition.title.nb);

    // A question of one's own, moved to the top.
    await page.getByRole('button', { name: 'Legg til spørsmål' }).click();
    const added = questions.last();
    await added.getByRole('textbox', { name: 'Spørsmål (Norsk (bokmål))' }).fill(OWN_QUESTION.text.nb);
    assert.equal(await page.getByRole('button', { name: 'Legg til spørsmål' }).isDisabled(), true, 'ten questions is the most a survey may have');
    await added.getByRole('button', { name: 'Flytt spørsmål 10 opp' }).click();
    assert.match(plain(await questions.nth(8).textContent()), /Spørsmål 9/);
    assert.equal(await questions.nth(8).getByRole('textbox', { name: 'Spørsmål (Norsk (bokmål))' }).inputValue(), OWN_QUESTION.text.nb);

    await page.getByRole('button', { name: 'Vis kortet' }).click();
    const card = page.getByRole('region', { name: 'Forhåndsvisning av kortet på Norsk (bokmål)' });
    await card.waitFor();
    assert.equal(await card.locator('.ac-adaptiveCard').count(), 1, 'drawn by the Adaptive Cards renderer, as in Teams');
    assert.equal(await card.getAttribute('lang'), 'nb');
    const cardText = plain(await card.textContent());
    assert.match(cardText, new RegExp(`^${literal(template.definition.title.nb)}`), 'the card starts with the title');
    await card.getByRole('heading', { level: 3, name: template.definition.title.nb, exact: true }).waitFor();
    // Every question as staff meet it: in the form's order, numbered, with the answers they can give.
    const expected = [...template.definition.questions.slice(0, 8), OWN_QUESTION, ...template.definition.questions.slice(8)];
    assert.equal(expected.length, 10);
    for (const [index, question] of expected.entries()) {
      const name = `${index + 1}. ${question.text.nb}${question.required ? '' : ' (valgfritt)'}`;
      if (question.kind === 'likert') assert.deepEqual(await choices(card.getByRole('radiogroup', { name, exact: true })), LIKERT_NB.map((c) => ['radio', c]), name);
      else if (question.kind === 'multiple') assert.deepEqual(await choices(card.getByRole('group', { name, exact: true })), question.options.map((o) => ['checkbox', o.text.nb]), name);
      else assert.equal(await card.getByRole('textbox', { name, exact: true }).getAttribute('placeholder'), 'Skriv her (høyst 500 tegn)', name);
    }
    assert.match(cardText, /Spørsmål merket med \* må besvares\..*1\. Jeg blir sjelden stresset av digitale verktøy i jobben\. \*/, 'required questions marked as Teams marks them');
    assert.deepEqual(await card.getByRole('button').allTextContents(), ['Send svarene', 'Ett spørsmål om gangen', 'Hva skjer med svarene mine?']);
    // Read-only: nothing to answer or press, and one tab stop for the whole card.
    assert.deepEqual(await card.locator('input, textarea, select, button').evaluateAll((controls) => controls.filter((c) => !(c as HTMLInputElement).disabled).length), 0, 'the preview takes no answers and sends nothing');
    await page.getByRole('button', { name: 'Vis kortet på nytt' }).focus();
    await page.keyboard.press('Tab');
    assert.equal(await card.evaluate((region) => region === document.activeElement), true, 'Tab reaches the preview');
    await page.keyboard.press('Tab');
    assert.equal(await card.evaluate((region) => region.contains(document.activeElement)), false, 'the next Tab leaves it');
    await expectNoViolations(page, 'editor with preview');
    await page.screenshot({ path: 'test-results/surveys-create.png', fullPage: true });
    await card.screenshot({ path: 'test-results/surveys-preview.png' });

    // Swedish staff get the card in Swedish; the question written in bokmål only stands in for the rest.
    await page.getByRole('combobox', { name: 'Språk på kortet' }).selectOption('sv');
    await page.getByText('Du har endret noe siden forhåndsvisningen.').waitFor();
    await page.getByRole('button', { name: 'Vis kortet på nytt' }).click();
    const swedish = page.getByRole('region', { name: 'Forhåndsvisning av kortet på Svenska' });
    await swedish.getByRole('heading', { level: 3, name: template.definition.title.sv, exact: true }).waitFor();
    assert.equal(await swedish.getAttribute('lang'), 'sv');
    assert.deepEqual(await choices(swedish.getByRole('radiogroup', { name: `1. ${template.definition.questions[0]!.text.sv}`, exact: true })), LIKERT_SV.map((c) => ['radio', c]));
    await swedish.getByRole('radiogroup', { name: `9. ${OWN_QUESTION.text.nb}`, exact: true }).waitFor();
    assert.deepEqual(await swedish.getByRole('button').allTextContents(), ['Skicka svaren', 'En fråga i taget', 'Vad händer med mina svar?']);

    // Weekly, with the template's 14 days open: the form says a weekly round is open at most 7 days.
    await page.getByRole('combobox', { name: 'Gjentas' }).selectOption('week');
    const threeYears = new Date(Date.now() + 3 * 366 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Siste runde senest').fill(threeYears);
    await page.getByRole('button', { name: 'Opprett og send' }).click();
    const formProblems = page.getByTestId('form-problems');
    await formProblems.getByText('En ukentlig runde kan være åpen høyst 7 dager, så rundene ikke overlapper.').waitFor();
    assert.equal(await formProblems.evaluate((el) => el === document.activeElement), true, 'focus moves to what to put right');
    // Seven days, but for three years: the form lets it through, the API does not, and says why next to the form.
    await page.getByRole('spinbutton', { name: 'Dager åpen' }).fill('7');
    await page.getByRole('button', { name: 'Opprett og send' }).click();
    assert.equal(await formProblems.count(), 0, 'nothing left for the form to object to');
    const problem = page.getByTestId('create-problem');
    await problem.waitFor();
    assert.match(plain(await problem.textContent()), /Pulsmålingen ble ikke opprettet\..*two years/);
    await expectNoViolations(page, 'API problem');
    await page.screenshot({ path: 'test-results/surveys-create-problem.png', fullPage: true });

    await page.getByRole('combobox', { name: 'Gjentas' }).selectOption('once');
    await page.getByRole('button', { name: 'Opprett og send' }).click();
    await page.getByTestId('created-notice').waitFor();
    await page.getByRole('heading', { level: 1, name: template.definition.title.nb }).waitFor();
    const surveys = await api<{ surveys: ApiSurvey[] }>('/api/v1/surveys', admin.id);
    const created = surveys.surveys.find((s) => s.id !== seeded.id)!;
    assert.ok(created, 'the survey was created');
    assert.equal(created.definition.questions.length, 10);
    assert.equal(created.definition.questions[8]!.text.sv, OWN_QUESTION.text.nb, 'a blank language takes the text written');
    assert.equal(created.audience.kind, 'everyone');
    assert.ok(page.url().endsWith(`#/surveys/${created.id}`));

    // Close early, after saying what that means.
    await page.getByRole('button', { name: `Avslutt «${template.definition.title.nb}» nå` }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Pulsmålingen blir ikke sendt').or(dialog.getByText('stenges med en gang')).first().waitFor();
    // Judged once the dialog has faded in: mid-animation its colours are not yet its own.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    await expectNoViolations(page, 'close dialog');
    await dialog.getByRole('button', { name: 'Avslutt pulsmålingen' }).click();
    await page.getByTestId('survey-status').getByText(/^Avsluttet/).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Avslutt/ }).count(), 0, 'nothing left to close');
    assert.equal((await api<ApiSurvey>(`/api/v1/surveys/${created.id}`, admin.id)).status, 'ended');
    await context.close();
  });

  it('previews the card on a phone in the light, dark and high-contrast themes, fetching the card renderer only when asked', async () => {
    const { context, page } = await openSurveys(demo().communicator.displayName, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(request.url()));
    const renderer = () => scripts.filter((url) => /\/assets\/render-card-[^/]+\.js$/.test(url)).length;
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await page.goto(`${stack.url}/tab/?theme=${theme}#/surveys/new`);
      await page.getByTestId('template-picker').getByRole('radio', { name: template.definition.title.nb }).check();
      await page.getByTestId('question-editor').first().waitFor();
      if (theme === 'default') assert.equal(renderer(), 0, 'the editor opens without the card renderer');
      await page.getByRole('button', { name: 'Vis kortet' }).click();
      const card = page.getByRole('region', { name: 'Forhåndsvisning av kortet på Norsk (bokmål)' });
      await card.getByRole('button', { name: 'Send svarene' }).waitFor();
      assert.ok(renderer() > 0, 'the renderer came with the first preview');

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 375);
      assert.ok(overflow <= 0, `${theme}: the page is ${overflow}px wider than the phone`);
      const box = (await card.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 375, `${theme}: the card (${box.x}–${box.x + box.width}px) fits the phone`);
      const cut = await card.evaluate((region) => {
        const edge = region.getBoundingClientRect();
        return [...region.querySelectorAll('.ac-pushButton')]
          .filter((button) => {
            const { left, right } = button.getBoundingClientRect();
            return left < edge.left || right > edge.right || [button, ...button.querySelectorAll('*')].some((el) => el.scrollWidth > el.clientWidth);
          })
          .map((button) => button.textContent);
      });
      assert.deepEqual(cut, [], `${theme}: every button shows in full, inside the card`);
      const background = await card.locator('.ac-adaptiveCard').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(background === 'rgb(255, 255, 255)', theme === 'default', `${theme}: the card takes the tab's theme (${background})`);

      await expectNoViolations(page, `preview, ${theme}`);
      await card.screenshot({ path: `test-results/surveys-preview-${theme}-phone.png` });
      // axe passes over disabled controls; staff get them enabled, so their colours are judged that way too.
      await card.evaluate((region) => region.querySelectorAll('[disabled]').forEach((control) => control.removeAttribute('disabled')));
      await expectNoViolations(page, `preview, ${theme}, controls as staff get them`);
    }
    await context.close();
  });

  it('lets a unit lead send a survey to their own units only, with their unit chosen from the start', async () => {
    const lead = demo().unitLead;
    const me = await api<{ units: Array<{ id: string; path: string[] }> }>('/api/v1/me', lead.id);
    const own = me.units[0]!;
    const { units } = await api<{ units: Array<{ id: string; name: string; path: string[] }> }>('/api/v1/units', lead.id);
    const within = units.filter((u) => own.path.every((name, i) => u.path[i] === name));
    const { context, page } = await openSurveys(lead.displayName);
    await page.getByRole('link', { name: 'Ny pulsmåling' }).click();
    const weekly = SURVEY_TEMPLATES.find((t) => t.id === 'weekly-pulse')!;
    await page.getByTestId('template-picker').getByRole('radio', { name: weekly.definition.title.nb }).check();
    const audience = page.getByRole('radiogroup', { name: 'Mottakere' });
    assert.deepEqual(await audience.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('.fui-Radio')?.textContent)), ['Utvalgte enheter (med underenheter)'], 'no "everyone" or groups for a unit lead');
    const tree = page.getByTestId('unit-tree');
    await tree.getByRole('checkbox').first().waitFor();
    assert.deepEqual((await tree.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.closest('.fui-Checkbox')?.textContent))).sort(), within.map((u) => u.name).sort(), 'only their own units');
    assert.equal(await tree.getByRole('checkbox', { name: own.path.at(-1)! }).isChecked(), true, 'their unit is chosen');
    await expectNoViolations(page, 'unit lead editor');
    await page.getByRole('button', { name: 'Opprett og send' }).click();
    await page.getByTestId('created-notice').waitFor();
    const created = (await api<{ surveys: Array<ApiSurvey & { audience: { kind: string; unitIds?: string[] } }> }>('/api/v1/surveys', lead.id)).surveys.find((s) => s.definition.title.nb === weekly.definition.title.nb)!;
    assert.deepEqual(created.audience, { kind: 'units', unitIds: [own.id] });
    await context.close();
  });

  it('shows a round’s results: response rate, distributions with their figures, units least responded first with a hidden small unit, unit against the municipality, trend', async () => {
    const communicator = demo().communicator;
    const results = await api<ApiResults>(`/api/v1/surveys/${seeded.id}/results`, communicator.id);
    assert.equal(results.round.number, 2, 'the latest round by default');
    const whole = results.municipality!;
    const { context, page } = await openSurveys(communicator.displayName);
    const listed = page.getByTestId('survey-list').locator(`[data-survey-id="${seeded.id}"]`);
    assert.match(plain(await listed.textContent()), /Alle ansatte.*Hver uke fra .* til og med .*Runde 2: .*Runde 1: /);
    await openSeeded(page);

    const tiles = plain(await page.getByTestId('response-tiles').textContent());
    assert.ok(tiles.includes(`Svarprosent, Hele kommunen${percent(whole.responseRate)} (${whole.answered} av ${whole.reached} som fikk den)`), tiles);

    // Question 1 (Likert): its reading in words, the mean, and every count as the API gives it.
    const first = page.getByTestId('question-result').first();
    const q1 = whole.questions.find((q) => q.questionId === template.definition.questions[0]!.id)!;
    const count = (value: string) => q1.distribution.find((d) => d.value === value)?.count ?? 0;
    const agree = (count('4') + count('5')) / q1.answered;
    assert.match(plain(await first.getByTestId('stacked-bar').textContent()), new RegExp(`^Hele kommunen: ${literal(percent(agree))} enig, `));
    assert.match(plain(await first.locator('[data-figure="likert"]').textContent()), new RegExp(`Snitt \\(1–5\\), Hele kommunen${literal(q1.mean!.toFixed(1).replace('.', ','))}`));
    const fully = plain(await first.getByTestId('distribution').locator('tr[data-value="5"]').textContent());
    assert.equal(fully, `Helt enig${percent(count('5') / q1.answered)} (${count('5')} pers.)`);

    // Free text is not for communicators: they are told so.
    await page.getByTestId('texts-hidden').getByText('Fritekstsvarene vises ikke for din rolle.').waitFor();

    // Units least responded first; a unit with too few answers says so and shows no answers.
    const rows = page.getByTestId('response-table').locator('tbody tr');
    assert.equal(await rows.count(), results.units.length);
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit-id')!));
    const rate = (id: string) => {
      const unit = results.units.find((u) => u.unitId === id)!;
      return (unit.results ?? unit.participation)?.responseRate ?? Number.POSITIVE_INFINITY;
    };
    assert.deepEqual(ids.map(rate), [...ids.map(rate)].sort((a, b) => a - b), 'least responded first');
    const small = results.units.find((u) => u.suppressed === 'small');
    assert.ok(small, 'a 200-person municipality has a unit where fewer than 5 answered');
    const smallRow = page.getByTestId('response-table').locator(`tr[data-unit-id="${small.unitId}"]`);
    assert.match(plain(await smallRow.textContent()), /Skjult: færre enn 5 svarte/);
    assert.equal(await page.getByTestId('subject-select').locator(`option[value="${small.unitId}"]`).count(), 0, 'a hidden unit cannot be chosen');

    // A unit against the whole municipality.
    const unit = results.units.find((u) => u.results && u.path.length > 1 && u.results.answered >= 10)!;
    const unitName = unit.path.join(' / ');
    await page.getByTestId('subject-select').selectOption(unit.unitId);
    await page.getByRole('heading', { level: 2, name: `Svar per spørsmål: ${unitName}` }).waitFor();
    const columns = await first.getByTestId('distribution').locator('thead th').allTextContents();
    assert.deepEqual(columns.map(plain), ['Svar', unitName, 'Hele kommunen']);
    assert.equal(await first.getByTestId('stacked-bar').count(), 2, 'a bar for the unit and one for the municipality');

    // The trend over both rounds, as a picture with words and as a table.
    const trend = page.getByTestId('survey-trend');
    const chart = trend.getByTestId('survey-trend-chart');
    await chart.locator('svg').first().waitFor();
    assert.match((await chart.getAttribute('aria-label')) ?? '', new RegExp(`^Svarprosent per runde, ${literal(unitName)}: fra \\d+\\s%`));
    await trend.getByText('Vis utviklingen som tabell').click();
    assert.equal(await trend.getByTestId('survey-trend-table').locator('tbody tr').count(), 2);

    await expectNoViolations(page, 'results light');
    await page.screenshot({ path: 'test-results/surveys-results-light.png', fullPage: true });
    for (const theme of ['dark', 'contrast'] as const) {
      await page.goto(`${stack.url}/tab/?theme=${theme}#/surveys/${seeded.id}`);
      await page.getByTestId('response-table').waitFor();
      await page.getByTestId('survey-trend-chart').waitFor();
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('[data-theme]')!).backgroundColor);
      assert.notEqual(background, 'rgb(255, 255, 255)', `${theme} theme has a dark background`);
      await expectNoViolations(page, theme);
      await page.screenshot({ path: `test-results/surveys-results-${theme}.png`, fullPage: true });
    }

    // The CSV has the figures the screen shows.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    assert.equal(csv.charCodeAt(0), 0xfeff, 'a BOM, so Excel reads æ, ø and å');
    assert.ok(csv.includes(`Hele kommunen,${whole.invited},${whole.reached},${whole.answered},`), 'the municipality’s counts');
    assert.ok(csv.includes(template.definition.questions[0]!.text.nb), 'question texts in the reader’s language');
    await context.close();
  });

  it('shows the safety representative every result read-only, free text included, and a printable report', async () => {
    const rep = demo().safetyRep;
    // Randi Moen reads nynorsk (her saved language).
    const { context, page } = await openSurveys(rep.displayName, {}, 'Pulsmålingar');
    assert.equal(await page.getByRole('link', { name: 'Ny pulsmåling' }).count(), 0, 'no new survey for a safety rep');
    await openSeeded(page, SEEDED_TITLE.nn);
    await page.getByTestId('read-only').getByText('Du ser resultata utan å kunne endre noko.').waitFor();
    assert.equal(await page.getByRole('button', { name: /^Avslutt/ }).count(), 0);
    assert.equal(await page.getByTestId('follow-up-form').count(), 0, 'no follow-up form');
    await page.getByRole('heading', { level: 2, name: 'De sa, vi gjorde' }).waitFor();
    const results = await api<ApiResults>(`/api/v1/surveys/${seeded.id}/results`, rep.id);
    assert.equal(results.readOnly, true);
    const texts = results.municipality!.questions.find((q) => q.questionId === 'one-thing')!.texts as string[];
    assert.ok(Array.isArray(texts) && texts.length > 0);
    const shown = await page.getByTestId('free-texts').locator('li').allTextContents();
    assert.deepEqual(shown, texts.slice(0, 10), 'the free texts, in the server’s order');
    await expectNoViolations(page, 'safety rep');
    await page.screenshot({ path: 'test-results/surveys-safety-rep.png', fullPage: true });

    await page.getByRole('link', { name: 'Rapport for utskrift' }).click();
    const report = page.getByTestId('print-report');
    await report.getByRole('heading', { level: 1, name: `Rapport til arbeidsmiljøutvalet: ${SEEDED_TITLE.nn}` }).waitFor();
    assert.equal(await report.getByTestId('question-result').count(), template.definition.questions.length, 'every question');
    assert.equal(await report.getByTestId('free-texts').locator('li').count(), texts.length, 'every free text on paper');
    await report.getByTestId('unit-scores').waitFor();
    await expectNoViolations(page, 'print report');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('nav').isVisible(), false, 'no menu on paper');
    assert.equal(await page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false, 'no buttons on paper');
    await page.screenshot({ path: 'test-results/surveys-print.png', fullPage: true });
    await context.close();
  });

  it('shows a "you said, we did" written by the communicator next to the round’s results, for everyone who reads them', async () => {
    const communicator = demo().communicator;
    const { context, page } = await openSurveys(communicator.displayName);
    await openSeeded(page);
    const form = page.getByTestId('follow-up-form');
    await form.getByRole('button', { name: 'Send til mottakerne' }).click();
    await form.getByText('Skriv teksten før du sender.').waitFor();
    const text = 'Dere ba om mer opplæring: alle enheter får to timer Teams-kurs i januar.';
    await form.getByRole('textbox', { name: 'Oppfølging (Norsk (bokmål))' }).fill(text);
    await form.getByRole('button', { name: 'Send til mottakerne' }).click();
    await form.getByTestId('follow-up-status').getByText('Oppfølgingen er sendt og vises ved resultatene.').waitFor();
    const followUp = page.getByTestId('follow-ups').getByTestId('follow-up').filter({ hasText: text });
    await followUp.waitFor();
    assert.match(plain(await followUp.textContent()), /^Runde 2.*Kommunikasjonsrådgiver Ingrid Haugland, /);
    await expectNoViolations(page, 'follow-up written');
    await page.screenshot({ path: 'test-results/surveys-follow-up.png', fullPage: true });

    const results = await api<ApiResults>(`/api/v1/surveys/${seeded.id}/results`, communicator.id);
    const saved = results.followUps.find((f) => f.text.nb === text)!;
    assert.equal(saved.roundId, results.round.id);
    assert.deepEqual(saved.text, { nb: text, nn: text, sv: text, en: text }, 'the other languages take the text written');
    await context.close();

    // The safety representative sees it beside the results too.
    const rep = await openSurveys(demo().safetyRep.displayName, {}, 'Pulsmålingar');
    await openSeeded(rep.page, SEEDED_TITLE.nn);
    await rep.page.getByTestId('follow-ups').getByText(text).waitFor();
    await rep.context.close();
  });

  it('fits a phone: no sideways page scroll, tables scroll in their own labelled regions', async () => {
    const { context, page } = await openSurveys(demo().communicator.displayName, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await openSeeded(page);
    await page.getByTestId('survey-trend-chart').waitFor();
    // Against the phone's width, not innerWidth: a mobile browser widens its layout viewport to fit content that is too wide.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 375);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    const region = page.getByRole('region', { name: 'Tabell over svarprosent per enhet, kan rulles sideveis' });
    assert.equal(await region.getAttribute('tabindex'), '0', 'keyboard users can scroll it');
    assert.ok(await region.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table scrolls inside its region');
    await expectNoViolations(page, 'phone');
    await page.screenshot({ path: 'test-results/surveys-phone.png', fullPage: true });
    await context.close();
  });
});
