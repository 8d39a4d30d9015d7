import type { Logger } from 'pino';
import type { Database } from '../../store/database.js';
import type { NudgeService } from './nudge-service.js';

export const NUDGE_DISPATCH_QUEUE = 'nudge-dispatch';

/**
 * Every few minutes, one pass of the nudge sender on exactly one instance (the stately queue keeps a
 * second pass from starting while one is sending). Pacing decides inside; a pass at night sends nothing.
 */
export async function registerNudgeJobs(database: Database, nudges: NudgeService, cron: string | null, logger: Logger): Promise<void> {
  const { jobs } = database;
  await jobs.createQueue(NUDGE_DISPATCH_QUEUE, { policy: 'stately', retryLimit: 0 });
  await jobs.work(NUDGE_DISPATCH_QUEUE, async () => {
    const result = await nudges.runDue();
    if (result.sent + result.unreachable > 0) logger.info(result, 'Nudges sent');
  });
  if (cron) await jobs.schedule(NUDGE_DISPATCH_QUEUE, cron, null, { tz: 'Europe/Oslo' });
}
