import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import type { SimContext } from './context.js';
import { bearerOf, graphError, jsonOf, sendJson, type Router, type SimRequest } from './http.js';
import { BOT_FRAMEWORK_RESOURCE } from './tokens.js';

/** One activity the bot sent to the connector. */
export interface RecordedActivity {
  conversationId: string;
  activity: Record<string, unknown> & { type: string; id: string };
  method: 'POST' | 'PUT';
  path: string;
  receivedAt: Date;
  /** Whether a bearer token came with it, and whether it was a valid bot → channel token for this app from this simulator. */
  authorization: 'none' | 'valid' | 'invalid';
}

/** The Bot Connector's record, for tests to read and to inject failures into. */
export interface ConnectorRecord {
  readonly activities: RecordedActivity[];
  /** Resolves with the first activity (already recorded or yet to come) that matches; rejects after timeoutMs (default 2000). */
  waitFor(predicate: (a: RecordedActivity) => boolean, timeoutMs?: number): Promise<RecordedActivity>;
  /** Forgets the recorded activities. */
  clear(): void;
  /** The next `count` requests fail with `status` (429 or 5xx), with a Retry-After header when given. */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
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
  members: z.array(account).optional(),
  isGroup: z.boolean().optional(),
  activity: activitySchema.optional(),
  tenantId: z.string().optional(),
});

/** The Bot Connector REST API (v3) at serviceUrl `{url}/`: accepts and records what the bot sends. */
export function registerConnector(router: Router, ctx: SimContext): ConnectorRecord {
  const activities: RecordedActivity[] = [];
  const waiters = new Set<{ predicate: (a: RecordedActivity) => boolean; settle: (a: RecordedActivity | Error) => void }>();
  const failures: Array<{ status: number; retryAfter?: number }> = [];

  const authorization = async (req: SimRequest): Promise<RecordedActivity['authorization']> => {
    const token = bearerOf(req);
    if (!token) return 'none';
    try {
      const { payload } = await jwtVerify(token, ctx.entraKey.publicKey, { audience: BOT_FRAMEWORK_RESOURCE, algorithms: ['RS256'] });
      // The token must be the bot's own: issued to the app's client id.
      return (payload.azp ?? payload.appid) === ctx.app.clientId ? 'valid' : 'invalid';
    } catch {
      return 'invalid';
    }
  };

  const record = async (req: SimRequest, conversationId: string, activity: Activity) => {
    const recorded: RecordedActivity = {
      conversationId,
      activity: { ...activity, id: req.method === 'PUT' ? req.params.activityId! : (activity.id ?? randomUUID()) },
      method: req.method as 'POST' | 'PUT',
      path: req.url.pathname,
      receivedAt: new Date(),
      authorization: await authorization(req),
    };
    activities.push(recorded);
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

  /** Answers with the next injected failure, if one is queued. */
  const injectedFailure = (res: ServerResponse) => {
    const failure = failures.shift();
    if (!failure) return false;
    const code = failure.status === 429 ? 'TooManyRequests' : 'ServiceError';
    sendJson(res, failure.status, graphError(code, `Injected by the simulator (${failure.status})`), failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {});
    return true;
  };

  const badActivity = (res: ServerResponse, issue: z.core.$ZodIssue | undefined) =>
    sendJson(res, 400, graphError('BadArgument', `The body is not a valid activity: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'not JSON'}`));

  const send = async (req: SimRequest, res: ServerResponse) => {
    if (injectedFailure(res)) return;
    const parsed = activitySchema.safeParse(jsonOf(req));
    if (!parsed.success) return badActivity(res, parsed.error.issues[0]);
    const recorded = await record(req, req.params.conversationId!, parsed.data);
    sendJson(res, req.method === 'PUT' ? 200 : 201, { id: recorded.activity.id });
  };

  router.on('POST', '/v3/conversations', async (req, res) => {
    if (injectedFailure(res)) return;
    const parsed = createConversationSchema.safeParse(jsonOf(req));
    if (!parsed.success) return badActivity(res, parsed.error.issues[0]);
    // A 1:1 conversation's id is stable per member, as in Teams.
    const member = parsed.data.members?.[0]?.id ?? randomUUID();
    const conversationId = `a:${Buffer.from(member).toString('base64url')}`;
    const activityId = parsed.data.activity ? (await record(req, conversationId, parsed.data.activity)).activity.id : undefined;
    sendJson(res, 201, { id: conversationId, ...(activityId ? { activityId } : {}) });
  });
  router.on('POST', '/v3/conversations/:conversationId/activities', send);
  router.on('POST', '/v3/conversations/:conversationId/activities/:replyToId', send);
  router.on('PUT', '/v3/conversations/:conversationId/activities/:activityId', send);

  return {
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
  };
}
