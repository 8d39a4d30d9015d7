import type { Logger } from 'pino';
import type { AdoptionStore } from '../core/adoption-store.js';
import type { DirectoryRepository } from '../core/directory.js';
import type { Database } from '../store/database.js';
import { ADOPTION_INGEST_QUEUE, ingestAdoptionFromGraph } from './adoption-ingest.js';
import type { Config } from './config.js';
import { canSyncDirectory, DIRECTORY_SYNC_QUEUE, syncDirectoryFromGraph } from './directory-sync.js';
import type { NudgeService } from './nudges/nudge-service.js';
import { logProgress } from './progress.js';

/**
 * Registers the background jobs. pg-boss runs each job on exactly one instance, retries failures,
 * and keeps schedules in the database, so several instances can run side by side.
 */
export async function registerJobs(
  database: Database,
  config: Config,
  stores: { directory: DirectoryRepository; adoption: AdoptionStore; nudges: NudgeService },
  logger: Logger,
): Promise<void> {
  const { jobs } = database;
  if (!canSyncDirectory(config)) {
    logger.warn('Directory sync and adoption ingestion from Microsoft Graph are off: set MicrosoftAppTenantId and app credentials to turn them on');
    return;
  }
  await jobs.createQueue(DIRECTORY_SYNC_QUEUE, { retryLimit: 3, retryDelay: 60, retryBackoff: true });
  await jobs.work(DIRECTORY_SYNC_QUEUE, async () => {
    await syncDirectoryFromGraph(config, stores, logger);
  });
  // Nightly, when Graph is quiet; new hires are addressable the next morning.
  await jobs.schedule(DIRECTORY_SYNC_QUEUE, '15 2 * * *', null, { tz: 'Europe/Oslo' });

  // Report throttling allows 14 report calls per 10 minutes per app: a retry waits long enough for the window to pass.
  await jobs.createQueue(ADOPTION_INGEST_QUEUE, { retryLimit: 4, retryDelay: 600, retryBackoff: true });
  await jobs.work(ADOPTION_INGEST_QUEUE, async () => {
    // Nudges are planned while the reports stream past: the only moment a person's activity is looked at.
    const result = await ingestAdoptionFromGraph(config, stores.adoption, logProgress(logger), { nudges: stores.nudges.forIngestion() });
    if (result.nudges) logger.info(result.nudges, 'Nudges planned');
    for (const s of result.snapshots) logger.info({ period: s.period, reportDate: s.reportDate, concealed: s.concealed, summary: s.summary }, 'Adoption snapshot stored');
  });
  // Daily, after Microsoft has refreshed the reports (they lag 24–48 h; a later hour changes nothing).
  await jobs.schedule(ADOPTION_INGEST_QUEUE, '45 5 * * *', null, { tz: 'Europe/Oslo' });
}
