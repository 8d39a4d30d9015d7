import type { Logger } from 'pino';
import type { DirectoryRepository } from '../core/directory.js';
import type { Database } from '../store/database.js';
import type { Config } from './config.js';
import { canSyncDirectory, DIRECTORY_SYNC_QUEUE, syncDirectoryFromGraph } from './directory-sync.js';

/**
 * Registers the background jobs. pg-boss runs each job on exactly one instance, retries failures,
 * and keeps schedules in the database, so several instances can run side by side.
 */
export async function registerJobs(database: Database, config: Config, directory: DirectoryRepository, logger: Logger): Promise<void> {
  const { jobs } = database;
  if (canSyncDirectory(config)) {
    await jobs.createQueue(DIRECTORY_SYNC_QUEUE, { retryLimit: 3, retryDelay: 60, retryBackoff: true });
    await jobs.work(DIRECTORY_SYNC_QUEUE, async () => {
      await syncDirectoryFromGraph(config, directory, logger);
    });
    // Nightly, when Graph is quiet; new hires are addressable the next morning.
    await jobs.schedule(DIRECTORY_SYNC_QUEUE, '15 2 * * *', null, { tz: 'Europe/Oslo' });
  } else {
    logger.warn('Directory sync from Microsoft Graph is off: set MicrosoftAppTenantId and app credentials to turn it on');
  }
}
