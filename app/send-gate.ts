import type { BotConnector } from '../bot/connector-client.js';
import { AdaptiveRate, SlidingWindow } from '../core/send-window.js';
import type { TenantLeaseHolder } from './tenant-send-lease.js';

/**
 * Extra width of each one-second window after a 429: the connector counted something we did not (another
 * sender for the tenant, a limit counted differently). It starts at nothing, becomes 25 ms on the
 * first 429 and doubles with each one after, up to a quarter second.
 */
const FIRST_MARGIN_MS = 25;
const MAX_MARGIN_MS = 250;
/** A call let through and never reported answered (a connector not wrapped by `track`) stops holding its place after this. */
const STALE_MS = 120_000;

/**
 * The tenant-wide door Bot Connector calls go through (the announcement fan-out's, the survey dispatch's): at most the configured
 * ceiling in any second, at a rate that drops on 429 and climbs back (AdaptiveRate), and closed while
 * Teams asked us to wait (Retry-After) or after a 5xx.
 *
 * Teams counts a call at some moment between our sending it and our reading its answer; only those
 * two moments are ours to know. So a call holds its place from when it is let through until one
 * second after its answer came (calls still out hold theirs until they are answered): whatever
 * moment Teams counted each call at, no second of Teams' clock holds more than the ceiling, however
 * late a call lands or however a slow connector bunches calls together. This costs the answer time
 * per second (a few ms here); counting from when a call was let through plus a fixed margin did
 * not hold when the connector stalled for longer than the margin (it answered 429, and the rate fell).
 *
 * Calls are reported answered through the connector `track` wraps; fan-out.ts sends through it.
 * Waiters are let through in order by one timer, so a thousand waiting sends cost one wake-up each.
 */
export class SendGate {
  /** When recent calls were answered (ascending): each holds a place for a second after. */
  private readonly answers: SlidingWindow;
  private readonly rate: AdaptiveRate;
  private closedUntil = 0;
  private readonly waiting: Array<() => void> = [];
  /** When the calls still out were let through, oldest first. */
  private readonly out: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** The timer is only there for stale calls: every place is held by a call still out. */
  private waitingForAnswer = false;

  constructor(
    readonly ceiling: number,
    private readonly clock: () => number = () => performance.now(),
    /** Waited for before each call: another process may be sending to the tenant (TenantLeaseHolder). */
    private readonly admit?: () => Promise<void>,
  ) {
    this.answers = new SlidingWindow([{ count: Math.floor(ceiling) || 1, windowMs: 1000 }], 0);
    this.rate = new AdaptiveRate(ceiling, clock());
  }

  /** Resolves when one more call may go out now (and counts it as out until `answered`). */
  async pass(): Promise<void> {
    if (this.admit) await this.admit();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (!this.timer) this.pump();
    });
  }

  /** A call let through by `pass` has its answer (or failed): it holds its place one second more. */
  answered(): void {
    this.out.shift();
    this.answers.record(this.clock());
    // Only a wait for a free place ends with an answer; a wait for the window does not get shorter.
    if (this.waiting.length > 0 && (!this.timer || this.waitingForAnswer)) {
      clearTimeout(this.timer);
      this.pump();
    }
  }

  /** The connector with every call reported to `answered` when it settles: send through this after `pass`. */
  track(connector: BotConnector): BotConnector {
    const settled = <T>(call: Promise<T>) => call.finally(() => this.answered());
    return {
      sendToConversation: (...args) => settled(connector.sendToConversation(...args)),
      createPersonalConversation: (...args) => settled(connector.createPersonalConversation(...args)),
      createChannelConversation: (...args) => settled(connector.createChannelConversation(...args)),
    };
  }

  /** Teams answered 429: slow down, and send nothing until Retry-After has passed. */
  throttled(retryAfterMs: number | undefined): void {
    const now = this.clock();
    this.rate.throttled(now);
    this.answers.setMargin(Math.min(MAX_MARGIN_MS, Math.max(FIRST_MARGIN_MS, this.answers.margin * 2)));
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
    this.waitingForAnswer = false;
    while (this.waiting.length > 0) {
      const now = this.clock();
      while (this.out.length > 0 && this.out[0]! <= now - STALE_MS) {
        this.out.shift();
        this.answers.record(now);
      }
      const free = Math.max(1, Math.floor(this.rate.current(now))) - this.out.length;
      if (free <= 0) {
        // Every place is held by a call still out: the next answer pumps again.
        this.timer = setTimeout(this.pump, Math.max(1, Math.ceil(this.out[0]! + STALE_MS - now)));
        this.waitingForAnswer = true;
        return;
      }
      const wait = Math.max(this.closedUntil - now, this.answers.waitMs(now, free));
      if (wait > 0) {
        this.timer = setTimeout(this.pump, Math.ceil(wait));
        return;
      }
      this.out.push(now);
      this.waiting.shift()!();
    }
  };
}

/**
 * The process's gates, one per tenant: the announcement fan-out and the survey dispatch send to a
 * tenant through the same one, so together they stay under its ceiling (Teams counts the app's
 * messages per tenant, whatever sent them), and a 429 one of them gets slows the other too. With a
 * lease holder, a call waits while another instance of Digipuls is sending to the tenant.
 */
export class TenantSendGates {
  private readonly gates = new Map<string, SendGate>();

  constructor(
    readonly ceiling: number,
    private readonly leases?: TenantLeaseHolder,
  ) {}

  of(tenantId: string): SendGate {
    let gate = this.gates.get(tenantId);
    if (!gate) {
      const leases = this.leases;
      gate = new SendGate(this.ceiling, undefined, leases && (() => leases.admit(tenantId)));
      this.gates.set(tenantId, gate);
    }
    return gate;
  }

  /** Gives up the tenants' leases (on shutdown), so another instance need not wait for them to run out. */
  async close(): Promise<void> {
    await this.leases?.releaseAll();
  }
}
