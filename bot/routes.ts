import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { problem, sendProblem } from '../api/problem.js';
import type { Config } from '../app/config.js';
import type { ReachSignalStore } from '../core/announcement-signals.js';
import type { DigestStore } from '../core/digest-store.js';
import type { DirectoryRepository } from '../core/directory.js';
import { incomingActivitySchema } from './activity-schema.js';
import { createAdapter, isAuthenticationFailure, type DigipulsAdapter } from './adapter.js';
import type { AnnouncementLinks, BotNudgeStore, BotSurveyStore } from './chat.js';
import { DigipulsBot } from './digipuls-bot.js';
import { sendProactive, type ProactiveSend } from './proactive.js';
import { readJsonBody } from './request-body.js';
import { isForeignTenant } from './tenant-guard.js';

/** What later features (surveys, announcements, nudges) need from the bot. */
export interface BotRuntime {
  adapter: DigipulsAdapter;
  bot: DigipulsBot;
  /** Sends an activity or an Adaptive Card into a stored 1:1 chat (a conversation reference). */
  sendProactive: ProactiveSend;
}

/**
 * Mounts POST /api/messages, the Bot Framework endpoint. In order: JSON content type (415), a body
 * that is an activity (400), then botbuilder's CloudAdapter, which checks the token (401), then the
 * tenant guard (403), and only then the bot. Every refusal is an application/problem+json with a stable `code`.
 * Works with or without restify's bodyParser in front.
 */
export function registerBotRoutes(
  server: Server,
  deps: {
    config: Config;
    directory: DirectoryRepository;
    surveys: BotSurveyStore;
    /** Where announcement acknowledgements and read receipts are counted. */
    reach: ReachSignalStore;
    /** The sender's link rewriting per person, kept on the card redrawn after "acknowledge". */
    announcementLinks?: AnnouncementLinks;
    /** Where feedback on usage tips is counted, and what a sent tip showed. */
    nudges?: BotNudgeStore;
    /** Unit leads' digest preferences, for «sammendrag av/på» and the digest's "turn off" button. */
    digests?: Pick<DigestStore, 'setEnabled' | 'getPreferences'>;
    logger: Logger;
    now?: () => Date;
  },
): BotRuntime {
  const { config, logger } = deps;
  const adapter = createAdapter(config, logger);
  const bot = new DigipulsBot({
    directory: deps.directory,
    defaultLocale: config.defaultLocale,
    minGroupSize: config.privacy.minGroupSize,
    freeTextRoles: config.surveys.freeTextRoles,
    surveys: deps.surveys,
    reach: deps.reach,
    ...(deps.announcementLinks ? { announcementLinks: deps.announcementLinks } : {}),
    ...(deps.nudges ? { nudges: deps.nudges } : {}),
    ...(deps.digests ? { digests: deps.digests } : {}),
    now: deps.now ?? (() => new Date()),
    logger,
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!/^application\/json\s*(;|$)/i.test(req.header('content-type') ?? '')) {
      return sendProblem(res, problem(415, 'unsupported_media_type', 'Bot Framework activities are sent as application/json'));
    }
    const body = await readJsonBody(req);
    if ('problem' in body) {
      return body.problem === 'too_large'
        ? sendProblem(res, problem(413, 'payload_too_large', 'An activity is at most 1 MB'))
        : sendProblem(res, problem(400, 'invalid_json', 'The body is not JSON'));
    }
    const parsed = incomingActivitySchema.safeParse(body.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return sendProblem(res, problem(400, 'invalid_activity', `Not a Bot Framework activity: ${issue.path.join('.') || 'body'} ${issue.message}`));
    }
    try {
      const activity = parsed.data as unknown as Activity;
      // The tenant guard runs after the token check (a stranger learns nothing before proving who
      // they are) and before any handler: another tenant's valid token is still not ours.
      let foreign = false;
      const invoke = await adapter.handle(req.header('authorization') ?? '', activity, async (context) => {
        foreign = isForeignTenant(context.activity, config.tenantId, config.bot.authEnabled);
        if (!foreign) await bot.run(context);
      });
      if (foreign) {
        logger.warn({ channelId: parsed.data.channelId }, 'Refused an activity from another tenant');
        return sendProblem(res, problem(403, 'foreign_tenant', 'This Digipuls serves another tenant'));
      }
      res.writeHead(invoke?.status ?? 200, { 'content-type': 'application/json' });
      res.end(invoke?.body === undefined ? undefined : JSON.stringify(invoke.body));
    } catch (error) {
      if (isAuthenticationFailure(error)) {
        logger.info({ reason: error instanceof Error ? error.name : 'unknown' }, 'Refused a bot request with an invalid token');
        return sendProblem(res, problem(401, 'invalid_bot_token', 'The request does not carry a valid Bot Framework token for this bot'));
      }
      // Handler errors end in onTurnError; only a failure inside botbuilder itself lands here. Log it, leak nothing.
      logger.error({ err: error }, 'Bot request failed');
      sendProblem(res, problem(500, 'internal_error'));
    }
  });

  return { adapter, bot, sendProactive: sendProactive(adapter, config) };
}
