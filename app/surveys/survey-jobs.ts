import type { Logger } from 'pino';
import type { Database } from '../../store/database.js';
import type { SurveyService } from './survey-service.js';

export const SURVEY_DISPATCH_QUEUE = 'survey-dispatch';

/**
 * Every minute, one dispatch pass (survey-dispatch.ts) on exactly one instance: the queue's stately
 * policy keeps a second pass from starting, or piling up, while one is still sending.
 */
export async function registerSurveyJobs(database: Database, surveys: SurveyService, cron: string | null, logger: Logger): Promise<void> {
  const { jobs } = database;
  await jobs.createQueue(SURVEY_DISPATCH_QUEUE, { policy: 'stately', retryLimit: 0 });
  await jobs.work(SURVEY_DISPATCH_QUEUE, async () => {
    const result = await surveys.runDue();
    if (result.opened + result.prompted + result.reminded + result.followUps + result.closed > 0) logger.info(result, 'Survey dispatch');
  });
  if (cron) await jobs.schedule(SURVEY_DISPATCH_QUEUE, cron, null, { tz: 'Europe/Oslo' });
}
