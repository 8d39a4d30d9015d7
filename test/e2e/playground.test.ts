import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { SimPerson } from '../../sim/index.js';
import { launchChromium } from '../support/browser.js';
import { startPlayground, type Playground } from '../support/playground.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/** The Playground's own config file: the chat happens in the simulated municipality, as one of its staff. */
function playgroundConfig(stack: TestStack): string {
  const user = (p: SimPerson, id: string) => ({
    id,
    name: p.displayName,
    userPrincipleName: p.userPrincipalName,
    aadObjectId: p.id,
    givenName: p.givenName,
    surname: p.surname,
    email: p.mail,
  });
  const { demoPersons, people } = stack.sim.municipality;
  const others = people.filter((p) => p.id !== demoPersons.staff.id).slice(0, 5);
  // JSON is YAML, which the Playground reads.
  return JSON.stringify({
    version: '0.1.1',
    tenantId: stack.sim.tenantId,
    bot: { id: `28:${stack.sim.app.clientId}`, name: 'Digipuls' },
    currentUser: user(demoPersons.staff, 'user-id-0'),
    users: others.map((p, i) => user(p, `user-id-${i + 1}`)),
    personalChat: { id: 'personal-chat-id' },
    groupChat: { id: 'group-chat-id', name: 'Hjemmetjenesten Nord' },
    team: { id: 'team-id', name: 'Fjordvik kommune', aadGroupId: '00000000-0000-4000-8000-000000000031', channels: [] },
  });
}

/** Runs `start` with extra environment variables for the child it spawns, restoring ours afterwards. */
async function withEnv<T>(vars: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await start();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

describe('bot end to end in the Microsoft 365 Agents Playground', function () {
  this.timeout(90_000);
  let stack: TestStack;
  let playground: Playground | undefined;
  let browser: Browser | undefined;
  let workDir: string;

  before(async () => {
    stack = await startTestStack();
    workDir = await mkdtemp(path.join(tmpdir(), 'digipuls-playground-'));
    const configPath = path.join(workDir, 'playground.yml');
    await writeFile(configPath, playgroundConfig(stack));
    [playground, browser] = await Promise.all([
      withEnv(
        // Our municipality and person instead of the Playground's sample tenant; its log outside the work tree.
        { M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath, M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'playground.log') },
        () => startPlayground(`${stack.url}/api/messages`, 30_000),
      ),
      launchChromium(),
    ]);
    await mkdir('test-results', { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await playground?.stop();
    await stack?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  async function say(page: Page, text: string) {
    const compose = page.locator('[data-lexical-editor="true"]');
    await compose.click();
    await compose.fill(text);
    await page.keyboard.press('Enter');
  }

  /** Waits for a card with this text; on failure keeps a screenshot and the Playground's output for the report. */
  async function card(page: Page, text: string | RegExp, nth: 'first' | 'last' = 'last') {
    const cards = page.locator('.ac-adaptiveCard', { hasText: text });
    const found = nth === 'last' ? cards.last() : cards.first();
    try {
      await found.waitFor({ timeout: 15_000 });
    } catch (error) {
      await page.screenshot({ path: 'test-results/playground-failure.png' });
      throw new Error(`No card with ${String(text)} appeared. Playground output:\n${playground?.output().slice(-2000)}`, { cause: error });
    }
    return found;
  }

  it('a staff member says "hjelp", sees the welcome card, switches to svenska and sees Swedish', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground!.url);
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
