import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { startPlayground, type Playground } from '../support/playground.js';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('bot end to end in the Microsoft 365 Agents Playground', function () {
  this.timeout(120_000);
  let stack: TestStack;
  let playground: Playground;
  let browser: Browser;
  before(async () => {
    stack = await startTestStack();
    [playground, browser] = await Promise.all([startPlayground(`${stack.url}/api/messages`), launchChromium()]);
    await mkdir('test-results', { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await playground?.stop();
    await stack?.close();
  });

  async function say(page: Page, text: string) {
    const compose = page.locator('[data-lexical-editor="true"]');
    await compose.click();
    await compose.fill(text);
    await page.keyboard.press('Enter');
  }

  it('a person says "hjelp", sees the welcome card, switches to svenska and sees Swedish', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.url);
    await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: 30_000 });

    await say(page, 'hjelp');
    const welcome = page.locator('.ac-adaptiveCard', { hasText: 'Hei, jeg er Digipuls' });
    await welcome.last().waitFor({ timeout: 15_000 });
    assert.match((await welcome.last().textContent()) ?? '', /minst 5 personer/);
    await page.screenshot({ path: 'test-results/playground-welcome.png' });

    await say(page, 'språk');
    const picker = page.locator('.ac-adaptiveCard', { hasText: 'Velg språk' }).last();
    await picker.waitFor({ timeout: 15_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: 'test-results/playground-failure.png' });
      throw error;
    });
    await picker.getByRole('button', { name: 'Svenska' }).click();

    const swedish = page.locator('.ac-adaptiveCard', { hasText: 'Nu pratar jag svenska med dig' });
    await swedish.last().waitFor({ timeout: 15_000 });
    assert.match((await swedish.last().textContent()) ?? '', /Hej, jag är Digipuls/);
    await page.screenshot({ path: 'test-results/playground-svenska.png' });

    await say(page, 'hjälp');
    await page.locator('.ac-adaptiveCard', { hasText: 'Hej, jag är Digipuls' }).nth(1).waitFor({ timeout: 15_000 });
    await page.close();
  });
});
