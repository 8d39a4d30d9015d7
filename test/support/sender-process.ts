import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** The standalone sending process (announcement-sender.ts), run with tsx as a child. */
export const SENDER_SCRIPT = path.join(import.meta.dirname, 'announcement-sender.ts');

export type SenderChild = ChildProcessByStdio<null, Readable, Readable>;

export interface SenderProcess {
  child: SenderChild;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Whether the process printed "done": it ran every due announcement to the end. */
  done(): boolean;
  /** What it wrote on stderr (Digipuls's log), for a failure message. */
  stderr(): string;
}

export interface SenderOptions {
  /** Its whole environment: Digipuls's settings (DATABASE_URL or DIGIPULS_DATA_DIR, the simulator's). */
  env: Record<string, string | undefined>;
  /** The PostgreSQL schema to open (none on PGlite or the default schema). */
  schema?: string;
  /** Each line it prints on stdout ("started", "done"). */
  onLine?(line: string): void;
  /** Each line of its log; kept in stderr() as well. */
  onLog?(line: string): void;
  /** Processes still running, so the caller can kill what is left when it fails half way. */
  children?: Set<SenderChild>;
}

/** Starts a sender process; SIGKILL it with `child.kill('SIGKILL')` to simulate a crash mid-send. */
export function startSenderProcess(options: SenderOptions): SenderProcess {
  const args = ['--import', 'tsx', SENDER_SCRIPT, ...(options.schema ? [options.schema] : [])];
  const child = spawn(process.execPath, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  options.children?.add(child);
  let done = false;
  let out = '';
  let log = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (let i = out.indexOf('\n'); i >= 0; i = out.indexOf('\n')) {
      const line = out.slice(0, i);
      out = out.slice(i + 1);
      if (line === 'done') done = true;
      options.onLine?.(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    // Only the end is useful in a failure message; a long run logs a lot.
    log = (log + text).slice(-20_000);
    if (options.onLog) for (const line of text.split('\n')) if (line) options.onLog(line);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      options.children?.delete(child);
      resolve(code);
    }),
  );
  return { child, exited, done: () => done, stderr: () => log };
}
