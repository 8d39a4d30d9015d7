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

/** Injected Graph failures, for tests of retry and back-off. */
export interface GraphFaults {
  throttle(options: ThrottleOptions): void;
  /** Drops every throttle not yet used up. */
  clear(): void;
}

interface Pending {
  target: ThrottleTarget;
  left: number;
  retryAfter: string;
}

export class FaultInjector implements GraphFaults {
  private readonly pending: Pending[] = [];

  throttle({ target, count, retryAfter = '1' }: ThrottleOptions): void {
    if (!['reports', 'users', 'groups', 'teamwork', 'graph'].includes(target)) {
      throw new RangeError(`throttle: target must be 'reports', 'users', 'groups', 'teamwork' or 'graph', got ${String(target)}`);
    }
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`throttle: count must be a whole number ≥ 0, got ${count}`);
    const seconds = String(retryAfter);
    if (!/^\d+(\.\d+)?$/.test(seconds)) throw new RangeError(`throttle: retryAfter must be seconds like '2' or '2.128', got ${seconds}`);
    if (count > 0) this.pending.push({ target, left: count, retryAfter: seconds });
  }

  clear(): void {
    this.pending.length = 0;
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
