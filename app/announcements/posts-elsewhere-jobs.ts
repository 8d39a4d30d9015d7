import type { Logger } from 'pino';
import type { PostsElsewhereCommands } from '../../core/posts-elsewhere.js';
import type { Database } from '../../store/database.js';

export const POSTS_ELSEWHERE_QUEUE = 'posts-elsewhere-refresh';

/**
 * Reads the reactions, replies and page views of every post elsewhere again, on a schedule: Graph sends
 * no change notifications for reactions without a subscription per channel, and the figures move for
 * days after a post. One pass at a time across instances (stately).
 */
export async function registerPostsElsewhereJobs(database: Database, posts: PostsElsewhereCommands, cron: string | null, logger: Logger): Promise<void> {
  const { jobs } = database;
  await jobs.createQueue(POSTS_ELSEWHERE_QUEUE, { policy: 'stately', retryLimit: 2, retryDelay: 60 });
  await jobs.work(POSTS_ELSEWHERE_QUEUE, async () => {
    const result = await posts.refreshAll();
    if (result.refreshed + result.failed > 0) logger.info(result, 'Posts elsewhere refreshed');
  });
  if (cron) await jobs.schedule(POSTS_ELSEWHERE_QUEUE, cron, null, { tz: 'Europe/Oslo' });
}
