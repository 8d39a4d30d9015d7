import type { ServerResponse } from 'node:http';
import { graphError, sendJson } from './http.js';

/**
 * What an injected throttle applies to: 'reports' the report function calls (not the downloads),
 * 'users' /users and /users/{id}, 'groups' /groups and its members, 'graph' every Graph request
 * (those, /admin/reportSettings and SharePoint sites), 'teamwork' app installations for users, chat
 * messages and channel messages.
 */
export type ThrottleTarget = 'reports' | 'users' | 'groups' | 'teamwork' | 'graph';
/** The kind of Graph request being answered. */
export type GraphRequestKind = 'reports' | 'users' | 'groups' | 'teamwork' | 'reportSettings' | 'sites';

export interface ThrottleOptions {
  target: ThrottleTarget;
  /** How many matching requests answer 429. */
  count: number;
  /** The Retry-After header, in seconds; decimals allowed ('2.128'), as Graph sends them. Default '1'. */
  retryAfter?: string | number;
}

/**
 * A collection page that breaks Graph's documented shape, as a faulty proxy or an undocumented change
 * would: with `item`, that item of the page gets `field` set to `value`; without it, the page's `value`
 * is not a list. Applies to /users collection pages.
 */
export interface MalformOptions {
  target: 'users';
  /** Pages answered correctly first (default 0: the next page is malformed). */
  after?: number;
  item?: { index: number; field: string; value: unknown };
}

/** Injected Graph failures, for tests of retry and back-off and of answers that break the documented shape. */
export interface GraphFaults {
  throttle(options: ThrottleOptions): void;
  /** The next collection page of the target (after `after` good ones) comes malformed; once. */
  malformPage(options: MalformOptions): void;
  /** Drops every throttle and malformed page not yet used up. */
  clear(): void;
}

interface Pending {
  target: ThrottleTarget;
  left: number;
  retryAfter: string;
}

export class FaultInjector implements GraphFaults {
  private readonly pending: Pending[] = [];
  private readonly malformed: Array<{ target: MalformOptions['target']; after: number; item?: MalformOptions['item'] }> = [];

  throttle({ target, count, retryAfter = '1' }: ThrottleOptions): void {
    if (!['reports', 'users', 'groups', 'teamwork', 'graph'].includes(target)) {
      throw new RangeError(`throttle: target must be 'reports', 'users', 'groups', 'teamwork' or 'graph', got ${String(target)}`);
    }
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`throttle: count must be a whole number ≥ 0, got ${count}`);
    const seconds = String(retryAfter);
    if (!/^\d+(\.\d+)?$/.test(seconds)) throw new RangeError(`throttle: retryAfter must be seconds like '2' or '2.128', got ${seconds}`);
    if (count > 0) this.pending.push({ target, left: count, retryAfter: seconds });
  }

  malformPage({ target, after = 0, item }: MalformOptions): void {
    if (target !== 'users') throw new RangeError(`malformPage: target must be 'users', got ${String(target)}`);
    if (!Number.isInteger(after) || after < 0) throw new RangeError(`malformPage: after must be a whole number ≥ 0, got ${after}`);
    if (item && !(Number.isInteger(item.index) && item.index >= 0)) throw new RangeError(`malformPage: item.index must be a whole number ≥ 0, got ${item.index}`);
    this.malformed.push({ target, after, ...(item ? { item } : {}) });
  }

  clear(): void {
    this.pending.length = 0;
    this.malformed.length = 0;
  }

  /** A collection page as it goes out: as given, or malformed when a malformPage is due (and then used up). */
  page(kind: MalformOptions['target'], body: { value: Array<Record<string, unknown>> } & Record<string, unknown>): Record<string, unknown> {
    const index = this.malformed.findIndex((m) => m.target === kind);
    if (index < 0) return body;
    const due = this.malformed[index]!;
    if (due.after > 0) {
      due.after--;
      return body;
    }
    this.malformed.splice(index, 1);
    if (!due.item) return { ...body, value: { items: body.value } };
    const value = body.value.map((v, i) => (i === due.item!.index ? { ...v, [due.item!.field]: due.item!.value } : v));
    return { ...body, value };
  }

  /** Answers 429 when a throttle matches this request (the oldest first) and uses one up; false otherwise. */
  answer(kind: GraphRequestKind, res: ServerResponse): boolean {
    const index = this.pending.findIndex((p) => p.target === 'graph' || p.target === kind);
    if (index < 0) return false;
    const hit = this.pending[index]!;
    if (--hit.left === 0) this.pending.splice(index, 1);
    sendTooManyRequests(res, hit.retryAfter);
    return true;
  }
}

export function sendTooManyRequests(res: ServerResponse, retryAfter: string): void {
  sendJson(res, 429, graphError('TooManyRequests', 'Too many requests. Please retry after the time given in Retry-After.'), { 'retry-after': retryAfter });
}

/**
 * Microsoft's limit on report calls (14 per 10 minutes per app and tenant): a sliding window over the
 * calls it let through. When full, the wait is until the oldest call leaves the window.
 */
export class RateLimiter {
  private readonly calls: number[] = [];
  constructor(private readonly limit: { requests: number; windowSeconds: number }) {
    if (!(limit.requests >= 1) || !(limit.windowSeconds > 0)) throw new RangeError('reportRateLimit needs requests ≥ 1 and windowSeconds > 0');
  }

  /** Counts a call and returns null, or returns the seconds to wait (not counting the call). */
  take(now = Date.now()): number | null {
    const windowMs = this.limit.windowSeconds * 1000;
    while (this.calls.length && this.calls[0]! <= now - windowMs) this.calls.shift();
    if (this.calls.length < this.limit.requests) {
      this.calls.push(now);
      return null;
    }
    return Math.max(0.001, (this.calls[0]! + windowMs - now) / 1000);
  }
}

/** Seconds with at most three decimals, as Retry-After carries them ('593.412'). */
export const formatSeconds = (seconds: number) => String(Math.ceil(seconds * 1000) / 1000);
