import type { Logger } from 'pino';
import type { Database } from '../../store/database.js';
import type { DigestService } from './digest-service.js';

export const DIGEST_DISPATCH_QUEUE = 'digest-dispatch';

/**
 * Every quarter of an hour (DIGEST_DISPATCH_CRON), one pass of the digest sender on exactly one instance
 * (the stately queue keeps a second pass from starting while one is sending). Who is due is decided
 * inside: a lead's own weekday and time, once per ISO week.
 */
export async function registerDigestJobs(database: Database, digests: DigestService, cron: string | null, logger: Logger): Promise<void> {
  const { jobs } = database;
  await jobs.createQueue(DIGEST_DISPATCH_QUEUE, { policy: 'stately', retryLimit: 0 });
  await jobs.work(DIGEST_DISPATCH_QUEUE, async () => {
    const result = await digests.runDue();
    if (result.sent + result.unreachable + result.retry > 0) logger.info(result, 'Digests sent');
  });
  if (cron) await jobs.schedule(DIGEST_DISPATCH_QUEUE, cron, null, { tz: 'Europe/Oslo' });
}
