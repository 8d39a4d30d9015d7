import type { Logger } from 'pino';
import { createAdoptionRepository } from '../store/adoption-repository.js';
import { createDirectoryRepository } from '../store/directory-repository.js';
import { createAnnouncementRepository } from '../store/announcement-repository.js';
import { createSurveyRepository } from '../store/survey-repository.js';
import { createSendLeaseRepository } from '../store/send-lease-repository.js';
import { kickAnnouncementDispatch, registerAnnouncementJobs } from './announcements/announcement-jobs.js';
import { createAnnouncementService, type AnnouncementService } from './announcements/announcement-service.js';
import { connectorFromConfig } from '../bot/connector-client.js';
import { registerPostsElsewhereJobs } from './announcements/posts-elsewhere-jobs.js';
import { createPostsElsewhereService, type PostsElsewhereService } from './announcements/posts-elsewhere-service.js';
import { createPostsElsewhereRepository } from '../store/posts-elsewhere-repository.js';
import { canCallGraph, connectGraph } from './graph-connection.js';
import { openDatabase, type Database } from '../store/database.js';
import type { AdoptionStore } from '../core/adoption-store.js';
import type { DirectoryRepository } from '../core/directory.js';
import type { Config } from './config.js';
import { registerJobs } from './jobs.js';
import { pgliteTemplateFile } from './package-root.js';
import { startServer, type RunningServer } from './server.js';
import { botSurveyCards } from './surveys/survey-cards.js';
import { registerSurveyJobs } from './surveys/survey-jobs.js';
import { TenantSendGates } from './send-gate.js';
import { TenantLeaseHolder } from './tenant-send-lease.js';
import { createSurveyService, type SurveyService } from './surveys/survey-service.js';
import { nudgeCard } from '../bot/cards/nudge-card.js';
import { createNudgeRulesRepository } from '../store/nudge-rules-repository.js';
import { createNudgeScheduleRepository } from '../store/nudge-schedule-repository.js';
import { registerNudgeJobs } from './nudges/nudge-jobs.js';
import { createNudgeService, type NudgeService } from './nudges/nudge-service.js';
import { digestCard } from '../bot/cards/digest-card.js';
import { createDigestRepository } from '../store/digest-repository.js';
import { registerDigestJobs } from './digests/digest-jobs.js';
import { createDigestService, type DigestService } from './digests/digest-service.js';

export interface Digipuls {
  config: Config;
  database: Database;
  directory: DirectoryRepository;
  adoption: AdoptionStore;
  surveys: SurveyService;
  announcements: AnnouncementService;
  postsElsewhere: PostsElsewhereService;
  nudges: NudgeService;
  digests: DigestService;
  server: RunningServer;
  close(): Promise<void>;
}

/** Opens the database (migrating it), starts the jobs and the HTTP server. */
export async function startDigipuls(config: Config, logger: Logger, options: { schema?: string } = {}): Promise<Digipuls> {
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
    schema: options.schema,
    pgliteTemplate: pgliteTemplateFile(),
  });
  try {
    const directory = createDirectoryRepository(database.db);
    const adoption = createAdoptionRepository(database.db);
    if (config.tenantId) await directory.ensureTenant(config.tenantId);
    // The bot sends the surveys, and the bot lives in the server, which needs the surveys for its API.
    let server: RunningServer | undefined;
    const surveyStore = createSurveyRepository(database.db);
    // Surveys, announcements and nudges share each tenant's Bot Connector ceiling, and one instance sends to a tenant at a time.
    const gates = new TenantSendGates(config.announcements.sendCeiling, new TenantLeaseHolder(createSendLeaseRepository(database.db), logger));
    const sendProactive = () => server && ((reference: Record<string, unknown>, card: unknown) => server!.bot.sendProactive(reference, card as Parameters<RunningServer['bot']['sendProactive']>[1]));
    const nudgeRules = createNudgeRulesRepository(database.db);
    const nudges = createNudgeService({
      config,
      rules: nudgeRules,
      schedule: createNudgeScheduleRepository(database.db),
      settings: (tenantId) => surveyStore.messagingSettings(tenantId),
      // Drawn from what the bot redraws after a press (sentTip), so both show the same card.
      card: async (nudge, locale) => {
        const sent = nudge.announcementId ? await nudgeRules.sentTip({ tenantId: nudge.tenantId, nudgeId: nudge.nudgeId, aadObjectId: nudge.aadObjectId, locale }) : undefined;
        return nudgeCard({ nudgeId: nudge.nudgeId, tip: nudge.tip, ...(sent?.announcementTitle ? { announcementTitle: sent.announcementTitle } : {}) }, locale);
      },
      send: sendProactive,
      gates,
      logger,
    });
    await registerJobs(database, config, { directory, adoption, nudges }, logger);
    const surveys = createSurveyService({
      gates,
      config,
      store: surveyStore,
      directory,
      cards: botSurveyCards,
      send: sendProactive,
      logger,
    });
    const announcements = createAnnouncementService({
      gates,
      config,
      store: createAnnouncementRepository(database.db),
      directory,
      people: surveyStore,
      // Click links name the server as people reach it; on port 0 (tests) only the listening server knows it.
      publicUrl: () => (server && config.port === 0 ? server.url : config.publicUrl),
      kick: () => kickAnnouncementDispatch(database),
      logger,
    });
    const postsElsewhere = createPostsElsewhereService({
      store: createPostsElsewhereRepository(database.db),
      announcements: announcements.store,
      graph: () => (canCallGraph(config) ? connectGraph(config) : undefined),
      connector: connectorFromConfig(config),
      gates,
      serviceUrl: config.announcements.serviceUrl,
      botAppId: config.bot.appId,
      logger,
    });
    // The tab's address as people reach it; on port 0 (tests) only the listening server knows it.
    const publicUrl = () => (server && config.port === 0 ? server.url : config.publicUrl);
    const digests = createDigestService({
      store: createDigestRepository(database.db),
      sources: {
        directory,
        adoption,
        announcements: announcements.store,
        surveys: surveyStore,
        // The same period the reach page and the unit lead's adoption page read.
        adoptionPeriod: config.adoption.periods.includes('D30') ? 'D30' : (config.adoption.periods[0] ?? 'D30'),
        minGroupSize: config.privacy.minGroupSize,
        notReadAfterDays: config.announcements.notReadAfterDays,
      },
      settings: (tenantId) => surveyStore.messagingSettings(tenantId),
      card: (model, locale) => digestCard(model, locale, { tabUrl: `${publicUrl()}/tab/` }),
      send: sendProactive,
      defaultLocale: config.defaultLocale,
      gates,
      logger,
    });
    server = await startServer({ config, database, directory, adoption, surveys, announcements, postsElsewhere, nudges, digests, logger });
    await registerSurveyJobs(database, surveys, config.surveys.dispatchCron, logger);
    await registerAnnouncementJobs(database, () => announcements, config.announcements.dispatchCron, logger);
    await registerPostsElsewhereJobs(database, postsElsewhere, config.announcements.postsRefreshCron, logger);
    await registerNudgeJobs(database, nudges, config.nudges.dispatchCron, logger);
    await registerDigestJobs(database, digests, config.digests.dispatchCron, logger);
    return {
      config,
      database,
      directory,
      adoption,
      surveys,
      announcements,
      postsElsewhere,
      nudges,
      digests,
      server,
      async close() {
        await server!.close();
        await gates.close().catch((error: unknown) => logger.warn({ err: error }, 'Could not give up the tenant send leases'));
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
