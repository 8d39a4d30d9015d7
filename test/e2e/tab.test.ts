import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expectNoViolations } from '../support/axe.js';
import { launchChromium } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { serveFakeTeams, type FakeTeamsOptions } from './fake-teams-host.js';


describe('tab in the browser: demo sign-in, who you are, themes, languages, phone width, inside Teams', function () {
  // A browser, axe and a sign-in round trip per test, on a machine shared with other builds.
  this.timeout(120_000);
  let stack: TestStack;
  let browser: Browser;
  before(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
    await mkdir('test-results', { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await stack?.close();
  });

  const demo = () => stack.sim.municipality.demoPersons;
  async function openTab(options: BrowserContextOptions = {}, path = '/tab/') {
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 800 }, ...options });
    const page = await context.newPage();
    await page.goto(`${stack.url}${path}`);
    return { context, page };
  }
  /** The demo sign-in: our start page, then the simulator's Entra ID page where one picks a person. */
  async function signInAs(page: Page, displayName: string, button = 'Logg inn') {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByRole('button', { name: displayName }).click();
    await page.getByTestId('me-name').waitFor();
  }

  it('signs in as the demo communicator and shows their name, roles, unit and menu, accessibly in light, dark and high contrast', async () => {
    const communicator = demo().communicator;
    const { context, page } = await openTab();
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: `Logg inn som ${communicator.displayName}` }).click();

    await page.getByRole('heading', { level: 1, name: `Hei, ${communicator.displayName}` }).waitFor();
    assert.equal(new URL(page.url()).search, '', 'the sign-in code is gone from the address');
    assert.equal(await page.getByTestId('me-name').textContent(), communicator.displayName);
    const roles = await page.getByTestId('me-roles').textContent();
    assert.match(roles ?? '', /Kommunikasjonsrådgiver/);
    assert.match(roles ?? '', /Ansatt/);
    assert.match((await page.getByTestId('me-units').textContent()) ?? '', /Sentraladministrasjon \/ Kommunikasjon/);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    assert.deepEqual(await nav.getByRole('link').allTextContents(), ['Oversikt', 'Nådd', 'Pulsmålinger', 'Personvern']);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nb');
    await expectNoViolations(page, 'light');
    await page.screenshot({ path: 'test-results/tab-light.png', fullPage: true });

    for (const theme of ['dark', 'contrast'] as const) {
      await page.goto(`${stack.url}/tab/?theme=${theme}`);
      await page.getByTestId('me-name').waitFor();
      const background = await page.evaluate(() => getComputedStyle(document.querySelector('[data-theme]')!).backgroundColor);
      assert.notEqual(background, 'rgb(255, 255, 255)', `${theme} theme has a dark background`);
      await expectNoViolations(page, theme);
      await page.screenshot({ path: `test-results/tab-${theme}.png`, fullPage: true });
    }
    await context.close();
  });

  it('leads from the menu to a page that says what is coming, and to the privacy page', async () => {
    const { context, page } = await openTab();
    await signInAs(page, demo().admin.displayName);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    assert.deepEqual(await nav.getByRole('link').allTextContents(), ['Oversikt', 'Nådd', 'Adopsjon', 'Pulsmålinger', 'Tips', 'Innstillinger', 'Personvern']);

    await nav.getByRole('link', { name: 'Innstillinger' }).click();
    const heading = page.getByRole('heading', { level: 1, name: 'Innstillinger' });
    await heading.waitFor();
    assert.ok(await page.getByText('Kommer snart').isVisible());
    assert.equal(await heading.evaluate((h) => h === document.activeElement), true, 'focus moves to the new page');
    assert.equal(await page.title(), 'Innstillinger – Digipuls');
    assert.equal(await nav.getByRole('link', { name: 'Innstillinger' }).getAttribute('aria-current'), 'page');

    await nav.getByRole('link', { name: 'Personvern' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personvern: hva skjer med svarene?' }).waitFor();
    assert.match((await page.getByTestId('privacy-points').textContent()) ?? '', /minst 5 har svart/);
    await page.goBack();
    await heading.waitFor();
    await context.close();
  });

  it('fits a phone screen without horizontal scrolling, and keeps a language picked in the header', async () => {
    const unitLead = demo().unitLead;
    const { context, page } = await openTab({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await signInAs(page, unitLead.displayName);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await expectNoViolations(page, 'phone');
    await page.screenshot({ path: 'test-results/tab-phone.png', fullPage: true });

    await page.getByRole('combobox', { name: 'Språk' }).click();
    await page.getByRole('option', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 1, name: `Hej, ${unitLead.displayName}` }).waitFor();
    assert.match((await page.getByTestId('me-roles').textContent()) ?? '', /Enhetschef/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Hej, ${unitLead.displayName}` }).waitFor();
    await context.close();
  });

  it('sends a person with an expired session back to sign-in with a clear message, and signs out', async () => {
    const { context, page } = await openTab();
    const expired = await stack.sim.issueUserToken(demo().staff.id, { exp: Math.floor(Date.now() / 1000) - 600 });
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    await page.evaluate((token) => sessionStorage.setItem('digipuls.token', token), expired);
    await page.reload();
    await page.getByText('Økten din er utløpt. Logg inn på nytt.').waitFor();
    await expectNoViolations(page, 'start page with a message');
    await page.screenshot({ path: 'test-results/tab-sign-in.png', fullPage: true });

    await signInAs(page, demo().staff.displayName);
    assert.equal(await page.getByRole('link', { name: 'Nådd' }).count(), 0, 'staff have no reach page');
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    await page.reload();
    // Wait for the page to settle (it shows a spinner while it looks for a session) before judging.
    await page.getByRole('button', { name: 'Logg inn' }).waitFor();
    assert.equal(await page.getByTestId('me-name').count(), 0, 'still signed out after a reload');
    await context.close();
  });

  it('shows privacy and terms to anyone, before signing in, in the municipality language or the one picked', async () => {
    // A German browser gets the municipality's default language, bokmål. /privacy is the manifest's privacyUrl.
    const { context, page } = await openTab({ locale: 'de-DE' }, '/privacy');
    await page.getByRole('heading', { level: 1, name: 'Personvern: hva skjer med svarene?' }).waitFor();
    assert.match((await page.getByTestId('privacy-points').textContent()) ?? '', /Ingen kan se hvem som svarte hva/);
    await page.getByRole('combobox', { name: 'Språk' }).click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy: what happens with the answers?' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await expectNoViolations(page, 'privacy before sign-in');
    await page.getByRole('link', { name: 'Terms of use' }).click();
    await page.getByRole('heading', { level: 1, name: 'Terms of use' }).waitFor();
    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });

  describe('inside Teams', () => {
    const teams = (overrides: Partial<FakeTeamsOptions>): FakeTeamsOptions => ({
      tabPath: '/tab/',
      token: { ok: false, error: 'not set' },
      locale: 'sv-SE',
      theme: 'dark',
      frameContext: 'content',
      tenantId: stack.sim.tenantId,
      ...overrides,
    });

    it('signs in with Teams SSO, in the Teams language and theme, and follows a theme change', async () => {
      const communicator = demo().communicator;
      const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 800 } });
      const token = await stack.sim.issueUserToken(communicator.id);
      const hostUrl = await serveFakeTeams(context, stack.url, teams({ token: { ok: true, value: token } }));
      const page = await context.newPage();
      await page.goto(hostUrl);
      const tab = page.frameLocator('iframe');
      await tab.getByRole('heading', { level: 1, name: `Hej, ${communicator.displayName}` }).waitFor();
      assert.match((await tab.getByTestId('me-roles').textContent()) ?? '', /Kommunikatör/);
      assert.equal(await tab.getByRole('button', { name: 'Logga ut' }).count(), 0, 'Teams signs people out, not the tab');
      assert.equal(await tab.locator('[data-theme]').getAttribute('data-theme'), 'dark');
      await expectNoViolations(page, 'in Teams, dark');
      await page.screenshot({ path: 'test-results/tab-teams.png' });

      await page.evaluate(() => (window as unknown as { sendToTab(f: string, a: unknown[]): void }).sendToTab('themeChange', ['contrast']));
      await tab.locator('[data-theme="contrast"]').waitFor();
      await context.close();
    });

    it('explains what went wrong when Teams gives no token', async () => {
      const context = await browser.newContext({ locale: 'nb-NO' });
      const hostUrl = await serveFakeTeams(context, stack.url, teams({ locale: 'nb-NO', theme: 'default', token: { ok: false, error: 'resourceRequiresConsent' } }));
      const page = await context.newPage();
      await page.goto(hostUrl);
      const tab = page.frameLocator('iframe');
      await tab.getByText('Teams kunne ikke logge deg inn i Digipuls', { exact: false }).waitFor();
      await tab.getByText('resourceRequiresConsent', { exact: false }).waitFor();
      assert.ok(await tab.getByRole('button', { name: 'Prøv igjen' }).isVisible());
      await context.close();
    });

    it('lets a team owner save the channel tab from its configuration page', async () => {
      const context = await browser.newContext({ locale: 'nb-NO' });
      const hostUrl = await serveFakeTeams(context, stack.url, teams({ tabPath: '/tab/config', locale: 'nb-NO', theme: 'default', frameContext: 'settings' }));
      const page = await context.newPage();
      await page.goto(hostUrl);
      await page.frameLocator('iframe').getByRole('heading', { level: 1, name: 'Legg Digipuls til i kanalen' }).waitFor();
      const fromTab = () => page.evaluate(() => (window as unknown as { fromTab: Array<{ func: string; args: unknown[] }> }).fromTab);
      assert.ok((await fromTab()).some((m) => m.func === 'settings.setValidityState' && m.args[0] === true), 'Save is enabled');

      await page.evaluate(() => (window as unknown as { sendToTab(f: string, a: unknown[]): void }).sendToTab('settings.save', [{}]));
      await page.waitForFunction(() => (window as unknown as { fromTab: Array<{ func: string }> }).fromTab.some((m) => m.func === 'settings.save.success'));
      const saved = (await fromTab()).find((m) => m.func === 'settings.setSettings')?.args[0] as { contentUrl: string };
      assert.equal(saved.contentUrl, `${stack.url}/tab/`);
      await context.close();
    });
  });
});
