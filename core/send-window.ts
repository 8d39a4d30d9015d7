/**
 * Teams' limits are counts per sliding window (per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s, 1800
 * in an hour; per app and tenant a number per second). This keeps the times of recent sends and says
 * how long to wait before one more stays within every window. `marginMs` widens each window by the
 * time a request may spend between here and Teams' clock, so a late-arriving request cannot push a
 * window over.
 */
export interface WindowLimit {
  count: number;
  windowMs: number;
}

/** Teams' limits per bot per conversation (msteams-docs, bots/how-to/rate-limit). */
export const CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { count: 7, windowMs: 1000 },
  { count: 8, windowMs: 2000 },
  { count: 60, windowMs: 30_000 },
  { count: 1800, windowMs: 3_600_000 },
];

export class SlidingWindow {
  /** Send times, oldest first, as a ring that only grows to the largest count. */
  private readonly times: number[] = [];
  private head = 0;

  constructor(
    private readonly limits: readonly WindowLimit[],
    private marginMs = 0,
  ) {
    if (limits.length === 0) throw new RangeError('SlidingWindow needs at least one limit');
  }

  /** Milliseconds until one more send fits every window, given `count` overriding the first limit's (the adapted rate). */
  waitMs(now: number, firstCount = this.limits[0]!.count): number {
    this.forget(now);
    let wait = 0;
    const size = this.times.length - this.head;
    this.limits.forEach((limit, index) => {
      const count = Math.max(1, Math.floor(index === 0 ? Math.min(firstCount, limit.count) : limit.count));
      if (size < count) return;
      // The send `count` back from the newest must leave the window first.
      const blocking = this.times[this.times.length - count]!;
      wait = Math.max(wait, blocking + limit.windowMs + this.marginMs - now);
    });
    return Math.max(0, wait);
  }

  /** Widens (or narrows) every window from now on. */
  setMargin(marginMs: number): void {
    this.marginMs = Math.max(0, marginMs);
  }

  get margin(): number {
    return this.marginMs;
  }

  record(now: number): void {
    this.times.push(now);
  }

  /** Whether nothing was sent within the longest window (the limiter can be dropped). */
  idle(now: number): boolean {
    this.forget(now);
    return this.times.length === this.head;
  }

  private forget(now: number): void {
    const longest = Math.max(...this.limits.map((l) => l.windowMs)) + this.marginMs;
    while (this.head < this.times.length && this.times[this.head]! <= now - longest) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
  }
}

/**
 * The rate the sender allows itself per tenant: starts at the configured ceiling, drops by a third on
 * every throttle (429) Teams answers, and climbs back by a twentieth of the ceiling for each second
 * without one. It never goes above the ceiling.
 */
export class AdaptiveRate {
  private rate: number;
  private lastChange: number;

  constructor(
    readonly ceiling: number,
    now: number,
  ) {
    if (!(ceiling > 0)) throw new RangeError('the ceiling must be above 0');
    this.rate = ceiling;
    this.lastChange = now;
  }

  current(now: number): number {
    const seconds = (now - this.lastChange) / 1000;
    if (seconds >= 1 && this.rate < this.ceiling) {
      this.rate = Math.min(this.ceiling, this.rate + Math.floor(seconds) * this.ceiling * 0.05);
      this.lastChange = now;
    }
    return this.rate;
  }

  throttled(now: number): void {
    this.rate = Math.max(1, this.rate * (2 / 3));
    this.lastChange = now;
  }
}
