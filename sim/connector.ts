import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import { announcementIn } from './announcement-cards.js';
import type { BotChats } from './bot-chats.js';
import { ConnectorLimits, DEFAULT_TENANT_PER_SECOND } from './connector-limits.js';
import type { SimContext } from './context.js';
import { formatSeconds } from './faults.js';
import { bearerOf, graphError, jsonOf, sendJson, type Router, type SimRequest } from './http.js';
import type { SimPerson } from './municipality.js';
import type { PostsElsewhere } from './posts-elsewhere.js';
import { seededRandom } from './random.js';
import type { TeamsAppState } from './teams-app.js';
import { BOT_FRAMEWORK_RESOURCE } from './tokens.js';

/** One activity the bot sent to the connector. */
export interface RecordedActivity {
  conversationId: string;
  /** The activity as sent, with the id the connector gave it (a PUT keeps the id it replaces). */
  activity: Record<string, unknown> & { type: string; id: string };
  method: 'POST' | 'PUT';
  path: string;
  receivedAt: Date;
  /** Whether a bearer token came with it, and whether it was a valid bot → channel token for this app from this simulator. */
  authorization: 'none' | 'valid' | 'invalid';
  /** The person the conversation belongs to (Entra object id), or null when the simulator does not know them. */
  personId: string | null;
}

/** The connector's settings, at start (SimulatorOptions.connector) and at runtime (`configure`). */
export interface ConnectorSettings {
  /** Calls per second for the app in the tenant (sliding 1 s window; default 50, Microsoft's current page). Infinity: no limit. */
  tenantPerSecond: number;
  /** Whether the per-conversation limits (7/1 s, 8/2 s, 60/30 s, 1800/h) apply (default true). */
  perConversation: boolean;
  /** Milliseconds every connector answer is delayed (default 0). */
  latencyMs: number;
  /** Share of calls within the limits that answer failureStatus instead (seeded; default 0). */
  failureRate: number;
  /** The status of those failures (default 503). */
  failureStatus: number;
}

/** The Bot Connector's record, for tests to read and to inject failures into. */
export interface ConnectorRecord {
  readonly activities: RecordedActivity[];
  /** Resolves with the first activity (already recorded or yet to come) that matches; rejects after timeoutMs (default 2000). */
  waitFor(predicate: (a: RecordedActivity) => boolean, timeoutMs?: number): Promise<RecordedActivity>;
  /** Forgets the recorded activities (not the chats, deliveries or violations). */
  clear(): void;
  /** The next `count` requests within the limits fail with `status` (429 or 5xx), with a Retry-After header when given. */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  /**
   * Every call for these people (opening their conversation, messages to it) within the limits fails
   * with `status` (default 503) from now on, as a conversation Teams cannot serve; `null` ends it.
   */
  failAlwaysFor(personIds: readonly string[], status?: number | null): void;
  /** Changes the limits, latency and injected failures from now on. */
  configure(settings: Partial<ConnectorSettings>): void;
  readonly settings: Readonly<ConnectorSettings>;
  /** Calls refused for going over a limit since start (or resetViolations): a call over both counts in both. */
  violations(): { tenant: number; conversation: number };
  resetViolations(): void;
  /** Accepted POSTs carrying this announcement's card, per person (Entra object id; the conversation id for people the simulator does not know). */
  deliveries(announcementId: string): Map<string, number>;
  /** The person a conversation belongs to: 'a:chat-{aadObjectId}' or 'a:{base64url(member id)}' (member id with or without '29:'). */
  personOf(conversationId: string): SimPerson | undefined;
}

/** What other parts of the simulator hear from the connector: each accepted activity, after its answer went out. */
export type AcceptedListener = (recorded: RecordedActivity, person: SimPerson | undefined) => void;

export interface ConnectorInternals {
  record: ConnectorRecord;
  onAccepted(listener: AcceptedListener): () => void;
}

/** The activity types of the Bot Framework schema (botframework-schema ActivityTypes). */
const ACTIVITY_TYPES = [
  'message', 'contactRelationUpdate', 'conversationUpdate', 'typing', 'endOfConversation', 'event', 'invoke', 'invokeResponse',
  'deleteUserData', 'messageUpdate', 'messageDelete', 'installationUpdate', 'messageReaction', 'suggestion', 'trace', 'handoff',
  'command', 'commandResult',
] as const;

const account = z.looseObject({ id: z.string() });
const activitySchema = z.looseObject({
  type: z.enum(ACTIVITY_TYPES, { error: `type must be one of ${ACTIVITY_TYPES.join(', ')}` }),
  id: z.string().optional(),
  text: z.string().optional(),
  from: account.optional(),
  recipient: account.optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
});
type Activity = z.infer<typeof activitySchema>;

const createConversationSchema = z.looseObject({
  members: z.array(account.extend({ aadObjectId: z.string().optional() })).optional(),
  isGroup: z.boolean().optional(),
  activity: activitySchema.optional(),
  tenantId: z.string().optional(),
  channelData: z.looseObject({ channel: z.looseObject({ id: z.string() }).optional() }).optional(),
});

export const DEFAULT_CONNECTOR_SETTINGS: ConnectorSettings = {
  tenantPerSecond: DEFAULT_TENANT_PER_SECOND,
  perConversation: true,
  latencyMs: 0,
  failureRate: 0,
  failureStatus: 503,
};

/** Cached token verdicts: the bot sends the same token for an hour, and RS256 verification is the costliest step. */
const TOKEN_CACHE_MAX = 512;

/**
 * The Bot Connector REST API (v3) at serviceUrl `{url}/`: accepts and records what the bot sends, within
 * the Teams limits. Activity ids are numeric strings that grow with time, as in a Teams 1:1 chat.
 */
export function registerConnector(
  router: Router,
  ctx: SimContext,
  deps: { seed: string; teamsApp: TeamsAppState; chats: BotChats; posts: PostsElsewhere; settings?: Partial<ConnectorSettings> },
): ConnectorInternals {
  const activities: RecordedActivity[] = [];
  const waiters = new Set<{ predicate: (a: RecordedActivity) => boolean; settle: (a: RecordedActivity | Error) => void }>();
  const failures: Array<{ status: number; retryAfter?: number }> = [];
  const failingPeople = new Map<string, number>();
  const listeners = new Set<AcceptedListener>();
  const settings: ConnectorSettings = { ...DEFAULT_CONNECTOR_SETTINGS };
  const limits = new ConnectorLimits({ tenantPerSecond: settings.tenantPerSecond, perConversation: settings.perConversation });
  const failureDraws = seededRandom(`${deps.seed}:connector-failures`);
  const violations = { tenant: 0, conversation: 0 };
  const deliveries = new Map<string, Map<string, number>>();
  const tokenVerdicts = new Map<string, { verdict: RecordedActivity['authorization']; expiresAt: number }>();
  let lastId = 0;

  const configure = (changes: Partial<ConnectorSettings>) => {
    const next = { ...settings, ...withoutUndefined(changes) };
    if (!(next.tenantPerSecond >= 1)) throw new RangeError(`connector: tenantPerSecond must be ≥ 1 (or Infinity), got ${next.tenantPerSecond}`);
    if (typeof next.perConversation !== 'boolean') throw new RangeError('connector: perConversation must be true or false');
    if (!(next.latencyMs >= 0 && Number.isFinite(next.latencyMs))) throw new RangeError(`connector: latencyMs must be ≥ 0, got ${next.latencyMs}`);
    if (!(next.failureRate >= 0 && next.failureRate <= 1)) throw new RangeError(`connector: failureRate must be between 0 and 1, got ${next.failureRate}`);
    if (!Number.isInteger(next.failureStatus) || next.failureStatus < 400 || next.failureStatus > 599) {
      throw new RangeError(`connector: failureStatus must be 4xx or 5xx, got ${next.failureStatus}`);
    }
    Object.assign(settings, next);
    limits.settings = { tenantPerSecond: settings.tenantPerSecond, perConversation: settings.perConversation };
  };
  if (deps.settings) configure(deps.settings);

  const personOf = (conversationId: string): SimPerson | undefined => {
    if (conversationId.startsWith('a:chat-')) return ctx.personById(conversationId.slice('a:chat-'.length));
    if (!conversationId.startsWith('a:')) return undefined;
    const member = Buffer.from(conversationId.slice(2), 'base64url').toString('utf8');
    return memberPerson(member);
  };
  const memberPerson = (member: string) => (/^[0-9a-f-]{36}$/i.test(member.replace(/^29:/, '')) ? ctx.personById(member.replace(/^29:/, '').toLowerCase()) : undefined);

  const authorization = async (req: SimRequest): Promise<RecordedActivity['authorization']> => {
    const token = bearerOf(req);
    if (!token) return 'none';
    const now = Date.now();
    const cached = tokenVerdicts.get(token);
    if (cached && cached.expiresAt > now) return cached.verdict;
    let verdict: RecordedActivity['authorization'];
    let expiresAt = now + 60_000;
    try {
      const { payload } = await jwtVerify(token, ctx.entraKey.publicKey, { audience: BOT_FRAMEWORK_RESOURCE, algorithms: ['RS256'] });
      // The token must be the bot's own: issued to the app's client id.
      verdict = (payload.azp ?? payload.appid) === ctx.app.clientId ? 'valid' : 'invalid';
      if (typeof payload.exp === 'number') expiresAt = payload.exp * 1000;
    } catch {
      verdict = 'invalid';
    }
    if (tokenVerdicts.size >= TOKEN_CACHE_MAX) tokenVerdicts.clear();
    tokenVerdicts.set(token, { verdict, expiresAt });
    return verdict;
  };

  const nextId = () => {
    lastId = Math.max(lastId + 1, Date.now());
    return String(lastId);
  };

  const record = (req: SimRequest, conversationId: string, activity: Activity, person: SimPerson | undefined, auth: RecordedActivity['authorization'], id?: string) => {
    const put = req.method === 'PUT';
    const recorded: RecordedActivity = {
      conversationId,
      activity: { ...activity, id: put ? req.params.activityId! : (id ?? nextId()) },
      method: put ? 'PUT' : 'POST',
      path: req.url.pathname,
      receivedAt: new Date(),
      authorization: auth,
      personId: person?.id ?? null,
    };
    activities.push(recorded);
    if (person) {
      if (put) deps.chats.update(person.id, recorded);
      else deps.chats.add(person.id, recorded);
    }
    if (!put) {
      const announcement = announcementIn(recorded.activity);
      if (announcement) {
        let counts = deliveries.get(announcement.announcementId);
        if (!counts) deliveries.set(announcement.announcementId, (counts = new Map()));
        const key = person?.id ?? conversationId;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    for (const waiter of waiters) {
      let matches: boolean | Error;
      try {
        matches = waiter.predicate(recorded);
      } catch (error) {
        // A predicate that throws fails its own test, not the bot's request.
        matches = error instanceof Error ? error : new Error(String(error));
      }
      if (matches === false) continue;
      waiters.delete(waiter);
      waiter.settle(matches === true ? recorded : matches);
    }
    return recorded;
  };

  /** Sends the answer after the configured latency. */
  const answer = async (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.latencyMs));
    sendJson(res, status, body, headers);
  };

  /**
   * The checks every counted call goes through, in order: the limits (a call over one is refused with
   * 429 and takes no slot), then injected failures (failNext, then the failure rate; these took a slot,
   * as the service saw them). True when the call may go through; otherwise it has been answered.
   */
  const admitted = async (res: ServerResponse, conversationKey: string): Promise<boolean> => {
    const refusal = limits.take(conversationKey, performance.now());
    if (refusal) {
      if (refusal.tenant) violations.tenant++;
      if (refusal.conversation) violations.conversation++;
      const which = refusal.conversation ? 'conversation' : 'tenant';
      await answer(res, 429, graphError('TooManyRequests', `Too many requests for this ${which}: the bot exceeded the Teams rate limit. Retry after the time given in Retry-After.`), {
        'retry-after': formatSeconds(refusal.retryAfterSeconds),
      });
      return false;
    }
    const always = failingPeople.get(conversationKey);
    const failure = (always !== undefined ? { status: always, retryAfter: undefined } : undefined) ?? failures.shift() ?? (settings.failureRate > 0 && failureDraws.next() < settings.failureRate ? { status: settings.failureStatus, retryAfter: settings.failureStatus === 429 ? 1 : undefined } : undefined);
    if (failure) {
      const code = failure.status === 429 ? 'TooManyRequests' : failure.status >= 500 ? 'ServiceError' : 'BadArgument';
      await answer(res, failure.status, graphError(code, `Injected by the simulator (${failure.status})`), failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {});
      return false;
    }
    return true;
  };

  const notify = (recorded: RecordedActivity, person: SimPerson | undefined) => {
    for (const listener of listeners) {
      try {
        listener(recorded, person);
      } catch {
        // A listener's trouble is its own.
      }
    }
  };

  const badActivity = (res: ServerResponse, issue: z.core.$ZodIssue | undefined) =>
    answer(res, 400, graphError('BadArgument', `The body is not a valid activity: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'not JSON'}`));

  const send = async (req: SimRequest, res: ServerResponse) => {
    const parsed = activitySchema.safeParse(jsonOf(req));
    if (!parsed.success) return badActivity(res, parsed.error.issues[0]);
    const conversationId = req.params.conversationId!;
    const person = personOf(conversationId);
    const auth = authorization(req);
    if (!(await admitted(res, person?.id ?? conversationId))) return;
    const recorded = record(req, conversationId, parsed.data, person, await auth);
    await answer(res, req.method === 'PUT' ? 200 : 201, { id: recorded.activity.id });
    notify(recorded, person);
  };

  /**
   * A new thread in a team's channel, as Teams starts one for a bot (`isGroup`, `channelData.channel.id`,
   * the first message in `activity`): the conversation id is `{channelId};messageid={id}` and the message
   * id is the post's id in Graph, where staff react and reply to it.
   */
  const createInChannel = async (req: SimRequest, res: ServerResponse, channelId: string, activity: Activity | undefined) => {
    if (!activity) return answer(res, 400, graphError('BadArgument', 'A conversation in a channel starts with an activity.'));
    if (!deps.posts.teams.some((t) => t.channelId === channelId)) {
      return answer(res, 403, graphError('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'));
    }
    const auth = authorization(req);
    if (!(await admitted(res, channelId))) return;
    const post = deps.posts.postByBot(channelId, typeof activity.text === 'string' && activity.text ? activity.text : 'Kunngjøring')!;
    const conversationId = `${channelId};messageid=${post.messageId}`;
    const recorded = record(req, conversationId, activity, undefined, await auth, post.messageId);
    await answer(res, 201, { id: conversationId, activityId: post.messageId });
    notify(recorded, undefined);
  };

  router.on('POST', '/v3/conversations', async (req, res) => {
    const parsed = createConversationSchema.safeParse(jsonOf(req));
    if (!parsed.success) return badActivity(res, parsed.error.issues[0]);
    const channelId = parsed.data.channelData?.channel?.id;
    if (parsed.data.isGroup && channelId) return createInChannel(req, res, channelId, parsed.data.activity);
    const first = parsed.data.members?.[0];
    const person = first ? (memberPerson(first.id) ?? (first.aadObjectId ? memberPerson(first.aadObjectId) : undefined)) : undefined;
    if (person && !deps.teamsApp.isInstalled(person)) {
      return answer(res, 403, graphError('BotNotInConversationRoster', 'The bot is not part of the conversation roster.'));
    }
    // A 1:1 conversation's id is stable per member, as in Teams.
    const conversationId = `a:${Buffer.from(first?.id ?? randomUUID()).toString('base64url')}`;
    const auth = authorization(req);
    if (!(await admitted(res, person?.id ?? conversationId))) return;
    const recorded = parsed.data.activity ? record(req, conversationId, parsed.data.activity, person, await auth) : undefined;
    await answer(res, 201, { id: conversationId, ...(recorded ? { activityId: recorded.activity.id } : {}) });
    if (recorded) notify(recorded, person);
  });
  router.on('POST', '/v3/conversations/:conversationId/activities', send);
  router.on('POST', '/v3/conversations/:conversationId/activities/:replyToId', send);
  router.on('PUT', '/v3/conversations/:conversationId/activities/:activityId', send);

  const record_: ConnectorRecord = {
    activities,
    waitFor(predicate, timeoutMs = 2000) {
      const already = activities.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`No matching activity reached the connector within ${timeoutMs} ms (${activities.length} recorded)`));
        }, timeoutMs);
        timer.unref();
        const waiter = {
          predicate: (a: RecordedActivity) => Boolean(predicate(a)),
          settle: (result: RecordedActivity | Error) => {
            clearTimeout(timer);
            if (result instanceof Error) reject(result);
            else resolve(result);
          },
        };
        waiters.add(waiter);
      });
    },
    clear() {
      activities.length = 0;
    },
    failNext(count, status, retryAfterSeconds) {
      if (!Number.isInteger(count) || count < 0) throw new RangeError(`failNext: count must be a whole number ≥ 0, got ${count}`);
      if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError(`failNext: status must be 4xx or 5xx, got ${status}`);
      for (let i = 0; i < count; i++) failures.push({ status, retryAfter: retryAfterSeconds });
    },
    failAlwaysFor(personIds, status = 503) {
      if (status !== null && (!Number.isInteger(status) || status < 400 || status > 599)) throw new RangeError(`failAlwaysFor: status must be 4xx, 5xx or null, got ${status}`);
      for (const id of personIds) {
        if (status === null) failingPeople.delete(id);
        else failingPeople.set(id, status);
      }
    },
    configure,
    get settings() {
      return { ...settings };
    },
    violations: () => ({ ...violations }),
    resetViolations() {
      violations.tenant = 0;
      violations.conversation = 0;
    },
    deliveries: (announcementId) => new Map(deliveries.get(announcementId) ?? []),
    personOf,
  };
  return {
    record: record_,
    onAccepted(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
