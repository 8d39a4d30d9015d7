import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoViolations } from '../support/axe.js';

/** What the pretend Teams client tells the tab. */
export interface FakeTeamsOptions {
  /** The tab's address inside the host page, e.g. /tab/ or /tab/config. */
  tabPath: string;
  /** What `authentication.getAuthToken()` answers: an SSO token, or an error. */
  token: { ok: true; value: string } | { ok: false; error: string };
  locale: string;
  theme: 'default' | 'dark' | 'contrast';
  frameContext: 'content' | 'settings';
  tenantId: string;
}

/**
 * A page standing in for the Teams client: it frames the tab and answers teams-js over postMessage
 * the way Teams does (initialize, getContext, getAuthToken, settings), and records what the tab asked.
 * teams-js accepts a parent on the tab's own origin, so the page is served (by Playwright) from the
 * Digipuls server's origin at /teams-host.
 */
export async function serveFakeTeams(context: BrowserContext, serverUrl: string, options: FakeTeamsOptions): Promise<string> {
  const hostUrl = `${serverUrl}/teams-host`;
  await context.route(hostUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage(options) }));
  return hostUrl;
}

function hostPage(options: FakeTeamsOptions): string {
  const legacyContext = {
    locale: options.locale,
    theme: options.theme,
    frameContext: options.frameContext,
    hostClientType: 'web',
    hostName: 'Teams',
    tid: options.tenantId,
    entityId: 'digipuls',
    appSessionId: 'test-session',
  };
  const runtime = { apiVersion: 4, supports: { app: {}, pages: { config: {}, tabs: {}, appButton: {}, backStack: {} }, teamsCore: {} } };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Teams (test host)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe title="Digipuls" src="${options.tabPath}"></iframe>
<script>
const tab = document.querySelector('iframe');
const context = ${JSON.stringify(legacyContext)};
const runtime = ${JSON.stringify(JSON.stringify(runtime))};
const token = ${JSON.stringify(options.token)};
window.fromTab = [];
window.addEventListener('message', (event) => {
  const m = event.data;
  if (event.source !== tab.contentWindow || !m || typeof m.func !== 'string') return;
  window.fromTab.push({ func: m.func, args: m.args });
  const reply = (args) => tab.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, '*');
  if (m.func === 'initialize') reply([context.frameContext, 'web', runtime, '2.58.0']);
  else if (m.func === 'getContext') reply([context]);
  else if (m.func === 'authentication.getAuthToken') reply(token.ok ? [true, token.value] : [false, token.error]);
  else if (m.func === 'settings.setSettings') reply([true]);
});
window.sendToTab = (func, args) => tab.contentWindow.postMessage({ func, args }, '*');
</script></body></html>`;
}

/**
 * Holds a tab page opened in the fake Teams host (started in its dark theme) to Teams' dark and then
 * high-contrast theme: a dark background, no axe-core violations, and a screenshot of the whole tab
 * (test-results/NAME-teams-THEME.png) with the window as tall as the content.
 */
export async function expectTeamsDarkThemes(page: Page, name: string): Promise<void> {
  const tab = page.frameLocator('iframe');
  for (const theme of ['dark', 'contrast'] as const) {
    if (theme === 'contrast') await page.evaluate(() => (window as unknown as { sendToTab(f: string, a: unknown[]): void }).sendToTab('themeChange', ['contrast']));
    await tab.locator(`[data-theme="${theme}"]`).waitFor();
    const background = await tab.locator('[data-theme]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(background, 'rgb(255, 255, 255)', `${theme} theme has a dark background`);
    const { width, height } = page.viewportSize() ?? { width: 1280, height: 900 };
    await page.setViewportSize({ width, height: await tab.locator('body').evaluate((body) => body.scrollHeight) });
    await expectNoViolations(page, `Teams ${theme}`);
    await page.screenshot({ path: `test-results/${name}-teams-${theme}.png` });
    await page.setViewportSize({ width, height });
  }
}
