import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startSimulator, type Simulator } from '../../sim/index.js';
import { pkcePair, redeem } from './sim-helpers.js';


describe('simulator: the sign-in page', function () {
  // A browser and axe on a shared two-core machine.
  this.timeout(90_000);
  let sim: Simulator;
  let browser: Browser;
  /** Stands in for the app the sign-in returns to, recording where the browser landed. */
  let app: http.Server;
  let REDIRECT_URI: string;
  const landings: URL[] = [];
  before(async () => {
    app = http.createServer((req, res) => {
      landings.push(new URL(req.url ?? '/', REDIRECT_URI));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="nb"><title>Digipuls</title><main>ok</main></html>');
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    REDIRECT_URI = `http://127.0.0.1:${(app.address() as AddressInfo).port}/tab/`;
    [sim, browser] = await Promise.all([startSimulator({ staff: 150, seed: 'page-test' }), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await sim?.close();
    app?.closeAllConnections();
    await new Promise((resolve) => app?.close(resolve));
  });

  const open = async (uiLocales?: string, viewport = { width: 375, height: 740 }): Promise<{ page: Page; verifier: string }> => {
    const page = await (await browser.newContext({ viewport })).newPage();
    const { verifier, challenge } = pkcePair();
    const query = new URLSearchParams({
      client_id: sim.app.clientId,
      response_type: 'code',
      redirect_uri: REDIRECT_URI,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'st',
      ...(uiLocales ? { ui_locales: uiLocales } : {}),
    });
    await page.goto(`${sim.url}/${sim.tenantId}/oauth2/v2.0/authorize?${query}`);
    return { page, verifier };
  };

  const axe = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();

  it('lists the demo people with role and unit in the asked language, passes axe (WCAG 2.1 AA), and looks right', async () => {
    const { page } = await open('sv-SE');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
    await page.getByRole('heading', { level: 1, name: 'Logga in i Fjordvik kommune' }).waitFor();
    const buttons = page.getByRole('button', { name: /^Logga in som / });
    assert.equal(await buttons.count(), 5);
    const names = await buttons.evaluateAll((all) => all.map((b) => b.textContent?.replace(/\s+/g, ' ').trim()));
    assert.match(names[1]!, /Lars Bakken.*Enhetschef · Helse og omsorg \/ Hjemmetjenesten \/ Hjemmetjenesten Nord/);
    assert.match(names[4]!, /Amina Ali.*Medarbetare/);
    // A screen reader hears who, in what role and where: "Logga in som Lars Bakken, Enhetschef · Helse og omsorg / …".
    await page.getByRole('button', { name: 'Logga in som Lars Bakken, Enhetschef · Helse og omsorg' }).waitFor({ timeout: 2000 });
    assert.deepEqual((await axe(page)).violations.map((v) => v.id), []);
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/sim-sign-in.png', fullPage: true });
  });

  it('speaks Bokmål by default, and Nynorsk and English when asked', async () => {
    for (const [uiLocales, lang, heading] of [
      [undefined, 'nb', 'Logg inn i Fjordvik kommune'],
      ['nn-NO', 'nn', 'Logg inn i Fjordvik kommune'],
      ['en-GB', 'en', 'Sign in to Fjordvik kommune'],
    ] as const) {
      const { page } = await open(uiLocales, { width: 1280, height: 800 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const role = { nb: 'Verneombud', nn: 'Verneombod', en: 'Safety representative' }[lang];
      await page.getByRole('button', { name: new RegExp(`Randi Moen.*${role}`) }).waitFor();
      await page.context().close();
    }
  });

  it('signs in from the keyboard and lands on the redirect URI with a code that redeems', async () => {
    const { page, verifier } = await open();
    await page.keyboard.press('Tab');
    assert.match((await page.evaluate(() => document.activeElement?.textContent)) ?? '', /Ingrid Haugland/);
    await Promise.all([page.waitForURL((url) => url.href.startsWith(REDIRECT_URI)), page.keyboard.press('Enter')]);
    const landed = landings.find((url) => url.pathname === '/tab/');
    assert.equal(landed?.searchParams.get('state'), 'st');
    const response = await redeem(sim, { code: landed!.searchParams.get('code')!, verifier, redirectUri: REDIRECT_URI });
    const body = (await response.json()) as { access_token: string };
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(Buffer.from(body.access_token.split('.')[1]!, 'base64url').toString()).preferred_username, 'ingrid.haugland@fjordvik.kommune.no');
  });

  it('explains a refused request on an accessible page in the asked language', async () => {
    const page = await (await browser.newContext()).newPage();
    const response = await page.goto(`${sim.url}/${sim.tenantId}/oauth2/v2.0/authorize?client_id=${sim.app.clientId}&redirect_uri=https://evil.example/&ui_locales=en`);
    assert.equal(response?.status(), 400);
    await page.getByRole('heading', { level: 1, name: 'Sign-in cannot be completed' }).waitFor();
    assert.match(await page.locator('code').innerText(), /AADSTS50011/);
    assert.deepEqual((await axe(page)).violations.map((v) => v.id), []);
  });
});
