import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import restify from 'restify';
import { registerApiRoutes } from '../api/routes.js';
import { problem, sendProblem } from '../api/problem.js';
import { registerBotRoutes } from '../bot/routes.js';
import type { DirectoryRepository } from '../core/directory.js';
import type { Database } from '../store/database.js';
import type { Config } from './config.js';
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
  logger: Logger;
}): Promise<RunningServer> {
  const { config, logger } = deps;
  const server = restify.createServer({ name: 'digipuls', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));

  const bot = registerBotRoutes(server, { config, directory: deps.directory, logger });
  registerApiRoutes(server, { config, directory: deps.directory, ready: () => deps.database.ping(), logger });
  registerTabFiles(server);

  server.on('NotFound', (req: restify.Request, res: restify.Response) => {
    sendProblem(res, problem(404, 'not_found', `Nothing at ${req.path()}`));
  });
  server.on('MethodNotAllowed', (req: restify.Request, res: restify.Response) => {
    sendProblem(res, problem(405, 'method_not_allowed', `${req.method} is not allowed on ${req.path()}`));
  });
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    // Body-parser failures (malformed JSON, too large) arrive here; answer them as problems too.
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) logger.error({ err, path: req.path() }, 'Request failed');
    if (!res.headersSent) sendProblem(res, problem(status, status === 500 ? 'internal_error' : 'bad_request', status === 500 ? undefined : err.message));
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
