import cliProgress from 'cli-progress';
import type { Logger } from 'pino';

/** One step of a long run (reading users, a report): how far it is. */
export interface ProgressStep {
  /** Adds done items; the total grows to stay ahead when it was only an estimate. */
  advance(items: number): void;
  done(): void;
}

/** Shows a long run's steps: bars on a terminal, log lines in jobs and pipes. */
export interface Progress {
  step(label: string, estimatedTotal: number): ProgressStep;
  stop(): void;
}

/** Progress bars on a terminal (one per step), or one line per finished step when output is not a terminal. */
export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return lineProgress((line) => stream.write(`${line}\n`));
  const bars = new cliProgress.MultiBar(
    { stream, format: ' {bar} {percentage}% | {value}/{total} | {label}', hideCursor: true, clearOnComplete: false, stopOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  return {
    step(label, estimatedTotal) {
      let total = Math.max(1, estimatedTotal);
      let value = 0;
      const bar = bars.create(total, 0, { label });
      return {
        advance(items) {
          value += items;
          if (value > total) {
            total = value;
            bar.setTotal(total);
          }
          bar.update(value);
        },
        done() {
          bar.setTotal(Math.max(1, value));
          bar.update(value);
        },
      };
    },
    stop: () => bars.stop(),
  };
}

/** Progress as log entries: what a pg-boss job run shows in the server log. */
export function logProgress(logger: Logger): Progress {
  return lineProgress((line) => logger.info(line));
}

function lineProgress(write: (line: string) => void): Progress {
  return {
    step(label) {
      let value = 0;
      const started = Date.now();
      return {
        advance: (items) => void (value += items),
        done: () => write(`${label}: ${value} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`),
      };
    },
    stop() {},
  };
}
