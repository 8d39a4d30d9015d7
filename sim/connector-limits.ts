/**
 * The Teams limits on a bot's sends (msteams-docs bots/how-to/rate-limit.md), as sliding windows over
 * the calls let through: per bot per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s and 1800 in an hour;
 * per app per tenant a ceiling per second (50 in Microsoft's current page, 30 in older ones).
 * A call over a limit is refused and does not use up a window.
 */

/** One sliding window: at most `limit` calls in any `windowMs`. */
export interface WindowLimit {
  windowMs: number;
  limit: number;
}

export const CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { windowMs: 1000, limit: 7 },
  { windowMs: 2000, limit: 8 },
  { windowMs: 30_000, limit: 60 },
  { windowMs: 3_600_000, limit: 1800 },
];
/** Microsoft's current figure for one app in one tenant, per second. */
export const DEFAULT_TENANT_PER_SECOND = 50;

/**
 * Call times (ascending, ms on a monotonic clock) inside the longest window, in an array with a moving
 * head so dropping the oldest is cheap.
 */
class CallTimes {
  private times: number[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  /** Forgets calls at or before `cutoff`. */
  prune(cutoff: number): void {
    while (this.head < this.times.length && this.times[this.head]! <= cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  /** Index (from the oldest kept) of the first call after `cutoff`: binary search. */
  private firstAfter(cutoff: number): number {
    let lo = this.head;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.times[mid]! <= cutoff) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Milliseconds until one more call fits in this window at `now`, or 0 when it fits now. When full,
   * the wait is until the call that makes it full leaves the window.
   */
  waitFor(limit: WindowLimit, now: number): number {
    const first = this.firstAfter(now - limit.windowMs);
    const inWindow = this.times.length - first;
    if (inWindow < limit.limit) return 0;
    return this.times[first + inWindow - limit.limit]! + limit.windowMs - now;
  }

  add(now: number): void {
    // A monotonic clock never goes back, but keep the order even if two calls share a reading.
    const last = this.times[this.times.length - 1];
    this.times.push(last !== undefined && last > now ? last : now);
  }
}

export interface LimitSettings {
  /** Calls per second for the app in the tenant; Infinity turns the tenant limit off. */
  tenantPerSecond: number;
  /** Whether the per-conversation windows apply. */
  perConversation: boolean;
}

/** Why a call was refused: which limits it broke and the seconds until it would fit. */
export interface Refusal {
  tenant: boolean;
  conversation: boolean;
  retryAfterSeconds: number;
}

/** The tenant's window and one set of windows per conversation (keyed by the person, when known). */
export class ConnectorLimits {
  private readonly tenant = new CallTimes();
  private readonly conversations = new Map<string, CallTimes>();
  private calls = 0;

  constructor(public settings: LimitSettings) {}

  /**
   * Takes a slot for a call on `conversationKey` at `now` (ms, monotonic) and returns null, or returns
   * why it does not fit (taking nothing).
   */
  take(conversationKey: string, now: number): Refusal | null {
    const { tenantPerSecond, perConversation } = this.settings;
    let tenantWait = 0;
    if (Number.isFinite(tenantPerSecond)) {
      this.tenant.prune(now - 1000);
      tenantWait = this.tenant.waitFor({ windowMs: 1000, limit: tenantPerSecond }, now);
    }
    let conversationWait = 0;
    let times: CallTimes | undefined;
    if (perConversation) {
      times = this.conversations.get(conversationKey);
      if (times) {
        times.prune(now - 3_600_000);
        for (const limit of CONVERSATION_LIMITS) conversationWait = Math.max(conversationWait, times.waitFor(limit, now));
      }
    }
    if (tenantWait > 0 || conversationWait > 0) {
      return { tenant: tenantWait > 0, conversation: conversationWait > 0, retryAfterSeconds: Math.max(tenantWait, conversationWait) / 1000 };
    }
    if (Number.isFinite(tenantPerSecond)) this.tenant.add(now);
    if (perConversation) {
      if (!times) this.conversations.set(conversationKey, (times = new CallTimes()));
      times.add(now);
      // Now and then, forget conversations quiet for an hour (20,000 recipients stay cheap).
      if (++this.calls % 10_000 === 0) this.sweep(now);
    }
    return null;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.conversations) {
      times.prune(now - 3_600_000);
      if (times.size === 0) this.conversations.delete(key);
    }
  }
}
