import assert from 'node:assert/strict';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { TestStack } from './stack.js';

/** Opens the tab on `page` and signs in on the simulator's sign-in page as a demo person (by display name). */
export async function signInOnPage(page: Page, serverUrl: string, displayName: string): Promise<void> {
  await page.goto(`${serverUrl}/tab/`);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.getByRole('button', { name: displayName }).click();
  await page.getByTestId('me-name').waitFor();
}

/** A new browser context in Norwegian at desktop size (unless `options` say otherwise), signed in to the tab. */
export async function signInToTab(browser: Browser, serverUrl: string, displayName: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nb-NO', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await signInOnPage(page, serverUrl, displayName);
  return { context, page };
}

/** GET on the stack's API as a person, with a token the simulator issues; anything but 200 fails the test. */
export async function getAs<T>(stack: TestStack, path: string, personId: string): Promise<T> {
  const response = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${await stack.sim.issueUserToken(personId)}` } });
  assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
  return (await response.json()) as T;
}
