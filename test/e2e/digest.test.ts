import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page, Request } from 'playwright-core';
import { expectNoViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { getAs, signInToTab } from '../support/tab-session.js';
import { expectTeamsDarkThemes, serveFakeTeams } from './fake-teams-host.js';

interface Preferences {
  weekday: number;
  time: string;
  enabled: boolean;
}

const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the weekly digest in the tab: a unit lead picks day and time or turns it off', function () {
  this.timeout(120_000);
  let stack: TestStack;
  let browser: Browser;
  const demo = () => stack.sim.municipality.demoPersons;
  const preferences = () => getAs<Preferences>(stack, '/api/v1/me/digest', demo().unitLead.id);

  before(async () => {
    [stack, browser] = await Promise.all([startTestStack({ staff: 60 }), launchChromium()]);
    await mkdir('test-results', { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function openHome(options: BrowserContextOptions = {}) {
    const opened = await signInToTab(browser, stack.url, demo().unitLead.displayName, options);
    await opened.page.getByTestId('digest-settings').getByRole('heading', { name: 'Ukesammendrag i chatten' }).waitFor();
    return opened;
  }
  const section = (page: Page) => page.getByTestId('digest-settings');

  it('shows the lead the default, Monday 08:00, on the page they land on; keeps a change after reload; turns it off', async () => {
    const { context, page } = await openHome();
    const digest = section(page);
    assert.equal(plain(await digest.getByTestId('digest-state').textContent()), 'Du får sammendraget hver mandag kl. 08:00.');
    assert.equal(await digest.getByRole('switch', { name: 'Send meg ukesammendraget' }).isChecked(), true);
    await expectNoViolations(page, 'light');
    await page.screenshot({ path: 'test-results/digest-light.png', fullPage: true });

    await digest.getByRole('combobox', { name: 'Dag' }).selectOption('3');
    await digest.getByLabel('Klokkeslett').fill('14:30');
    await digest.getByRole('button', { name: 'Lagre' }).click();
    await digest.getByTestId('digest-saved').getByText('Lagret.').waitFor();
    assert.equal(await digest.getByTestId('digest-saved').getAttribute('role'), 'status', 'screen readers hear it');
    assert.deepEqual(await preferences(), { weekday: 3, time: '14:30', enabled: true });

    await page.reload();
    await section(page).getByTestId('digest-state').getByText('Du får sammendraget hver onsdag kl. 14:30.').waitFor();
    await section(page).getByRole('switch', { name: 'Send meg ukesammendraget' }).click();
    assert.match(plain(await section(page).getByTestId('digest-state').textContent()), /Sammendraget er slått av\. Du kan også skrive «sammendrag på»/);
    await section(page).getByRole('button', { name: 'Lagre' }).click();
    await section(page).getByText('Lagret.').waitFor();
    assert.deepEqual(await preferences(), { weekday: 3, time: '14:30', enabled: false });
    await context.close();
  });

  it('shows a wrong value beside its field with focus on it, whether the browser or the API finds it, and saves nothing', async () => {
    const before = await preferences();
    const { context, page } = await openHome();
    const digest = section(page);
    const puts: Request[] = [];
    page.on('request', (request) => request.method() === 'PUT' && puts.push(request));

    // The browser's own check: after working hours.
    const time = digest.getByLabel('Klokkeslett');
    await time.fill('18:00');
    await digest.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'digest-field-time');
    assert.equal(await time.getAttribute('aria-invalid'), 'true');
    const problem = digest.getByText('Velg et klokkeslett mellom 07:00 og 17:00.');
    await problem.waitFor();
    assert.ok(((await time.getAttribute('aria-describedby')) ?? '').split(' ').includes((await problem.getAttribute('id'))!), 'the field is described by its problem');
    assert.match(plain(await digest.getByTestId('digest-not-saved').textContent()), /Ikke lagret.*Rett feltet som er merket\./);
    assert.equal(puts.length, 0, 'nothing was sent');
    await expectNoViolations(page, 'field problem');
    await page.screenshot({ path: 'test-results/digest-field-problem.png', fullPage: true });

    // The API's check: the browser is made to send a Saturday (as a stale or tampered tab might).
    await time.fill('09:15');
    await page.route('**/api/v1/me/digest', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      await route.continue({ postData: JSON.stringify({ ...JSON.parse(route.request().postData() ?? '{}'), weekday: 6 }) });
    });
    await digest.getByRole('button', { name: 'Lagre' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'digest-field-weekday');
    await digest.getByText('Velg en dag fra mandag til fredag.').waitFor();
    assert.equal(await digest.getByRole('combobox', { name: 'Dag' }).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await preferences(), before, 'nothing was saved');
    await context.close();
  });

  it('reads well inside Teams in the dark and high-contrast themes', async () => {
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 } });
    const token = await stack.sim.issueUserToken(demo().unitLead.id);
    const hostUrl = await serveFakeTeams(context, stack.url, { tabPath: '/tab/#/home', token: { ok: true, value: token }, locale: 'nb-NO', theme: 'dark', frameContext: 'content', tenantId: stack.sim.tenantId });
    const page = await context.newPage();
    await page.goto(hostUrl);
    const tab = page.frameLocator('iframe');
    await tab.getByTestId('digest-settings').getByRole('switch').waitFor();
    await expectTeamsDarkThemes(page, 'digest');
    await context.close();
  });

  it('fits a phone: day and time stack, no sideways scroll', async () => {
    const { context, page } = await openHome(PHONE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the window`);
    const day = await section(page).getByRole('combobox', { name: 'Dag' }).boundingBox();
    const time = await section(page).getByLabel('Klokkeslett').boundingBox();
    assert.ok(day && time && time.y > day.y + day.height - 1, 'the time sits under the day');
    await expectNoViolations(page, 'phone');
    await page.screenshot({ path: 'test-results/digest-phone.png', fullPage: true });
    await context.close();
  });

  it('shows staff and communicators no digest settings', async () => {
    for (const who of [demo().staff, demo().communicator]) {
      const { context, page } = await signInToTab(browser, stack.url, who.displayName);
      await page.getByTestId('me-roles').waitFor();
      assert.equal(await page.getByTestId('digest-settings').count(), 0, who.displayName);
      await context.close();
    }
  });
});
