import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

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
