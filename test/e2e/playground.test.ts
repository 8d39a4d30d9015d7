import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { cardInPlayground, sayInPlayground, playgroundSession } from '../support/playground.js';

describe('bot end to end in the Microsoft 365 Agents Playground', function () {
  this.timeout(90_000);
  const session = playgroundSession();

  const say = sayInPlayground;
  const card = (page: Page, text: string | RegExp, nth: 'first' | 'last' = 'last') => cardInPlayground(page, session.playground, text, nth);

  it('a staff member says "hjelp", sees the welcome card, switches to svenska and sees Swedish', async () => {
    const { stack, playground, browser } = session;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.url);
    await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: 30_000 });
    const amina = stack.sim.municipality.demoPersons.staff;

    await say(page, 'hjelp');
    const welcome = await card(page, 'Hei, jeg er Digipuls');
    assert.match((await welcome.textContent()) ?? '', /minst 5 personer/);
    assert.ok(await welcome.getByRole('button', { name: 'Bytt språk' }).isVisible(), 'the welcome card offers to change language');
    await page.screenshot({ path: 'test-results/playground-welcome.png' });
    const remembered = await stack.directory.findPerson(stack.sim.tenantId, amina.id);
    assert.ok(remembered?.conversationReference, 'the bot remembers the chat of the person from the directory');

    await welcome.getByRole('button', { name: 'Bytt språk' }).click();
    const picker = await card(page, 'Velg språk');
    await picker.getByRole('button', { name: 'Svenska' }).click();

    const swedish = await card(page, 'Nu pratar jag svenska med dig');
    assert.match((await swedish.textContent()) ?? '', /Hej, jag är Digipuls/);
    await page.screenshot({ path: 'test-results/playground-svenska.png' });
    assert.equal((await stack.directory.findPerson(stack.sim.tenantId, amina.id))?.preferredLocale, 'sv');

    await say(page, 'hjälp');
    await card(page, /^(?!.*Nu pratar jag svenska).*Hej, jag är Digipuls/s);
    await page.close();
  });
});
