import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Funnel } from '../../core/announcement-reach.js';
import type { DeliveryCounts } from '../../core/announcement-store.js';
import { expectNoViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { signInToTab } from '../support/tab-session.js';

/** What the API says, to check the screen against (the API has its own tests; here it is the yardstick). */
type ApiUnit = { unitId: string; name: string; path: string[] } & ({ funnel: Funnel } | { hidden: string });
interface ApiReach {
  minGroupSize: number;
  readReceipts: 'seen' | 'none-yet';
  municipality: Funnel | null;
  units: ApiUnit[];
}
type ApiProgress = DeliveryCounts;
interface ApiAnnouncement {
  id: string;
  title: string;
  status: string;
  requiresAcknowledgement: boolean;
  audience: { kind: string };
  content: { versions: Record<string, { title: string; body: string; links: Array<{ label: string; url: string }> }>; fallbackLocale: string };
  progress: ApiProgress;
}
interface ApiUnreached {
  notReadAfterDays: number;
  units: Array<{ unitId: string; name: string; path: string[]; notRead?: number; hidden?: string }>;
}
interface ApiBriefing {
  toBrief: number;
  names: string[] | null;
  unit: { id: string; name: string; path: string[] };
  announcement: { title: string };
}

/** Whitespace as one plain space: Norwegian numbers and percentages use no-break spaces ("61 %"). */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const share = (count: number, of: number) => (of > 0 ? `${Math.round((count / of) * 100)} %` : '–');

const TITLE = 'Nytt turnussystem fra 1. desember';
const BODY = 'Fra 1. desember fører vi vaktene i **MinTurnus**.\n\n- Logg inn med kommunekontoen\n- Sjekk vaktene dine for desember\n\nSpørsmål? Les [veiledningen](https://intranett.example.no/minturnus).';
const TITLE_SV = 'Nytt schemasystem från 1 december';
const BODY_SV = 'Från 1 december förs passen i **MinTurnus**.';
const LINK = { label: 'Veiledning for MinTurnus', url: 'https://intranett.example.no/minturnus/veiledning' };
const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

describe('announcements in the tab: compose with a card preview, send with progress, the reach funnel per unit, not reached, reminder and briefing sheet', function () {
  // A fan-out to 200 simulated staff at a slow connector, staff reacting, browsers and axe on a shared machine.
  this.timeout(300_000);
  let stack: TestStack;
  let browser: Browser;
  /** The announcement the communicator sends in the first test; the later tests read its reach. */
  let sent: ApiAnnouncement;

  before(async () => {
    [stack, browser] = await Promise.all([startTestStack({ botAuth: true, ingestAdoption: true, env: { ANNOUNCEMENT_SEND_CEILING: '20' } }), launchChromium()]);
    await mkdir('test-results', { recursive: true });
    // Most staff have the bot already; the rest get it installed through Graph by the sender.
    const people = stack.sim.municipality.people.map((p) => p.id);
    await openChats(stack, people.filter((_, i) => i % 10 !== 0));
    // A slow tenant, so sending takes long enough to watch its progress (the sender's ceiling, 20, is under its limit).
    stack.sim.connector.configure({ tenantPerSecond: 25, latencyMs: 20 });
    stack.sim.staff.react({ botEndpoint: `${stack.url}/api/messages`, delayMs: [50, 400] });
  });
  after(async () => {
    stack?.sim.staff.stop();
    await browser?.close();
    await stack?.close();
  });

  const demo = () => stack.sim.municipality.demoPersons;
  async function call<T>(path: string, personId: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const response = await fetch(`${stack.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${await stack.sim.issueUserToken(personId)}`, 'content-type': 'application/json', ...init.headers },
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  }
  async function api<T>(path: string, personId: string): Promise<T> {
    const { status, body } = await call<T>(path, personId);
    assert.equal(status, 200, `${path}: ${JSON.stringify(body)}`);
    return body;
  }

  /** Signs in on the simulator's sign-in page as a demo person, then opens Nådd from the menu. */
  async function openReach(displayName: string, options: BrowserContextOptions = {}) {
    const { context, page } = await signInToTab(browser, stack.url, displayName, options);
    await page.getByRole('navigation').getByRole('link', { name: 'Nådd' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nådd' }).waitFor();
    return { context, page };
  }

  /** Waits until every recipient is settled and staff have done all they will do. */
  async function settled(id: string) {
    const admin = demo().admin.id;
    for (let i = 0; i < 300; i++) {
      const a = await api<ApiAnnouncement>(`/api/v1/announcements/${id}`, admin);
      if (a.status === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await stack.sim.staff.settled();
  }

  async function openAnnouncement(page: Page, id: string, theme?: string) {
    await page.goto(`${stack.url}/tab/${theme ? `?theme=${theme}` : ''}#/reach/${id}`);
    await page.getByTestId('reach-unit-table').waitFor();
    await page.getByTestId('timeline-chart').locator('svg').first().waitFor();
  }

  it('lets a communicator write an announcement in two languages, preview the card as staff get it, see the API’s objection beside the field, send it and watch the progress to the end', async () => {
    const communicator = demo().communicator;
    const { context, page } = await openReach(communicator.displayName);
    await page.getByRole('link', { name: 'Ny kunngjøring' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Ny kunngjøring' });
    await heading.waitFor();
    assert.equal(await heading.evaluate((h) => h === document.activeElement), true, 'focus moves to the form');

    // Nothing written: the form says so, next to the title, and in the list above the button.
    await page.getByRole('button', { name: 'Send nå' }).click();
    await page.getByTestId('form-problems').getByText('Skriv kunngjøringen på minst ett språk.').waitFor();
    assert.equal(await page.getByTestId('form-problems').evaluate((el) => el === document.activeElement), true, 'focus moves to what to put right');

    const tabs = page.getByRole('tablist', { name: 'Språkversjoner' });
    assert.deepEqual((await tabs.getByRole('tab').allTextContents()).map(plain), [
      'Norsk (bokmål)må rettes, reserve, tom', 'Norsk (nynorsk)tom', 'Svenskatom', 'Englishtom',
    ]);
    await page.getByRole('textbox', { name: 'Tittel' }).fill(TITLE);
    await page.getByRole('textbox', { name: 'Tekst', exact: true }).fill(BODY);
    await page.getByRole('button', { name: 'Legg til lenke' }).click();
    await page.getByRole('textbox', { name: 'Tekst på lenke 1' }).fill(LINK.label);
    // One character over the API's 2000 for a link: the form lets it through, the API does not.
    const tooLong = `${LINK.url}?${'x'.repeat(2001 - LINK.url.length)}`;
    await page.getByRole('textbox', { name: 'Adresse til lenke 1' }).fill(tooLong);
    // Swedish: the arrow key moves to the next tabs, as in any tab list.
    await tabs.getByRole('tab', { name: /^Norsk \(bokmål\)/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await tabs.getByRole('tab', { selected: true }).evaluate((tab) => tab === document.activeElement && tab.textContent?.startsWith('Svenska')), true);
    await page.getByRole('textbox', { name: 'Tittel' }).fill(TITLE_SV);
    await page.getByRole('textbox', { name: 'Tekst', exact: true }).fill(BODY_SV);

    await page.getByRole('checkbox', { name: 'Mottakerne må bekrefte at de har lest kunngjøringen' }).check();
    assert.match(plain(await page.locator('#compose-ack-explained').textContent()), /registreres med navn/);

    // The card as staff get it: Swedish for Swedish readers, bokmål (the fallback) for nynorsk readers.
    await page.getByRole('combobox', { name: 'Språk på kortet' }).selectOption('nb');
    await page.getByRole('button', { name: 'Vis kortet' }).click();
    const card = page.getByRole('region', { name: 'Forhåndsvisning av kunngjøringen på Norsk (bokmål)' });
    await card.getByRole('heading', { level: 3, name: TITLE }).waitFor();
    assert.equal(await card.locator('.ac-adaptiveCard').count(), 1, 'drawn by the Adaptive Cards renderer, as in Teams');
    const text = plain(await card.textContent());
    assert.match(text, /Når du trykker «Bekreft lest», registreres det med navnet ditt\./, 'told up front');
    assert.match(text, /Fra 1\. desember fører vi vaktene i MinTurnus\./);
    assert.equal(await card.locator('strong').first().textContent(), 'MinTurnus', 'bold as Teams shows it');
    assert.deepEqual(await card.locator('li').allTextContents(), ['Logg inn med kommunekontoen', 'Sjekk vaktene dine for desember'], 'a list as Teams shows it');
    assert.equal(await card.getByRole('link', { name: 'veiledningen' }).getAttribute('href'), 'https://intranett.example.no/minturnus');
    // Acknowledging is the card's first action; the link follows it.
    assert.deepEqual(await card.getByRole('button').allTextContents(), ['Bekreft lest']);
    assert.ok(plain(await card.textContent()).includes(LINK.label), 'the link is on the card');
    assert.equal(await card.locator('button:not([disabled])').count(), 0, 'the preview sends nothing');
    await expectNoViolations(page, 'compose with preview');
    await page.screenshot({ path: 'test-results/announcements-compose.png', fullPage: true });
    await card.screenshot({ path: 'test-results/announcements-preview.png' });

    await page.getByRole('combobox', { name: 'Språk på kortet' }).selectOption('sv');
    await page.getByText('Du har endret noe siden forhåndsvisningen.').waitFor();
    await page.getByRole('button', { name: 'Vis kortet på nytt' }).click();
    const swedish = page.getByRole('region', { name: 'Forhåndsvisning av kunngjøringen på Svenska' });
    await swedish.getByRole('heading', { level: 3, name: TITLE_SV }).waitFor();
    assert.equal(await swedish.getAttribute('lang'), 'sv');
    assert.deepEqual(await swedish.getByRole('button').allTextContents(), ['Bekräfta läst'], 'Digipuls’ own words in Swedish; no links in the Swedish version');
    await page.getByRole('combobox', { name: 'Språk på kortet' }).selectOption('nn');
    await page.getByRole('button', { name: 'Vis kortet på nytt' }).click();
    await page.getByRole('region', { name: 'Forhåndsvisning av kunngjøringen på Norsk (nynorsk)' }).getByRole('heading', { level: 3, name: TITLE }).waitFor();

    // The API's objection, beside the field it concerns (on the bokmål tab).
    await page.getByRole('button', { name: 'Send nå' }).click();
    const problem = page.getByTestId('create-problem');
    await problem.waitFor();
    assert.match(plain(await problem.textContent()), /^Kunngjøringen ble ikke sendt\..*2000/);
    assert.equal(await tabs.getByRole('tab', { selected: true }).evaluate((tab) => tab.textContent?.startsWith('Norsk (bokmål)')), true, 'the tab with the field is open');
    const urlField = page.getByRole('textbox', { name: 'Adresse til lenke 1' });
    assert.match(plain(await urlField.evaluate((input) => input.closest('.fui-Field')?.textContent ?? '')), /2000/, 'the message sits under the field');
    assert.match((await tabs.getByRole('tab', { selected: true }).textContent()) ?? '', /må rettes/);
    await expectNoViolations(page, 'API problem');
    await page.screenshot({ path: 'test-results/announcements-compose-problem.png', fullPage: true });

    await urlField.fill(LINK.url);
    await page.getByRole('button', { name: 'Send nå' }).click();
    await page.getByTestId('created-notice').waitFor();
    const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    assert.ok(id, 'the address leads to the announcement');
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

    // Sending at 25 a second takes a while: the bar, its figures in words, and the end read out politely.
    const progress = page.getByTestId('send-progress');
    await progress.waitFor();
    const bar = progress.getByRole('progressbar', { name: 'Sendt så langt' });
    await bar.waitFor();
    assert.match(plain(await progress.textContent()), /\d+ av \d+ sendt.*per sekund.*tid igjen/);
    await expectNoViolations(page, 'sending');
    await page.screenshot({ path: 'test-results/announcements-progress.png', fullPage: true });
    const finished = page.getByTestId('sending-finished');
    assert.equal(await finished.getAttribute('role'), 'status');
    await finished.getByText(/^Utsendingen er ferdig: \d+ av \d+ sendt/).waitFor({ timeout: 120_000 });
    await page.getByTestId('announcement-status').getByText('Sendt').waitFor();

    sent = await api<ApiAnnouncement>(`/api/v1/announcements/${id}`, communicator.id);
    assert.equal(sent.status, 'sent');
    assert.equal(sent.requiresAcknowledgement, true);
    assert.deepEqual(Object.keys(sent.content.versions).sort(), ['nb', 'sv']);
    assert.deepEqual(sent.content.versions.nb!.links, [LINK]);
    assert.equal(sent.content.fallbackLocale, 'nb');
    assert.equal(sent.audience.kind, 'everyone');
    assert.ok(plain(await finished.textContent()).includes(`${sent.progress.sent} av ${sent.progress.total} sendt`), 'the figures of the end, as the API has them');
    assert.equal(stack.sim.connector.violations().tenant + stack.sim.connector.violations().conversation, 0, 'no Teams limit broken');

    // The list: newest first, its status and the acknowledgement marker.
    await page.getByRole('link', { name: 'Tilbake til kunngjøringene' }).click();
    const first = page.getByTestId('announcement-list').locator('li').first();
    await first.getByRole('link', { name: TITLE }).waitFor();
    assert.match(plain(await first.textContent()), /Sendt.*Krever bekreft lest.*Alle ansatte/);
    await expectNoViolations(page, 'list');
    await context.close();
  });

  it('shows the reach funnel with figures and a table, units least reached first with a hidden small unit, and the timeline, in light, dark and high contrast', async () => {
    await settled(sent.id);
    const communicator = demo().communicator;
    const reach = await api<ApiReach>(`/api/v1/announcements/${sent.id}/reach`, communicator.id);
    const whole = reach.municipality!;
    assert.ok(whole.acknowledged > 0 && whole.read > 0, 'staff read and acknowledged');
    const { context, page } = await openReach(communicator.displayName);
    await openAnnouncement(page, sent.id);

    // The funnel as a table: every stage, people and share of the targeted, as the API counts them.
    const rows = await page.getByTestId('funnel-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    const expected = [
      ['Mottakere', whole.targeted],
      ...(whole.onTeams === null ? [] : [['Bruker Teams', whole.onTeams] as const]),
      ['Levert', whole.delivered],
      ['Lest', whole.read],
      ['Bekreftet lest', whole.acknowledged],
      ['Klikket på en lenke', whole.clicked],
    ] as const;
    assert.deepEqual(rows.map((r) => r.map(plain)), expected.map(([name, count]) => [name, String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ' '), share(count, whole.targeted)]));
    // The same as a picture with its figures in words.
    const chart = page.getByTestId('funnel-chart');
    assert.equal(await chart.getAttribute('role'), 'img');
    assert.match(plain(await chart.getAttribute('aria-label')), new RegExp(`^Nådd, som andel av mottakerne: Mottakere: ${whole.targeted} \\(100 %\\);.*Bekreftet lest: ${whole.acknowledged} \\(${share(whole.acknowledged, whole.targeted)}\\)`));
    assert.match(plain(await page.getByTestId('read-receipts').textContent()), reach.readReceipts === 'seen' ? /som ukjent, ikke som ulest/ : /ikke sendt noen lesebekreftelser/);
    // Delivered can pass "on Teams" (Teams takes the message for those who seldom open it): the page says why.
    assert.match(plain(await page.getByTestId('on-teams-note').textContent()), whole.onTeams === null ? /vises når Digipuls har bruksdata/ : /er et anslag.*«Levert» kan være høyere/);

    // Units in the API's order (least reached first); a hidden unit says why and where it is counted.
    const ids = await page.getByTestId('reach-unit-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit-id')));
    assert.deepEqual(ids, reach.units.map((u) => u.unitId));
    const hidden = reach.units.find((u) => 'hidden' in u && u.hidden === 'small');
    assert.ok(hidden, 'a 200-person municipality has a unit below the group size');
    const hiddenRow = page.getByTestId('reach-unit-table').locator(`tr[data-unit-id="${hidden.unitId}"]`);
    assert.match(plain(await hiddenRow.textContent()), new RegExp(`${hidden.name}Færre enn ${reach.minGroupSize} personer: telles med i enheten over\\.$`));
    const shown = reach.units.find((u): u is ApiUnit & { funnel: Funnel } => 'funnel' in u && u.funnel.targeted >= 10)!;
    const shownRow = page.getByTestId('reach-unit-table').locator(`tr[data-unit-id="${shown.unitId}"]`);
    assert.equal(plain(await shownRow.locator('[data-stage="delivered"]').textContent()), `${share(shown.funnel.delivered, shown.funnel.targeted)} ${shown.funnel.delivered} pers.`);

    // The timeline since sending, counted up, with a table.
    await page.getByText('Vis utviklingen som tabell').click();
    const timeline = await api<{ points: Array<{ delivered: number }> }>(`/api/v1/announcements/${sent.id}/timeline`, communicator.id);
    assert.equal(await page.getByTestId('timeline-table').locator('tbody tr').count(), timeline.points.length);
    assert.match(plain(await page.getByTestId('timeline-chart').getAttribute('aria-label')), /^Levert, lest, bekreftet og klikket over tid \(samlet\): fra /);

    await expectNoViolations(page, 'reach light');
    await page.screenshot({ path: 'test-results/announcements-reach-light.png', fullPage: true });
    for (const theme of ['dark', 'contrast'] as const) {
      await openAnnouncement(page, sent.id, theme);
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('[data-theme]')!).backgroundColor);
      assert.notEqual(background, 'rgb(255, 255, 255)', `${theme} theme has a dark background`);
      await expectNoViolations(page, `reach ${theme}`);
      await page.screenshot({ path: `test-results/announcements-reach-${theme}.png`, fullPage: true });
    }
    await context.close();
  });

  it('sends one reminder to those who have not read it, and says so when it was sent before', async () => {
    const communicator = demo().communicator;
    const { context, page } = await openReach(communicator.displayName);
    await openAnnouncement(page, sent.id);
    const reminder = page.getByTestId('reminder');
    await reminder.getByText('Én påminnelse per kunngjøring').waitFor();
    await reminder.getByRole('button', { name: 'Send påminnelse til dem som ikke har lest' }).click();
    await reminder.getByTestId('reminder-status').getByText(/^Påminnelsen sendes til \d+ person/).waitFor();
    assert.equal(await reminder.getByRole('button', { name: 'Send påminnelse til dem som ikke har lest' }).getAttribute('aria-disabled'), 'true');
    await expectNoViolations(page, 'reminder sent');

    // A second time (another visit): the API answers 409, the button says why it is off.
    await page.reload();
    await page.getByTestId('reach-unit-table').waitFor();
    const again = page.getByTestId('reminder');
    const alreadySent = await call(`/api/v1/announcements/${sent.id}/reminder`, communicator.id, { method: 'POST', body: '{}' });
    assert.equal(alreadySent.status, 409);
    if ((await again.getByTestId('reminder-status').count()) === 0) await again.getByRole('button', { name: 'Send påminnelse til dem som ikke har lest' }).click();
    await again.getByTestId('reminder-status').getByText('Påminnelsen er allerede sendt. Hver kunngjøring kan få én påminnelse.').waitFor();
    assert.equal(await again.getByRole('button', { name: 'Send påminnelse til dem som ikke har lest' }).getAttribute('aria-disabled'), 'true');
    await context.close();
  });

  it('prints a briefing sheet per unit: the text, how many to brief in person, and names only because the announcement asked for acknowledgement', async () => {
    const communicator = demo().communicator;
    const unreached = await api<ApiUnreached>(`/api/v1/announcements/${sent.id}/unreached`, communicator.id);
    const unit = unreached.units.find((u) => u.hidden === undefined)!;
    const briefing = await api<ApiBriefing>(`/api/v1/announcements/${sent.id}/briefing?unitId=${unit.unitId}`, communicator.id);
    const { context, page } = await openReach(communicator.displayName);
    await openAnnouncement(page, sent.id);
    const row = page.getByTestId('unreached-table').locator(`tr[data-unit-id="${unit.unitId}"]`);
    await row.getByRole('link', { name: `Orienteringsark for ${unit.name}` }).click();
    const sheet = page.getByTestId('briefing-sheet');
    await sheet.getByRole('heading', { level: 1, name: `Orienteringsark: ${unit.path.join(' / ')}` }).waitFor();
    assert.equal(plain(await sheet.getByTestId('to-brief').textContent()), `${briefing.toBrief} ${briefing.toBrief === 1 ? 'person bør' : 'personer bør'} orienteres muntlig.`);
    assert.match(plain(await sheet.getByTestId('briefing-text').textContent()), new RegExp(`^${TITLE}Fra 1\\. desember fører vi vaktene i MinTurnus\\.`));
    assert.ok(Array.isArray(briefing.names), 'names, because the announcement required acknowledgement');
    if (briefing.names!.length > 0) assert.deepEqual(await sheet.getByTestId('briefing-names').locator('li').allTextContents(), briefing.names);
    await expectNoViolations(page, 'briefing sheet');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('nav').isVisible(), false, 'no menu on paper');
    assert.equal(await page.getByRole('button', { name: 'Skriv ut' }).isVisible(), false, 'no buttons on paper');
    await page.screenshot({ path: 'test-results/announcements-briefing-print.png', fullPage: true });
    await context.close();
  });

  it('shows a unit lead the reach of their own units only, with nothing to compose', async () => {
    const lead = demo().unitLead;
    const reach = await api<ApiReach>(`/api/v1/announcements/${sent.id}/reach`, lead.id);
    const { context, page } = await openReach(lead.displayName);
    assert.equal(await page.getByRole('link', { name: 'Ny kunngjøring' }).count(), 0, 'a unit lead does not compose');
    await page.getByTestId('announcement-list').getByRole('link', { name: TITLE }).click();
    await page.getByTestId('reach-unit-table').waitFor();
    const ids = await page.getByTestId('reach-unit-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-unit-id')));
    assert.deepEqual(ids, reach.units.map((u) => u.unitId), 'the units the API gives a lead, and no others');
    assert.equal(await page.getByTestId('reminder').count(), 0, 'no reminder button for a unit lead');
    await expectNoViolations(page, 'unit lead');
    await page.screenshot({ path: 'test-results/announcements-unit-lead.png', fullPage: true });
    await context.close();
  });

  it('fits a phone in every theme: no sideways page scroll, tables scroll in their own labelled regions, the form and preview fit', async () => {
    const { context, page } = await openReach(demo().communicator.displayName, PHONE);
    for (const theme of ['default', 'dark', 'contrast'] as const) {
      await openAnnouncement(page, sent.id, theme);
      // Against the phone's width, not innerWidth: a mobile browser widens its layout viewport to fit content that is too wide.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 375);
      assert.ok(overflow <= 0, `${theme}: the reach page is ${overflow}px wider than the phone`);
      const region = page.getByRole('region', { name: 'Tabell over hvem som er nådd per enhet, kan rulles sideveis' });
      assert.equal(await region.getAttribute('tabindex'), '0', 'keyboard users can scroll it');
      assert.ok(await region.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table scrolls inside its region');
      await expectNoViolations(page, `phone reach ${theme}`);
      await page.screenshot({ path: `test-results/announcements-phone-${theme}.png`, fullPage: true });

      await page.goto(`${stack.url}/tab/?theme=${theme}#/reach/new`);
      await page.getByRole('textbox', { name: 'Tittel' }).fill(TITLE);
      await page.getByRole('textbox', { name: 'Tekst', exact: true }).fill(BODY);
      await page.getByRole('button', { name: 'Vis kortet' }).click();
      const card = page.getByRole('region', { name: 'Forhåndsvisning av kunngjøringen på Norsk (bokmål)' });
      await card.getByRole('heading', { level: 3, name: TITLE }).waitFor();
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - 375);
      assert.ok(wide <= 0, `${theme}: the form is ${wide}px wider than the phone`);
      const box = (await card.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 375, `${theme}: the card fits the phone`);
      await expectNoViolations(page, `phone compose ${theme}`);
      await page.screenshot({ path: `test-results/announcements-phone-compose-${theme}.png`, fullPage: true });
    }
    await context.close();
  });
});
