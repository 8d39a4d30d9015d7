import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import restify from 'restify';
import { registerApiRoutes } from '../api/routes.js';
import { problemFromRestifyError } from '../api/problem.js';
import { registerBotRoutes } from '../bot/routes.js';
import type { AdoptionStore } from '../core/adoption-store.js';
import type { DirectoryRepository } from '../core/directory.js';
import { listGroups } from '../graph/groups.js';
import type { Database } from '../store/database.js';
import type { Config } from './config.js';
import { canSyncDirectory } from './directory-sync.js';
import { connectGraph } from './graph-connection.js';
import type { AnnouncementService } from './announcements/announcement-service.js';
import type { PostsElsewhereService } from './announcements/posts-elsewhere-service.js';
import { registerClickRedirect } from './announcements/click-redirect.js';
import type { SurveyService } from './surveys/survey-service.js';
import type { NudgeService } from './nudges/nudge-service.js';
import type { DigestService } from './digests/digest-service.js';
import { registerTabFiles } from './tab-files.js';

export interface RunningServer {
  url: string;
  server: restify.Server;
  bot: ReturnType<typeof registerBotRoutes>;
  close(): Promise<void>;
}

/** The one HTTP server: the bot endpoint, the API, health checks and the tab. */
export async function startServer(deps: {
  config: Config;
  database: Database;
  directory: DirectoryRepository;
  adoption: AdoptionStore;
  surveys: SurveyService;
  announcements: AnnouncementService;
  postsElsewhere: PostsElsewhereService;
  nudges: NudgeService;
  digests: DigestService;
  logger: Logger;
}): Promise<RunningServer> {
  const { config, logger } = deps;
  const server = restify.createServer({
    name: 'digipuls',
    handleUncaughtExceptions: false,
    formatters: { 'application/problem+json': (_req, _res, body) => JSON.stringify(body) },
  });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  const bodyLimit = { maxBodySize: 1024 * 1024 };
  // CSV uploads (the unit mapping) are read as text and parsed by our own reader, which names lines and
  // columns and takes Excel's semicolons; restify would otherwise turn them into objects its own way.
  const readText = restify.plugins.bodyReader(bodyLimit);
  server.use((req, res, next) => {
    if (req.contentType().toLowerCase() !== 'text/csv') return next();
    readText(req, res, (error?: unknown) => {
      (req as unknown as { _parsedBody: boolean })._parsedBody = true;
      next(error as Error | undefined);
    });
  });
  server.use(restify.plugins.bodyParser({ mapParams: false, ...bodyLimit }));

  const { surveys } = deps;
  const bot = registerBotRoutes(server, { config, directory: deps.directory, surveys: surveys.store, reach: deps.announcements.store,
    announcementLinks: deps.announcements.links.forPerson,
    nudges: deps.nudges.rules,
    digests: deps.digests.store,
    logger,
  });
  registerClickRedirect(server, deps.announcements.links, config.defaultLocale, logger);
  registerApiRoutes(server, {
    config,
    directory: deps.directory,
    adoption: deps.adoption,
    surveys: {
      store: surveys.store,
      commands: surveys,
      previewCard: surveys.cards.survey,
      searchGroups: canSyncDirectory(config) ? (search) => withGraph(config, (graph) => listGroups(graph, search)) : undefined,
    },
    announcements: {
      store: deps.announcements.store,
      commands: deps.announcements,
      notReadAfterDays: config.announcements.notReadAfterDays,
      posts: { store: deps.postsElsewhere.store, commands: deps.postsElsewhere },
    },
    nudges: { rules: deps.nudges.rules, schedule: deps.nudges.schedule },
    digests: deps.digests.store,
    ready: () => deps.database.ping(),
    logger,
  });
  registerTabFiles(server);

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    // Errors restify raises itself (unknown route, wrong method, malformed or oversized body)
    // leave as problem documents like ours; restify sends the error with its toJSON.
    const body = problemFromRestifyError(err);
    if (body.status >= 500) logger.error({ err, path: req.path() }, 'Request failed');
    err.toJSON = () => body;
    res.setHeader('content-type', 'application/problem+json');
    callback();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    server,
    bot,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.server.closeAllConnections?.();
      }),
  };
}

/** Runs one Graph call with its own connection (group searches are rare; a shared client is not worth holding). */
async function withGraph<T>(config: Config, call: (graph: ReturnType<typeof connectGraph>['graph']) => Promise<T>): Promise<T> {
  const { graph, close } = connectGraph(config);
  try {
    return await call(graph);
  } finally {
    await close();
  }
}
