import type { DeliveryTarget } from '../../core/announcement-store.js';

/** What became of one target in the pool: settle it with `result`, or leave it in doubt (null). */
export type Handled<R> = { result: R } | null;

export interface PoolPhase<R> {
  /** Takes up to `limit` more targets from the store (marking them as being sent). */
  claim(limit: number): Promise<DeliveryTarget[]>;
  /** Delivers to one target; may throw to end the whole run (bad credentials). */
  handle(target: DeliveryTarget): Promise<Handled<R>>;
  /** Records results, a batch at a time. */
  settle(results: R[]): Promise<void>;
  /** The result that puts a target back in the queue, for those claimed but not sent when the pool stops (none: they stay as they are). */
  requeue?(target: DeliveryTarget): R;
}

export interface PoolOptions {
  concurrency: number;
  claimBatch: number;
  /** Claim one batch only (targets the claim does not change, such as those in doubt). */
  claimOnce?: boolean;
  /** Checked between sends: true ends the pool early (lease lost, cancelled). */
  shouldStop(): boolean;
}

/** Results are written together every this many ms (or sooner, at this many). */
const SETTLE_EVERY_MS = 200;
const SETTLE_AT = 250;

/**
 * Sends to every target the phase can claim, `concurrency` at a time, claiming ahead in batches and
 * settling results in batches, so the database costs a few statements per second whatever the rate.
 * Claimed targets not sent when the pool stops are put back. A target whose send is in doubt and
 * could not be checked is left claimed: the next run resolves it.
 */
export async function runPool<R>(phase: PoolPhase<R>, options: PoolOptions): Promise<{ handled: number }> {
  const queue: DeliveryTarget[] = [];
  const pending: R[] = [];
  let handled = 0;
  let exhausted = false;
  let failure: unknown;
  let claiming: Promise<void> | undefined;
  let settling: Promise<void> = Promise.resolve();

  const stopped = () => failure !== undefined || options.shouldStop();
  const flush = () => {
    if (pending.length === 0) return settling;
    const batch = pending.splice(0, pending.length);
    settling = settling.then(() => phase.settle(batch));
    settling.catch((error: unknown) => (failure ??= error));
    return settling;
  };
  const timer = setInterval(() => void flush(), SETTLE_EVERY_MS);

  const refill = () => {
    if (claiming || exhausted || stopped() || queue.length >= options.concurrency) return claiming;
    claiming = phase
      .claim(options.claimBatch)
      .then((targets) => {
        if (targets.length === 0 || options.claimOnce) exhausted = true;
        queue.push(...targets);
      })
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => (claiming = undefined));
    return claiming;
  };

  const worker = async () => {
    for (;;) {
      if (stopped()) return;
      if (queue.length === 0) {
        if (exhausted) return;
        await refill();
        continue;
      }
      const target = queue.shift()!;
      void refill();
      try {
        const outcome = await phase.handle(target);
        handled++;
        if (outcome) pending.push(outcome.result);
        if (pending.length >= SETTLE_AT) void flush();
      } catch (error) {
        failure ??= error;
        if (phase.requeue) pending.push(phase.requeue(target));
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    await claiming;
  } finally {
    clearInterval(timer);
    const unsent = queue.splice(0, queue.length);
    if (phase.requeue) pending.push(...unsent.map(phase.requeue));
    await flush().catch(() => undefined);
  }
  if (failure !== undefined) throw failure;
  return { handled };
}
