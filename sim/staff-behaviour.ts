import { acknowledgeActionOf, announcementIn, feedbackActionOf, firstLinkOf, nudgeIn } from './announcement-cards.js';
import { issueChannelToken } from './bot-framework.js';
import type { AcceptedListener, RecordedActivity } from './connector.js';
import type { SimContext } from './context.js';
import type { SimPerson } from './municipality.js';
import { hashString } from './random.js';
import { teamsEngagement } from './survey-respondents.js';
import { mix } from './usage-model.js';

export interface StaffReactOptions {
  /** Digipuls's messaging endpoint (…/api/messages), where read receipts and acknowledgements go. */
  botEndpoint: string;
  /** Seed of the draws (default: the simulator's seed). Same seed, same people read, acknowledge and click. */
  seed?: string;
  /** How long after delivery a reader opens the card, in ms (default [50, 1500]). */
  delayMs?: readonly [number, number];
  /** The tenant's read-receipt policy (default true: on). */
  tenantReadReceipts?: boolean;
  /** Share of people who turned their own read receipts off (default 0.15; seeded per person). */
  readReceiptsOffShare?: number;
  /**
   * Share of nudge cards (usage tips) whose recipient presses "this helped" or "not for me" under it
   * (default 0: staff leave tips alone; seeded per person and nudge). Of those who press, 60 % say it helped.
   */
  tipFeedbackShare?: number;
}

/** What staff of one unit did with the nudge cards they got while reacting, each card once per person. */
export interface UnitTipFeedback {
  /** Nudge cards delivered. */
  delivered: number;
  /** Presses of "this helped" and of "not for me" the bot answered with success. */
  helped: number;
  notForMe: number;
}

/** What staff of one unit did with one announcement, each person counted once. */
export interface UnitReach {
  /** People who got the card. */
  delivered: number;
  /** People who read it (whether or not a read receipt could tell). */
  read: number;
  /** Read receipts the bot answered with success. */
  readReceipts: number;
  /** Acknowledgements the bot answered with success. */
  acknowledged: number;
  /** Link clicks the link server answered with a redirect. */
  clicked: number;
  /** People who gave any sign Digipuls could count: a read receipt, an acknowledgement or a click it accepted. */
  signalled: number;
}

/** Simulated staff reacting to announcement cards, with the ground truth of what they did. */
export interface StaffBehaviour {
  /** From now on, staff react to every announcement card the connector accepts (a second call replaces the options). */
  react(options: StaffReactOptions): void;
  /** Per unit (SimPerson.department; null for people without one): what staff did with this announcement. */
  truth(announcementId: string): Map<string | null, UnitReach>;
  /** Per unit: what staff answered under the nudge cards they got while reacting (all nudges together). */
  tipFeedback(): Map<string | null, UnitTipFeedback>;
  /** Resolves when no reaction is waiting or under way. */
  settled(): Promise<void>;
  /** Stops reacting; reactions not yet made are dropped. */
  stop(): void;
  /** What went wrong talking to the bot or the link server (the last 50), for a test's failure message. */
  errors(): string[];
}

export const READ_RECEIPT_EVENT = 'application/vnd.microsoft.readReceipt';
const U32 = 4294967296;
/** Requests to the bot at once (Teams delivers in parallel, but a test's bot should not drown). */
const MAX_IN_FLIGHT = 16;
/** A bot that does not answer within this is given up on (the reaction counts as failed). */
const REQUEST_TIMEOUT_MS = 15_000;

interface Settings {
  botEndpoint: string;
  seed: string;
  delay: readonly [number, number];
  tenantReadReceipts: boolean;
  readReceiptsOffShare: number;
  tipFeedbackShare: number;
}

/**
 * Staff behaviour: for each announcement card delivered to a person (once per person and announcement),
 * they read it with probability 0.1 + 0.85 × their Teams engagement (sim/survey-respondents.ts, from the
 * same usage model as the adoption reports), decided by a seeded draw on (seed, person, announcement).
 * A reader sends a read receipt when the tenant and their own setting allow, acknowledges with p 0.7
 * when the card asks for it, and opens the first link with p 0.3. Everything goes to the bot as the
 * Bot Connector sends it, signed with a channel token. Under a nudge card (once per person and nudge),
 * a share `tipFeedbackShare` press one of the feedback pair, as an Action.Execute invoke.
 */
export function createStaffBehaviour(ctx: SimContext, simSeed: string, onAccepted: (listener: AcceptedListener) => () => void): StaffBehaviour {
  let settings: Settings | undefined;
  let unsubscribe: (() => void) | undefined;
  const reacted = new Set<string>();
  const truths = new Map<string, Map<string | null, UnitReach>>();
  const feedbackTruth = new Map<string | null, UnitTipFeedback>();
  const timers = new Set<NodeJS.Timeout>();
  const errors: string[] = [];
  let inFlight = 0;
  const queue: Array<() => void> = [];
  let pending = 0;
  let idle: Array<() => void> = [];
  let token: { value: string; renewAt: number } | undefined;
  let generation = 0;
  let eventCounter = 0;

  const done = () => {
    if (--pending === 0) {
      const waiting = idle;
      idle = [];
      for (const resolve of waiting) resolve();
    }
  };
  const fail = (message: string) => {
    errors.push(message);
    if (errors.length > 50) errors.shift();
  };

  const unitOf = (announcementId: string, person: SimPerson): UnitReach => {
    let units = truths.get(announcementId);
    if (!units) truths.set(announcementId, (units = new Map()));
    let unit = units.get(person.department);
    if (!unit) units.set(person.department, (unit = { delivered: 0, read: 0, readReceipts: 0, acknowledged: 0, clicked: 0, signalled: 0 }));
    return unit;
  };

  /** Runs `task` when fewer than MAX_IN_FLIGHT requests are under way. */
  const limited = async <T>(task: () => Promise<T>): Promise<T> => {
    if (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => queue.push(resolve));
    inFlight++;
    try {
      return await task();
    } finally {
      inFlight--;
      queue.shift()?.();
    }
  };

  const channelToken = async (): Promise<string> => {
    if (token && token.renewAt > Date.now()) return token.value;
    const value = await issueChannelToken(ctx, { appId: ctx.app.clientId, serviceUrl: `${ctx.url}/` });
    token = { value, renewAt: Date.now() + 50 * 60_000 };
    return value;
  };

  /** Posts an activity to the bot; resolves with the HTTP status and the parsed body (if JSON). */
  const toBot = (s: Settings, activity: Record<string, unknown>) =>
    limited(async () => {
      const response = await fetch(s.botEndpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await channelToken()}` },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: response.status, body };
    });

  const activityFrom = (person: SimPerson, recorded: RecordedActivity, fields: Record<string, unknown>) => ({
    ...fields,
    id: `sim-staff-${++eventCounter}`,
    timestamp: new Date().toISOString(),
    serviceUrl: `${ctx.url}/`,
    channelId: 'msteams',
    from: { id: `29:${person.id}`, aadObjectId: person.id, name: person.displayName },
    recipient: { id: `28:${ctx.app.clientId}`, name: 'Digipuls' },
    conversation: { id: recorded.conversationId, conversationType: 'personal', tenantId: ctx.tenantId },
    channelData: { tenant: { id: ctx.tenantId } },
    locale: person.preferredLanguage ?? 'nb-NO',
  });

  /** Presses an Action.Execute button on a card in the person's chat: an adaptiveCard/action invoke. True when the bot answered with success. */
  const press = async (s: Settings, person: SimPerson, recorded: RecordedActivity, button: Record<string, unknown>, what: string): Promise<boolean> => {
    const action = { type: 'Action.Execute', ...(typeof button.id === 'string' ? { id: button.id } : {}), verb: button.verb, data: button.data };
    const invoke = activityFrom(person, recorded, { type: 'invoke', name: 'adaptiveCard/action', replyToId: recorded.activity.id, value: { action, trigger: 'manual' } });
    const answer = await toBot(s, invoke);
    const inner = (answer.body as { statusCode?: unknown } | undefined)?.statusCode;
    if (answer.status >= 200 && answer.status < 300 && (typeof inner !== 'number' || (inner >= 200 && inner < 300))) return true;
    fail(`${what}: HTTP ${answer.status}${typeof inner === 'number' ? ` (invoke ${inner})` : ''}`);
    return false;
  };

  /** Runs a reaction after a delay, counted by settled() and dropped by stop(). */
  const later = (wait: number, reaction: () => Promise<void>, what: string) => {
    const started = generation;
    pending++;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (started !== generation) return done();
      reaction()
        .catch((error: unknown) => fail(`${what}: ${error instanceof Error ? error.message : String(error)}`))
        .finally(done);
    }, wait);
    timers.add(timer);
  };

  const delayOf = (s: Settings, u: number) => s.delay[0] + u * (s.delay[1] - s.delay[0]);

  /** A nudge card: a share of recipients press "this helped" (60 %) or "not for me" under it. */
  const feedbackOn = (s: Settings, person: SimPerson, recorded: RecordedActivity, nudgeId: string, card: Record<string, unknown>) => {
    const key = `nudge\u0000${nudgeId}\u0000${person.id}`;
    if (reacted.has(key)) return;
    reacted.add(key);
    let unit = feedbackTruth.get(person.department);
    if (!unit) feedbackTruth.set(person.department, (unit = { delivered: 0, helped: 0, notForMe: 0 }));
    unit.delivered++;
    const h = hashString(`${s.seed}:tip-feedback:${person.id}:${nudgeId}`);
    const draw = (salt: number) => mix(h, salt) / U32;
    if (draw(1) >= s.tipFeedbackShare) return;
    const feedback = draw(2) < 0.6 ? 'helped' : 'not-for-me';
    const button = feedbackActionOf(card, feedback);
    if (!button) return;
    const counted = unit;
    later(
      delayOf(s, draw(3)),
      async () => {
        if (await press(s, person, recorded, button, `tip feedback (${feedback}) from ${person.id} on ${nudgeId}`)) {
          if (feedback === 'helped') counted.helped++;
          else counted.notForMe++;
        }
      },
      `tip feedback of ${person.id} on ${nudgeId}`,
    );
  };

  const reactTo = async (s: Settings, person: SimPerson, recorded: RecordedActivity, announcementId: string, card: Record<string, unknown>, draw: (salt: number) => number) => {
    const unit = unitOf(announcementId, person);
    let signalled = false;
    const receiptsOn = s.tenantReadReceipts && mix(hashString(`${s.seed}:staff-receipts:${person.id}`), 1) / U32 >= s.readReceiptsOffShare;
    if (receiptsOn) {
      const receipt = activityFrom(person, recorded, { type: 'event', name: READ_RECEIPT_EVENT, value: { lastReadMessageId: recorded.activity.id } });
      const answer = await toBot(s, receipt);
      if (answer.status >= 200 && answer.status < 300) {
        unit.readReceipts++;
        signalled = true;
      } else fail(`read receipt from ${person.id} for ${announcementId}: HTTP ${answer.status}`);
    }
    const acknowledge = acknowledgeActionOf(card);
    if (acknowledge && draw(3) < 0.7) {
      if (await press(s, person, recorded, acknowledge, `acknowledgement from ${person.id} for ${announcementId}`)) {
        unit.acknowledged++;
        signalled = true;
      }
    }
    const link = firstLinkOf(card);
    if (link && draw(4) < 0.3) {
      const answer = await limited(() => fetch(link, { redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }));
      await answer.body?.cancel();
      if (answer.status >= 300 && answer.status < 400) {
        unit.clicked++;
        signalled = true;
      } else fail(`click by ${person.id} on ${link}: HTTP ${answer.status}`);
    }
    if (signalled) unit.signalled++;
  };

  const listener: AcceptedListener = (recorded, person) => {
    const s = settings;
    if (!s || !person || recorded.method !== 'POST') return;
    const nudge = nudgeIn(recorded.activity);
    if (nudge) return feedbackOn(s, person, recorded, nudge.nudgeId, nudge.card);
    const announcement = announcementIn(recorded.activity);
    if (!announcement) return;
    const key = `${announcement.announcementId}\u0000${person.id}`;
    if (reacted.has(key)) return;
    reacted.add(key);
    const unit = unitOf(announcement.announcementId, person);
    unit.delivered++;
    const h = hashString(`${s.seed}:staff:${person.id}:${announcement.announcementId}`);
    const draw = (salt: number) => mix(h, salt) / U32;
    if (draw(1) >= 0.1 + 0.85 * teamsEngagement(simSeed, person)) return;
    unit.read++;
    later(delayOf(s, draw(2)), () => reactTo(s, person, recorded, announcement.announcementId, announcement.card, draw), `reaction of ${person.id} to ${announcement.announcementId}`);
  };

  const stop = () => {
    generation++;
    unsubscribe?.();
    unsubscribe = undefined;
    settings = undefined;
    for (const timer of timers) {
      clearTimeout(timer);
      done();
    }
    timers.clear();
  };

  return {
    react(options) {
      let endpoint: URL;
      try {
        endpoint = new URL(options.botEndpoint);
      } catch {
        throw new RangeError(`staff.react: botEndpoint must be a URL, got ${options.botEndpoint}`);
      }
      const delay = options.delayMs ?? [50, 1500];
      if (!(delay[0] >= 0 && delay[1] >= delay[0])) throw new RangeError(`staff.react: delayMs must be [min, max] with 0 ≤ min ≤ max, got [${delay.join(', ')}]`);
      const off = options.readReceiptsOffShare ?? 0.15;
      if (!(off >= 0 && off <= 1)) throw new RangeError(`staff.react: readReceiptsOffShare must be between 0 and 1, got ${off}`);
      const tipFeedbackShare = options.tipFeedbackShare ?? 0;
      if (!(tipFeedbackShare >= 0 && tipFeedbackShare <= 1)) throw new RangeError(`staff.react: tipFeedbackShare must be between 0 and 1, got ${tipFeedbackShare}`);
      settings = {
        botEndpoint: endpoint.toString(),
        seed: options.seed ?? simSeed,
        delay: [delay[0], delay[1]],
        tenantReadReceipts: options.tenantReadReceipts ?? true,
        readReceiptsOffShare: off,
        tipFeedbackShare,
      };
      unsubscribe ??= onAccepted(listener);
    },
    truth(announcementId) {
      const units = truths.get(announcementId) ?? new Map<string | null, UnitReach>();
      return new Map([...units].map(([unit, reach]) => [unit, { ...reach }]));
    },
    tipFeedback() {
      return new Map([...feedbackTruth].map(([unit, f]) => [unit, { ...f }]));
    },
    settled() {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve));
    },
    stop,
    errors: () => [...errors],
  };
}
