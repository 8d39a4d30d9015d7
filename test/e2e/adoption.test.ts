import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { ingestAdoptionFromGraph } from '../../app/adoption-ingest.js';
import { expectNoViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { silentProgress, startTestStack, type TestStack } from '../support/stack.js';
import { getAs, signInOnPage, signInToTab } from '../support/tab-session.js';


/** What the API says, to check the screen against (the API has its own tests; here it is the yardstick). */
interface Counts {
  teams: number;
  engage: number;
}
interface ApiUnit {
  id: string;
  name: string;
  path: string[];
  staff: number | null;
  active: Counts | null;
  suppressed: boolean;
}
interface ApiReport {
  reportDate: string | null;
  snapshots: Array<{ reportDate: string }>;
  minGroupSize: number;
  tenant: { staff: number; active: Counts } | null;
  units: ApiUnit[];
}

/** Whitespace as one plain space: Norwegian numbers and percentages use no-break spaces ("61 %"). */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
const percent = (count: number, staff: number) => `${Math.round((count / staff) * 100)} %`;
/** A name as a literal inside a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe('adoption view in the browser: units least adopted first, privacy, trend, CSV, unit lead, concealed names', function () {
  // Browsers, axe and sign-in round trips on a machine shared with other builds.
  this.timeout(180_000);
  let stack: TestStack;
  let browser: Browser;
  let newest: string;

  before(async () => {
    [stack, browser] = await Promise.all([startTestStack({ ingestAdoption: true }), launchChromium()]);
    await mkdir('test-results', { recursive: true });
    // A trend needs several report dates: ingest the tenant as its reports stood 60 and 30 days earlier too.
    newest = stack.sim.reports.reportDate;
    for (const days of [60, 30]) {
      stack.sim.setReportDate(daysBefore(newest, days));
      await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress);
    }
    stack.sim.setReportDate(newest);
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  const demo = () => stack.sim.municipality.demoPersons;
  const api = <T>(path: string, personId: string) => getAs<T>(stack, path, personId);

  /** Signs in on the simulator's sign-in page as a demo person, then opens Adoption from the menu. */
  async function openAdoption(displayName: string, options: BrowserContextOptions = {}) {
    const { context, page } = await signInToTab(browser, stack.url, displayName, { acceptDownloads: true, ...options });
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Adopsjon' }).click();
    await page.getByRole('heading', { level: 1, name: 'Adopsjon' }).waitFor();
    return { context, page };
  }

  /** The unit table's rows as a person reads them: path, whether hidden, and the Teams cell. */
  async function tableRows(page: Page) {
    const table = page.getByTestId('unit-table');
    await table.waitFor();
    return table.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => {
        const header = row.querySelector('th');
        const parent = header?.querySelector('.fui-Caption1')?.textContent ?? '';
        const name = header?.querySelector('[data-testid="unit-name"]')?.textContent ?? '';
        const cells = [...row.querySelectorAll('td')].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());
        return { path: parent ? `${parent} / ${name}` : name, suppressed: row.hasAttribute('data-suppressed'), cells };
      }),
    );
  }

  it('shows the admin the municipality’s figures and the units least adopted first, hidden units in words only', async () => {
    const admin = demo().admin;
    const report = await api<ApiReport>('/api/v1/adoption?period=D30', admin.id);
    assert.equal(report.reportDate, newest);
    const { context, page } = await openAdoption(admin.displayName);

    const figures = page.getByTestId('municipality-figures');
    await figures.waitFor();
    const tenant = report.tenant!;
    assert.equal(plain(await figures.locator('[data-figure="staff"] dd').textContent()), String(tenant.staff));
    assert.equal(plain(await figures.locator('[data-figure="teams"] dd').textContent()), `${percent(tenant.active.teams, tenant.staff)} ${tenant.active.teams} av ${tenant.staff}`);
    assert.match(plain(await figures.locator('[data-figure="engage"]').textContent()), new RegExp(`Viva Engage${percent(tenant.active.engage, tenant.staff)} ${tenant.active.engage} av`));

    const rows = await tableRows(page);
    const shown = report.units.filter((u) => !u.suppressed);
    assert.equal(rows.length, report.units.length, 'every unit the API gives has a row');
    const lowest = Math.min(...shown.map((u) => u.active!.teams / u.staff!));
    const first = shown.find((u) => u.active!.teams / u.staff! === lowest)!;
    assert.equal(rows[0]!.cells[1], `${percent(first.active!.teams, first.staff!)} ${first.active!.teams} pers.`, 'the least adopted unit comes first');
    const rates = rows.filter((r) => !r.suppressed).map((r) => Number.parseInt(r.cells[1]!, 10));
    assert.deepEqual(rates, [...rates].sort((a, b) => a - b), 'shown units go from least to most adopted');

    const hidden = rows.filter((r) => r.suppressed);
    assert.ok(hidden.length > 0, 'a 200-person municipality has units too small to show');
    for (const row of hidden) assert.deepEqual(row.cells, ['Færre enn 5 personer – skjult av personvernhensyn'], `${row.path} shows no number`);
    // People without a department form the "Unknown unit", shown in the reader's language.
    assert.ok(rows.some((r) => r.path === 'Ukjent enhet'));
    assert.ok(!rows.some((r) => r.path.includes('Unknown unit')));

    await expectNoViolations(page, 'light');
    await page.screenshot({ path: 'test-results/adoption-light.png', fullPage: true });
    for (const theme of ['dark', 'contrast'] as const) {
      await page.goto(`${stack.url}/tab/?theme=${theme}#/adoption`);
      await page.getByTestId('unit-table').waitFor();
      await page.getByTestId('trend-chart').waitFor();
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('[data-theme]')!).backgroundColor);
      assert.notEqual(background, 'rgb(255, 255, 255)', `${theme} theme has a dark background`);
      // With the pointer over a row, as a mouse user reads along it.
      await page.getByTestId('unit-table').locator('tbody tr').nth(1).hover();
      await expectNoViolations(page, theme);
      await page.screenshot({ path: `test-results/adoption-${theme}.png`, fullPage: true });
    }

    // Nynorsk names the unknown unit its own way.
    await page.goto(`${stack.url}/tab/?lang=nn#/adoption`);
    await page.getByRole('heading', { level: 1, name: 'Adopsjon' }).waitFor();
    await page.getByTestId('unit-table').getByText('Ukjend eining', { exact: true }).waitFor();
    await context.close();
  });

  it('shows a chosen unit’s trend as a chart and as a table, with its devices, and older report dates on request', async () => {
    const admin = demo().admin;
    const { context, page } = await openAdoption(admin.displayName);
    const firstRow = page.getByTestId('unit-table').locator('tbody tr').first();
    const unitName = plain(await firstRow.getByTestId('unit-name').textContent());
    const unitId = (await firstRow.getAttribute('data-unit-id'))!;
    await firstRow.getByRole('button', { name: `Vis detaljer for ${unitName}` }).click();

    const detail = page.getByTestId('unit-detail');
    const heading = detail.getByRole('heading', { level: 2, name: new RegExp(`^Detaljer: .*${literal(unitName)}$`) });
    await heading.waitFor();
    assert.equal(await heading.evaluate((h) => h === document.activeElement), true, 'focus moves to the details');
    assert.equal(await firstRow.getByRole('button').getAttribute('aria-pressed'), 'true');

    const trend = await api<{ points: Array<{ reportDate: string; staff: number | null; active: Counts | null; suppressed: boolean }> }>(`/api/v1/adoption/trend?period=D30&unit=${unitId}`, admin.id);
    assert.equal(trend.points.length, 3, 'three report dates were ingested');
    const chart = detail.getByTestId('trend-chart');
    await chart.locator('svg').first().waitFor();
    assert.match(plain(await chart.textContent()), /Teams.*Viva Engage/, 'the chart has a legend for both lines');
    // Screen readers get the chart as a picture with a summary in words (the table has every figure).
    assert.match((await chart.getAttribute('aria-label')) ?? '', new RegExp(`^Andel ansatte som bruker Teams og Viva Engage i .*${literal(unitName)}, per rapportdato: Teams fra \\d+\\s%`));
    assert.ok((await chart.locator('path[d]').count()) >= 2, 'the chart draws lines');

    await detail.getByText('Vis utviklingen som tabell').click();
    const trendRows = detail.getByTestId('trend-table').locator('tbody tr');
    assert.equal(await trendRows.count(), 3);
    const latest = trend.points.at(-1)!;
    const latestCells = (await trendRows.first().locator('td').allTextContents()).map(plain);
    assert.deepEqual(
      latestCells.slice(1),
      latest.suppressed ? ['Færre enn 5 personer – skjult av personvernhensyn'] : [String(latest.staff), `${percent(latest.active!.teams, latest.staff!)} ${latest.active!.teams} pers.`, `${percent(latest.active!.engage, latest.staff!)} ${latest.active!.engage} pers.`],
    );
    assert.ok((await detail.getByTestId('device-list').locator('li').count()) > 0, 'devices for the unit');
    await expectNoViolations(page, 'unit details with the trend');
    await page.screenshot({ path: 'test-results/adoption-unit.png', fullPage: true });

    // An older report date: the municipality's figures of that day.
    const older = daysBefore(newest, 30);
    const then = await api<ApiReport>(`/api/v1/adoption?period=D30&date=${older}`, admin.id);
    await page.getByRole('combobox', { name: 'Rapportdato' }).selectOption(older);
    await page.waitForFunction((date) => document.querySelector('[data-testid="adoption-showing"]')?.textContent?.includes(date), new Intl.DateTimeFormat('nb', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${older}T00:00:00Z`)));
    assert.equal(plain(await page.getByTestId('municipality-figures').locator('[data-figure="teams"] dd').textContent()), `${percent(then.tenant!.active.teams, then.tenant!.staff)} ${then.tenant!.active.teams} av ${then.tenant!.staff}`);

    // A period nothing was ingested for says what to do.
    await page.getByRole('combobox', { name: 'Periode' }).selectOption('D7');
    const empty = page.getByTestId('adoption-empty');
    await empty.waitFor();
    assert.match(plain(await empty.textContent()), /Ingen bruksdata ennå.*digipuls ingest.*importerer rapportene/);
    await context.close();
  });

  it('downloads exactly the rows shown as a CSV file', async () => {
    const { context, page } = await openAdoption(demo().admin.displayName);
    const rows = await tableRows(page);
    const tiles = page.getByTestId('municipality-figures');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Last ned CSV' }).click()]);
    assert.equal(download.suggestedFilename(), `digipuls-adoption-D30-${newest}.csv`);
    await page.getByTestId('export-status').getByText(`CSV-filen digipuls-adoption-D30-${newest}.csv er lastet ned.`).waitFor();

    const text = await readFile((await download.path())!, 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff, 'a BOM, so Excel reads æ, ø and å');
    const records = parse(text.slice(1), { columns: true }) as Array<Record<string, string>>;
    const municipality = records.find((r) => r.unit === '(municipality)')!;
    assert.equal(municipality.staff, plain(await tiles.locator('[data-figure="staff"] dd').textContent()).replace(/\D/g, ''));
    const units = records.filter((r) => r.unit !== '(municipality)');
    const shownAs = (path: string) => path.replace(/^Unknown unit$/, 'Ukjent enhet');
    assert.deepEqual(units.map((r) => shownAs(r.unit!)).sort(), rows.map((r) => r.path).sort(), 'the same units as the table');
    for (const record of units) {
      const row = rows.find((r) => r.path === shownAs(record.unit!))!;
      if (row.suppressed) {
        assert.equal(record.suppressed, 'yes');
        assert.equal(record.staff, '', `${record.unit} has no figures in the file either`);
        assert.equal(record.active_teams, '');
      } else {
        assert.equal(record.staff, row.cells[0]!.replace(/\D/g, ''), `${record.unit}: staff as shown`);
        assert.match(row.cells[1]!, new RegExp(` ${record.active_teams} pers\\.$`), `${record.unit}: Teams count as shown`);
        assert.match(row.cells[5]!, new RegExp(` ${record.active_engage} pers\\.$`), `${record.unit}: Engage count as shown`);
      }
    }
    await context.close();
  });

  it('shows a unit lead only their own units, starting with their unit’s details', async () => {
    const lead = demo().unitLead;
    const own = lead.department!;
    const report = await api<ApiReport>('/api/v1/adoption?period=D30', lead.id);
    const { context, page } = await openAdoption(lead.displayName);
    const rows = await tableRows(page);
    assert.equal(rows.length, report.units.length);
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(row.path.startsWith(own), `${row.path} is one of ${lead.displayName}'s units`);
    assert.equal(await page.getByTestId('municipality-figures').count(), 0, 'no municipality figures for a unit lead');
    await page.getByTestId('unit-detail').getByRole('heading', { level: 2, name: `Detaljer: ${own}` }).waitFor();
    await page.getByTestId('trend-chart').waitFor();
    await expectNoViolations(page, 'unit lead');
    await page.screenshot({ path: 'test-results/adoption-unit-lead.png', fullPage: true });
    await context.close();
  });

  it('fits a phone: no sideways page scroll, the table scrolls in its own labelled region', async () => {
    const { context, page } = await openAdoption(demo().admin.displayName, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await page.getByTestId('unit-table').waitFor();
    await page.getByTestId('trend-chart').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    const region: Locator = page.getByRole('region', { name: 'Tabell over enheter, kan rulles sideveis' });
    assert.equal(await region.getAttribute('tabindex'), '0', 'keyboard users can scroll it');
    assert.ok(await region.evaluate((el) => el.scrollWidth > el.clientWidth), 'the table scrolls inside its region');
    await expectNoViolations(page, 'phone');
    await page.screenshot({ path: 'test-results/adoption-phone.png', fullPage: true });
    await context.close();
  });

  it('says so when the figures cannot be loaded, and loads them on retry', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // The server is briefly unavailable for the adoption figures, as during a restart.
    await page.route('**/api/v1/adoption?*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'not_ready', detail: 'The database does not answer' }) }),
    );
    await signInOnPage(page, stack.url, demo().admin.displayName);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Adopsjon' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'Bruksdata kunne ikke hentes.' });
    await problem.waitFor();
    assert.match(plain(await problem.textContent()), /The database does not answer/);
    await expectNoViolations(page, 'load failed');

    await page.unroute('**/api/v1/adoption?*');
    await problem.getByRole('button', { name: 'Prøv igjen' }).click();
    await page.getByTestId('unit-table').waitFor();
    await context.close();
  });

  describe('when the tenant conceals user names in usage reports', () => {
    let concealed: TestStack;
    before(async () => {
      concealed = await startTestStack({ ingestAdoption: true, simConcealed: true });
    });
    after(() => concealed?.close());

    it('tells the admin why there are no units, exactly what to change, and why privacy does not depend on it', async () => {
      const { context, page } = await signInToTab(browser, concealed.url, concealed.sim.municipality.demoPersons.admin.displayName);
      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Adopsjon' }).click();

      const notice = page.getByTestId('concealed-notice');
      await notice.getByRole('heading', { level: 2, name: 'Microsoft 365 skjuler brukernavn i bruksrapportene' }).waitFor();
      const text = plain(await notice.textContent());
      assert.match(text, /tall per enhet er umulige/);
      assert.match(text, /Innstillinger → Organisasjonsinnstillinger → Tjenester → Rapporter/);
      assert.match(text, /Fjern avmerkingen for «Display concealed user, group, and site names in all reports»/);
      assert.match(text, /displayConcealedNames til false/);
      assert.match(text, /lagrer ingen bruksdata om enkeltpersoner/);
      await page.getByTestId('municipality-figures').waitFor();
      assert.equal(await page.getByTestId('unit-table').count(), 0, 'no units when names are concealed');
      await expectNoViolations(page, 'concealed names');
      await page.screenshot({ path: 'test-results/adoption-concealed.png', fullPage: true });
      await context.close();
    });
  });
});
