import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe('npm start (digipuls demo)', function () {
  this.timeout(60_000);

  // How fast it starts is measured by `npm run bench -- startup`, not asserted here.
  it('prints the tab URL, the bot endpoint and the Playground command, and answers /healthz', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'digipuls-demo-'));
    const [port, simPort] = [await freePort(), await freePort()];
    const child = spawn(process.execPath, ['dist/app/cli.js', 'demo', '--sim-port', String(simPort), '--staff', '500'], {
      env: { ...process.env, PORT: String(port), DIGIPULS_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Press Ctrl+C to stop')) resolve();
        });
        child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.once('exit', (code) => reject(new Error(`demo exited with ${code}:\n${out}`)));
      });
      assert.match(out, new RegExp(`Tab: +http://127\\.0\\.0\\.1:${port}/tab/`));
      assert.match(out, new RegExp(`Bot endpoint: +http://127\\.0\\.0\\.1:${port}/api/messages`));
      assert.match(out, /teams-app-test-tool\/cli\.js start -e http:\/\/127\.0\.0\.1:\d+\/api\/messages -c msteams/);
      assert.match(out, /500 people/);
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${port}/tab/`)).headers.get('content-type'), 'text/html; charset=utf-8');
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
