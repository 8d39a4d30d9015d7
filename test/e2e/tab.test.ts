import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`).join(', ')})`);
  assert.deepEqual(summary, [], `${label}: axe found WCAG 2.1 AA violations`);
}

describe('tab in the browser: demo sign-in, who you are, themes, phone width', function () {
  this.timeout(90_000);
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

  it('signs in as the demo communicator and shows their name and roles, accessibly in light, dark and high contrast', async () => {
    const communicator = stack.sim.municipality.demoPersons.communicator;
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${stack.url}/tab/`);
    await page.getByRole('button', { name: 'Logg inn' }).click();

    // The simulator's Entra ID sign-in page: pick the communicator.
    await page.getByRole('button', { name: `Logg inn som ${communicator.displayName}` }).click();

    await page.getByRole('heading', { level: 1, name: `Hei, ${communicator.displayName}` }).waitFor();
    assert.equal(await page.getByTestId('me-name').textContent(), communicator.displayName);
    const roles = await page.getByTestId('me-roles').textContent();
    assert.match(roles ?? '', /Kommunikasjonsrådgiver/);
    assert.match(roles ?? '', /Ansatt/);
    assert.match(await page.locator('main').textContent() ?? '', /Sentraladministrasjon \/ Kommunikasjon/);
    const nav = page.getByRole('navigation', { name: 'Hovedmeny' });
    assert.ok(await nav.getByRole('link', { name: 'Nådd' }).isVisible(), 'communicators see Reach');
    assert.equal(await nav.getByRole('link', { name: 'Innstillinger' }).count(), 0, 'only admins see Settings');
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

  it('fits a phone screen without horizontal scrolling, and changes language from the header', async () => {
    const unitLead = stack.sim.municipality.demoPersons.unitLead;
    const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${stack.url}/tab/`);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: `Logg inn som ${unitLead.displayName}` }).click();
    await page.getByTestId('me-name').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
    await expectNoViolations(page, 'phone');
    await page.screenshot({ path: 'test-results/tab-phone.png', fullPage: true });

    await page.getByRole('combobox', { name: 'Språk' }).click();
    await page.getByRole('option', { name: 'Svenska' }).click();
    await page.getByRole('heading', { level: 1, name: `Hej, ${unitLead.displayName}` }).waitFor();
    assert.match((await page.getByTestId('me-roles').textContent()) ?? '', /Enhetschef/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
    await context.close();
  });

  it('sends a person with an expired session back to sign-in with a clear message', async () => {
    const context = await browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    const expired = await stack.sim.issueUserToken(stack.sim.municipality.demoPersons.staff.id, { exp: Math.floor(Date.now() / 1000) - 600 });
    // The token is in place before the tab's own script runs, as after an earlier visit.
    await page.addInitScript((token) => sessionStorage.setItem('digipuls.token', token), expired);
    await page.goto(`${stack.url}/tab/`);
    await page.getByText('Økten din er utløpt. Logg inn på nytt.').waitFor().catch(async (error: unknown) => {
      await page.screenshot({ path: 'test-results/tab-expired-failure.png' });
      throw error;
    });
    assert.ok(await page.getByRole('button', { name: 'Logg inn' }).isVisible());
    await context.close();
  });
});
