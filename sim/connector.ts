import { randomUUID } from 'node:crypto';
import { jwtVerify } from 'jose';
import { z } from 'zod';
import type { SimContext } from './context.js';
import { BOT_FRAMEWORK_RESOURCE } from './entra.js';
import { bearerOf, jsonOf, sendJson, type Router, type SimRequest } from './http.js';

/** One activity the bot sent to the connector. */
export interface RecordedActivity {
  conversationId: string;
  activity: Record<string, unknown> & { type: string; id: string };
  method: 'POST' | 'PUT';
  path: string;
  receivedAt: Date;
  /** Whether a bearer token came with it, and whether it was a valid bot → channel token from this simulator. */
  authorization: 'none' | 'valid' | 'invalid';
}

/** The Bot Connector's record, for tests to read and to inject failures into. */
export interface ConnectorRecord {
  readonly activities: RecordedActivity[];
  /** Resolves with the first activity (already recorded or yet to come) that matches. */
  waitFor(predicate: (a: RecordedActivity) => boolean, timeoutMs?: number): Promise<RecordedActivity>;
  clear(): void;
  /** The next `count` sends fail with `status` (429 or 5xx), with Retry-After when given. */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
}

const activitySchema = z.looseObject({
  type: z.string().min(1),
  text: z.string().optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
});

const createConversationSchema = z.looseObject({
  members: z.array(z.looseObject({ id: z.string() })).optional(),
  isGroup: z.boolean().optional(),
  activity: activitySchema.optional(),
  tenantId: z.string().optional(),
});

/** The Bot Connector REST API (v3) at serviceUrl `{url}/`: accepts and records what the bot sends. */
export function registerConnector(router: Router, ctx: SimContext): ConnectorRecord {
  const activities: RecordedActivity[] = [];
  const waiters = new Set<{ predicate: (a: RecordedActivity) => boolean; resolve: (a: RecordedActivity) => void }>();
  const failures: Array<{ status: number; retryAfter?: number }> = [];

  const authorization = async (req: SimRequest): Promise<RecordedActivity['authorization']> => {
    const token = bearerOf(req);
    if (!token) return 'none';
    try {
      await jwtVerify(token, ctx.entraKey.publicKey, { audience: BOT_FRAMEWORK_RESOURCE });
      return 'valid';
    } catch {
      return 'invalid';
    }
  };

  const record = async (req: SimRequest, conversationId: string, activity: z.infer<typeof activitySchema>) => {
    const recorded: RecordedActivity = {
      conversationId,
      activity: { ...activity, id: typeof activity.id === 'string' ? activity.id : randomUUID() },
      method: req.method as 'POST' | 'PUT',
      path: req.url.pathname,
      receivedAt: new Date(),
      authorization: await authorization(req),
    };
    activities.push(recorded);
    for (const waiter of waiters) {
      if (waiter.predicate(recorded)) {
        waiters.delete(waiter);
        waiter.resolve(recorded);
      }
    }
    return recorded;
  };

  const injectedFailure = (res: Parameters<Parameters<Router['on']>[2]>[1]) => {
    const failure = failures.shift();
    if (!failure) return false;
    sendJson(res, failure.status, { error: { code: failure.status === 429 ? 'TooManyRequests' : 'ServiceError', message: 'Injected by the simulator' } },
      failure.retryAfter !== undefined ? { 'retry-after': String(failure.retryAfter) } : {});
    return true;
  };

  const send = async (req: SimRequest, res: Parameters<Parameters<Router['on']>[2]>[1]) => {
    if (injectedFailure(res)) return;
    const parsed = activitySchema.safeParse(jsonOf(req));
    if (!parsed.success) return sendJson(res, 400, { error: { code: 'BadArgument', message: `Invalid activity: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}` } });
    const recorded = await record(req, req.params.conversationId!, parsed.data);
    sendJson(res, req.method === 'PUT' ? 200 : 201, { id: recorded.activity.id });
  };

  router.on('POST', '/v3/conversations', async (req, res) => {
    if (injectedFailure(res)) return;
    const parsed = createConversationSchema.safeParse(jsonOf(req));
    if (!parsed.success) return sendJson(res, 400, { error: { code: 'BadArgument', message: 'Invalid conversation parameters' } });
    const member = parsed.data.members?.[0]?.id ?? randomUUID();
    const conversationId = `a:${Buffer.from(member).toString('base64url')}`;
    let activityId: string | undefined;
    if (parsed.data.activity) activityId = (await record(req, conversationId, parsed.data.activity)).activity.id;
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
        const waiter = { predicate, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error(`No matching activity reached the connector within ${timeoutMs} ms (${activities.length} recorded)`));
        }, timeoutMs).unref();
      });
    },
    clear: () => {
      activities.length = 0;
    },
    failNext(count, status, retryAfterSeconds) {
      for (let i = 0; i < count; i++) failures.push({ status, retryAfter: retryAfterSeconds });
    },
  };
}
