import type { Logger } from 'pino';
import type { Server } from 'restify';
import type { Config } from '../app/config.js';
import type { AdoptionStore } from '../core/adoption-store.js';
import type { AnnouncementCommands } from '../core/announcement-commands.js';
import type { AnnouncementStore } from '../core/announcement-store.js';
import type { DigestStore } from '../core/digest-store.js';
import type { DirectoryRepository } from '../core/directory.js';
import { forbidden, unavailable } from '../core/errors.js';
import { authenticate } from './auth/authenticate.js';
import { createTokenValidator, type TokenValidator } from './auth/token-validator.js';
import { jsonRoute } from './handler.js';
import { openApiDocument } from './openapi.js';
import { problem, sendProblem } from './problem.js';
import { exportAdoptionCsv, getAdoption, getAdoptionTrend, getUnitMapping, putUnitMapping } from './routes/adoption.js';
import type { AnnouncementRouteDeps } from './announcement-context.js';
import { registerAnnouncementRoutes } from './routes/announcements.js';
import { getMe, putPreferences } from './routes/me.js';
import { getDigestPreferences, putDigestPreferences } from './routes/digest.js';
import { getMessagingSettings, putMessagingSettings } from './routes/settings.js';
import { getNudgeEffect, getNudgeRules, putNudgeRules, type NudgeRouteDeps } from './routes/nudges.js';
import {
  closeSurvey,
  createSurvey,
  exportResultsCsv,
  getResults,
  getSurvey,
  getTemplates,
  getTrend,
  listSurveys,
  postFollowUp,
  previewSurvey,
  type SurveyRouteDeps,
} from './routes/surveys.js';
import { listUnits } from './routes/units.js';
import { groupsQuery } from './survey-schemas.js';
import { parseQuery } from './query.js';

export interface ApiDeps {
  config: Config;
  directory: DirectoryRepository;
  adoption: AdoptionStore;
  /** Surveys: storage, what app/ does with them, the card preview and (with Graph) the group search. */
  surveys: Pick<SurveyRouteDeps, 'store' | 'commands' | 'previewCard'> & { searchGroups?: (search?: string) => Promise<Array<{ id: string; displayName: string }>> };
  /** Announcements: storage, what app/ does with them, and after how many days a delivered one counts as not read. */
  announcements: { store: AnnouncementStore; commands: AnnouncementCommands; notReadAfterDays: number; posts: AnnouncementRouteDeps['posts'] };
  /** Nudges: the rules, the cohort's counts and the tip feedback. */
  nudges: Pick<NudgeRouteDeps, 'rules' | 'schedule'>;
  /** Unit leads' digest preferences; signing in with the UnitLead role records the lead. */
  digests: DigestStore;
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
  server.get(
    '/api/v1/me',
    jsonRoute(logger, async (req) => {
      const who = await caller(req);
      // The role lives in Entra ID: signing in is when Digipuls learns who leads, and so whom the digest is for.
      await deps.digests.recordLead(who.tenantId, who.id, who.roles.includes('UnitLead'));
      return getMe(who, directory);
    }),
  );
  server.put('/api/v1/me/preferences', jsonRoute(logger, async (req) => putPreferences(req, await caller(req), directory)));
  const digest = { digests: deps.digests, directory };
  server.get('/api/v1/me/digest', jsonRoute(logger, async (req) => getDigestPreferences(await caller(req), digest)));
  server.put('/api/v1/me/digest', jsonRoute(logger, async (req) => putDigestPreferences(req, await caller(req), digest)));

  const adoption = { adoption: deps.adoption, directory };
  server.get('/api/v1/adoption', jsonRoute(logger, async (req) => getAdoption(req, await caller(req), adoption)));
  server.get('/api/v1/adoption/trend', jsonRoute(logger, async (req) => getAdoptionTrend(req, await caller(req), adoption)));
  server.get('/api/v1/adoption/export.csv', jsonRoute(logger, async (req, res) => exportAdoptionCsv(req, res, await caller(req), adoption)));
  server.get('/api/v1/adoption/unit-mapping', jsonRoute(logger, async (req) => getUnitMapping(await caller(req), adoption)));
  server.put('/api/v1/adoption/unit-mapping', jsonRoute(logger, async (req) => putUnitMapping(req, await caller(req), adoption)));

  server.get('/api/v1/units', jsonRoute(logger, async (req) => listUnits(await caller(req), directory)));

  const surveys: SurveyRouteDeps = {
    ...deps.surveys,
    directory,
    minGroupSize: config.privacy.minGroupSize,
    freeTextRoles: config.surveys.freeTextRoles,
    defaultLocale: config.defaultLocale,
  };
  server.get('/api/v1/surveys/templates', jsonRoute(logger, async (req) => getTemplates(await caller(req), surveys)));
  server.get('/api/v1/surveys', jsonRoute(logger, async (req) => listSurveys(await caller(req), surveys)));
  server.post('/api/v1/surveys', jsonRoute(logger, async (req, res) => createSurvey(req, res, await caller(req), surveys)));
  server.post('/api/v1/surveys/preview', jsonRoute(logger, async (req) => previewSurvey(req, await caller(req), surveys)));
  server.get('/api/v1/surveys/:id', jsonRoute(logger, async (req) => getSurvey(req, await caller(req), surveys)));
  server.post('/api/v1/surveys/:id/close', jsonRoute(logger, async (req) => closeSurvey(req, await caller(req), surveys)));
  server.get('/api/v1/surveys/:id/results', jsonRoute(logger, async (req) => getResults(req, await caller(req), surveys)));
  server.get('/api/v1/surveys/:id/results.csv', jsonRoute(logger, async (req, res) => exportResultsCsv(req, res, await caller(req), surveys)));
  server.get('/api/v1/surveys/:id/trend', jsonRoute(logger, async (req) => getTrend(req, await caller(req), surveys)));
  server.post('/api/v1/surveys/:id/rounds/:roundId/follow-ups', jsonRoute(logger, async (req, res) => postFollowUp(req, res, await caller(req), surveys)));
  server.get(
    '/api/v1/groups',
    jsonRoute(logger, async (req) => {
      const who = await caller(req);
      if (!who.roles.some((r) => r === 'Communicator' || r === 'AdoptionAdmin')) throw forbidden('forbidden', 'Group audiences are for communicators and adoption admins');
      const { search } = parseQuery(req, groupsQuery);
      if (!deps.surveys.searchGroups) throw unavailable('groups_unavailable', 'Group audiences need Microsoft Graph: set MicrosoftAppTenantId and app credentials');
      return { groups: await deps.surveys.searchGroups(search) };
    }),
  );
  registerAnnouncementRoutes(server, logger, caller, {
    ...deps.announcements,
    directory,
    adoption: deps.adoption,
    // "On Teams" means active in the last 30 days when that period is read, else the first period that is.
    adoptionPeriod: config.adoption.periods.includes('D30') ? 'D30' : (config.adoption.periods[0] ?? 'D30'),
    minGroupSize: config.privacy.minGroupSize,
    defaultLocale: config.defaultLocale,
  });
  server.get('/api/v1/settings/messaging', jsonRoute(logger, async (req) => getMessagingSettings(await caller(req), deps.surveys.store)));
  server.put('/api/v1/settings/messaging', jsonRoute(logger, async (req) => putMessagingSettings(req, await caller(req), deps.surveys.store)));
  const nudges: NudgeRouteDeps = { ...deps.nudges, directory, minGroupSize: config.privacy.minGroupSize };
  server.get('/api/v1/nudges/rules', jsonRoute(logger, async (req) => getNudgeRules(await caller(req), nudges)));
  server.put('/api/v1/nudges/rules', jsonRoute(logger, async (req) => putNudgeRules(req, await caller(req), nudges)));
  server.get('/api/v1/nudges/effect', jsonRoute(logger, async (req) => getNudgeEffect(await caller(req), nudges)));
}
