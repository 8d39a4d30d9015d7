import { AdaptiveRate, SlidingWindow } from '../../core/send-window.js';

/**
 * Time a request may spend between being let through here and being counted by Teams (event loop,
 * socket, proxies). Each one-second window is widened by it, so a request that lands late cannot put
 * a window over the ceiling; it costs 2.5 % of the rate. Every 429 doubles it (up to a quarter second):
 * the way to Teams is slower than assumed.
 */
const MARGIN_MS = 25;
const MAX_MARGIN_MS = 250;

/**
 * The tenant-wide door every Bot Connector call of the fan-out goes through: at most the configured
 * ceiling in any second (a sliding window, never a burst over it), at a rate that drops on 429 and
 * climbs back (AdaptiveRate), and closed while Teams asked us to wait (Retry-After) or after a 5xx.
 * Waiters are let through in order by one timer, so a thousand waiting sends cost one wake-up each.
 */
export class SendGate {
  private readonly window: SlidingWindow;
  private readonly rate: AdaptiveRate;
  private closedUntil = 0;
  private readonly waiting: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly ceiling: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.window = new SlidingWindow([{ count: Math.floor(ceiling) || 1, windowMs: 1000 }], MARGIN_MS);
    this.rate = new AdaptiveRate(ceiling, clock());
  }

  /** Resolves when one more call may go out now (and counts it). */
  pass(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.timer) this.pump();
    });
  }

  /** Teams answered 429: slow down, and send nothing until Retry-After has passed. */
  throttled(retryAfterMs: number | undefined): void {
    const now = this.clock();
    this.rate.throttled(now);
    this.window.setMargin(Math.min(MAX_MARGIN_MS, this.window.margin * 2));
    this.closeFor(now, retryAfterMs ?? 1000);
  }

  /** A 5xx or no answer: give the connector a moment before the next call. */
  backOff(ms: number): void {
    this.closeFor(this.clock(), ms);
  }

  /** The rate allowed now (messages per second). */
  currentRate(): number {
    return this.rate.current(this.clock());
  }

  private closeFor(now: number, ms: number): void {
    this.closedUntil = Math.max(this.closedUntil, now + Math.min(ms, 120_000));
  }

  private pump = (): void => {
    this.timer = undefined;
    while (this.waiting.length > 0) {
      const now = this.clock();
      const wait = Math.max(this.closedUntil - now, this.window.waitMs(now, this.rate.current(now)));
      if (wait > 0) {
        this.timer = setTimeout(this.pump, Math.ceil(wait));
        return;
      }
      this.window.record(now);
      this.waiting.shift()!();
    }
  };
}
