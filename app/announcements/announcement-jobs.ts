import type { Logger } from 'pino';
import type { Database } from '../../store/database.js';
import type { AnnouncementService } from './announcement-service.js';

export const ANNOUNCEMENT_DISPATCH_QUEUE = 'announcement-dispatch';

/**
 * The fan-out as a pg-boss job: asked for at once when an announcement is created (or a reminder
 * queued), and every minute by cron to pick up scheduled ones and runs that died. The stately queue
 * runs one pass at a time across instances; within a pass each announcement's lease keeps a second
 * sender off it, and a pass that dies leaves the lease to run out, so the next pass resumes it.
 */
export async function registerAnnouncementJobs(database: Database, announcements: () => AnnouncementService, cron: string | null, logger: Logger): Promise<void> {
  const { jobs } = database;
  await jobs.createQueue(ANNOUNCEMENT_DISPATCH_QUEUE, { policy: 'stately', retryLimit: 2, retryDelay: 10 });
  await jobs.work(ANNOUNCEMENT_DISPATCH_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    const runs = await announcements().runDue();
    if (runs.length > 0) logger.info({ runs }, 'Announcement dispatch');
  });
  if (cron) await jobs.schedule(ANNOUNCEMENT_DISPATCH_QUEUE, cron, null, { tz: 'Europe/Oslo' });
}

/** Asks for a dispatch pass now (a pass already waiting makes this one unnecessary: the queue keeps one). */
export async function kickAnnouncementDispatch(database: Database): Promise<void> {
  await database.jobs.send(ANNOUNCEMENT_DISPATCH_QUEUE, null);
}
