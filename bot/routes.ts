import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { problem, sendProblem } from '../api/problem.js';
import type { Config } from '../app/config.js';
import type { DirectoryRepository } from '../core/directory.js';
import { incomingActivitySchema } from './activity-schema.js';
import { createAdapter, isAuthenticationFailure, type DigipulsAdapter } from './adapter.js';
import { DigipulsBot } from './digipuls-bot.js';
import { sendProactive, type ProactiveSend } from './proactive.js';
import { isForeignTenant } from './tenant-guard.js';

export interface BotRuntime {
  adapter: DigipulsAdapter;
  bot: DigipulsBot;
  /** Sends to a stored 1:1 chat (conversation reference), for surveys, announcements and nudges. */
  sendProactive: ProactiveSend;
}

/** Mounts POST /api/messages: validation and the tenant guard first, then botbuilder's CloudAdapter. */
export function registerBotRoutes(server: Server, deps: { config: Config; directory: DirectoryRepository; logger: Logger }): BotRuntime {
  const { config, logger } = deps;
  const adapter = createAdapter(config, logger);
  const bot = new DigipulsBot({
    directory: deps.directory,
    defaultLocale: config.defaultLocale,
    minGroupSize: config.privacy.minGroupSize,
    logger,
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!(req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
      return sendProblem(res, problem(415, 'unsupported_media_type', 'Bot Framework activities are sent as application/json'));
    }
    const parsed = incomingActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return sendProblem(res, problem(400, 'invalid_activity', `Not a Bot Framework activity: ${issue.path.join('.') || 'body'} ${issue.message}`));
    }
    if (isForeignTenant(parsed.data, config.tenantId, config.bot.authEnabled)) {
      logger.warn({ channelId: parsed.data.channelId }, 'Refused an activity from another tenant');
      return sendProblem(res, problem(403, 'foreign_tenant', 'This Digipuls serves another tenant'));
    }
    if (!config.bot.authEnabled && config.bot.connectorUrl) {
      // Tests and the demo may route replies to a connector of their own.
      req.body = { ...parsed.data, serviceUrl: config.bot.connectorUrl };
    }
    const activity = (req.body ?? parsed.data) as Activity;
    try {
      const invoke = await adapter.handle(req.header('authorization') ?? '', activity, (context) => bot.run(context));
      res.writeHead(invoke?.status ?? 200, { 'content-type': 'application/json' });
      res.end(invoke?.body === undefined ? undefined : JSON.stringify(invoke.body));
    } catch (error) {
      if (isAuthenticationFailure(error)) {
        return sendProblem(res, problem(401, 'invalid_bot_token', 'The request does not carry a valid Bot Framework token for this bot'));
      }
      logger.error({ err: error }, 'Bot request failed');
      sendProblem(res, problem(500, 'internal_error'));
    }
  });

  return { adapter, bot, sendProactive: sendProactive(adapter, config) };
}
