/**
 * How long `npm start` takes from launch until the demo prints its URLs and /healthz answers, on a
 * fresh PGlite data folder (the first start, which also migrates and loads the municipality) and
 * on the second start with the folder kept. Target: under 10 s each (the skeleton issue).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TARGET_SECONDS = 10;

async function startOnce(dataDir: string, port: number, simPort: number): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['dist/app/cli.js', 'demo', '--sim-port', String(simPort)], {
    env: { ...process.env, PORT: String(port), DIGIPULS_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Press Ctrl+C to stop')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
      setTimeout(() => reject(new Error('demo did not start within 60 s')), 60_000).unref();
    });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
    return (performance.now() - started) / 1000;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function run(): Promise<{ ok: boolean; [key: string]: unknown }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'digipuls-bench-'));
  try {
    const firstSeconds = await startOnce(dataDir, 39781, 39791);
    const secondSeconds = await startOnce(dataDir, 39781, 39791);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      staff: 2000,
      firstStartSeconds: round(firstSeconds),
      secondStartSeconds: round(secondSeconds),
      target: `< ${TARGET_SECONDS} s`,
      ok: firstSeconds < TARGET_SECONDS && secondSeconds < TARGET_SECONDS,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
