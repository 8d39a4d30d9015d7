import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { Config } from '../app/config.js';
import type { AdoptionStore } from '../core/adoption-store.js';
import type { DirectoryRepository } from '../core/directory.js';
import { unavailable } from '../core/errors.js';
import { authenticate } from './auth/authenticate.js';
import { createTokenValidator, type TokenValidator } from './auth/token-validator.js';
import { jsonRoute } from './handler.js';
import { openApiDocument } from './openapi.js';
import { problem, sendProblem } from './problem.js';
import { exportAdoptionCsv, getAdoption, getAdoptionTrend, getUnitMapping, putUnitMapping } from './routes/adoption.js';
import { getMe, putPreferences } from './routes/me.js';

export interface ApiDeps {
  config: Config;
  directory: DirectoryRepository;
  adoption: AdoptionStore;
  /** True when the database and job queue answer. */
  ready: () => Promise<boolean>;
  logger: Logger;
}

/** Mounts /healthz, /readyz and /api/v1 on the server. */
export function registerApiRoutes(server: Server, deps: ApiDeps): void {
  const { config, directory, logger } = deps;
  const { clientId } = config.auth;
  const tenantId = config.tenantId;
  const validate: TokenValidator | undefined =
    clientId && tenantId
      ? createTokenValidator({ loginBaseUrl: config.auth.loginBaseUrl, tenantId, clientId, publicUrl: config.publicUrl })
      : undefined;
  const caller = (req: Parameters<typeof authenticate>[0]) => {
    if (!validate) throw unavailable('auth_not_configured', 'Set MicrosoftAppTenantId and AUTH_CLIENT_ID (or MicrosoftAppId) to use the API');
    return authenticate(req, validate);
  };

  server.get('/healthz', jsonRoute(logger, async () => ({ status: 'ok' })));
  server.get('/readyz', async (_req, res) => {
    if (await deps.ready()) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok' }));
    } else {
      sendProblem(res, problem(503, 'not_ready', 'The database or the job queue does not answer'));
    }
  });

  server.get('/api/v1/openapi.json', jsonRoute(logger, async () => openApiDocument(config.publicUrl)));
  server.get(
    '/api/v1/auth-config',
    jsonRoute(logger, async () => {
      if (!clientId || !tenantId) throw unavailable('auth_not_configured', 'Sign-in is not configured on this server');
      return {
        authority: `${config.auth.loginBaseUrl}/${tenantId}`,
        clientId,
        scopes: [`api://${new URL(config.publicUrl).host}/${clientId}/access_as_user`],
        demo: !config.auth.loginBaseUrl.startsWith('https://login.microsoftonline.com'),
        defaultLocale: config.defaultLocale,
        minGroupSize: config.privacy.minGroupSize,
      };
    }),
  );
  server.get('/api/v1/me', jsonRoute(logger, async (req) => getMe(await caller(req), directory)));
  server.put('/api/v1/me/preferences', jsonRoute(logger, async (req) => putPreferences(req, await caller(req), directory)));

  const adoption = { adoption: deps.adoption, directory };
  server.get('/api/v1/adoption', jsonRoute(logger, async (req) => getAdoption(req, await caller(req), adoption)));
  server.get('/api/v1/adoption/trend', jsonRoute(logger, async (req) => getAdoptionTrend(req, await caller(req), adoption)));
  server.get('/api/v1/adoption/export.csv', jsonRoute(logger, async (req, res) => exportAdoptionCsv(req, res, await caller(req), adoption)));
  server.get('/api/v1/adoption/unit-mapping', jsonRoute(logger, async (req) => getUnitMapping(await caller(req), adoption)));
  server.put('/api/v1/adoption/unit-mapping', jsonRoute(logger, async (req) => putUnitMapping(req, await caller(req), adoption)));
}
