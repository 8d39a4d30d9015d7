import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { PLAYGROUND_CONFIG_ENV, writePlaygroundConfig } from '../../sim/index.js';
import { launchChromium } from './browser.js';
import { startTestStack, type TestStack, type TestStackOptions } from './stack.js';

/** The Microsoft 365 Agents Playground, a Teams stand-in client, running against a bot endpoint. */
export interface Playground {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the playground offline (no browser of its own, no telemetry) and waits until its UI answers. */
export async function startPlayground(botEndpoint: string, timeoutMs = 60_000): Promise<Playground> {
  const port = await freePort();
  const cli = path.join(import.meta.dirname, '..', '..', 'node_modules', '@microsoft', 'teams-app-test-tool', 'cli.js');
  const child: ChildProcess = spawn(process.execPath, [cli, 'start', '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Agents Playground exited (${child.exitCode}): ${output}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return { url, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await stop();
  throw new Error(`The Agents Playground did not answer within ${timeoutMs} ms: ${output}`);
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

/**
 * The Playground chatting with the stack's bot as the municipality's demo staff member (the simulator's
 * Playground config; config and log in a temporary folder outside the work tree, removed on stop).
 */
export async function startPlaygroundFor(stack: TestStack, timeoutMs = 30_000): Promise<Playground> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'digipuls-playground-'));
  try {
    const configPath = await writePlaygroundConfig(path.join(workDir, 'playground.yml'), stack.sim);
    const playground = await withEnv(
      { [PLAYGROUND_CONFIG_ENV]: configPath, M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, 'playground.log') },
      () => startPlayground(`${stack.url}/api/messages`, timeoutMs),
    );
    return {
      ...playground,
      async stop() {
        await playground.stop();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

/** Writes in the Playground's compose box and sends. */
export async function sayInPlayground(page: Page, text: string): Promise<void> {
  const compose = page.locator('[data-lexical-editor="true"]');
  await compose.click();
  await compose.fill(text);
  await page.keyboard.press('Enter');
}

/**
 * Waits for an Adaptive Card with this text in the Playground's chat; on failure keeps a screenshot
 * (test-results/playground-failure.png) and the Playground's output for the report.
 */
export async function cardInPlayground(page: Page, playground: Playground | undefined, text: string | RegExp, nth: 'first' | 'last' = 'last'): Promise<Locator> {
  const cards = page.locator('.ac-adaptiveCard', { hasText: text });
  const found = nth === 'last' ? cards.last() : cards.first();
  try {
    // Generous: with test files running in parallel the Playground renders slowly on a loaded machine.
    await found.waitFor({ timeout: 30_000 });
  } catch (error) {
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/playground-failure.png' });
    throw new Error(`No card with ${String(text)} appeared. Playground output:\n${playground?.output().slice(-2000)}`, { cause: error });
  }
  return found;
}

/** What a Playground suite works with, filled in by its `before` hook. */
export interface PlaygroundSession {
  stack: TestStack;
  playground: Playground;
  browser: Browser;
}

/**
 * Registers the suite's hooks: before its tests, the whole stack, the Playground chatting with it as
 * the municipality's demo staff member, and Chromium to drive it; after them, all three stopped.
 */
export function playgroundSession(options: TestStackOptions = {}): PlaygroundSession {
  const session: Partial<PlaygroundSession> = {};
  before(async () => {
    session.stack = await startTestStack(options);
    [session.playground, session.browser] = await Promise.all([startPlaygroundFor(session.stack), launchChromium()]);
    await mkdir('test-results', { recursive: true });
  });
  after(async () => {
    await session.browser?.close();
    await session.playground?.stop();
    await session.stack?.close();
  });
  return session as PlaygroundSession;
}
