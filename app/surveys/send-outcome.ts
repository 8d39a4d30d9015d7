import type { SendOutcome } from '../../core/survey-store.js';

/**
 * What a failed proactive send means. botbuilder has already retried 429 (with Retry-After) and 5xx a
 * few times before this error reaches us, so a throttle or server error here ends the run and is
 * tried again on the next one. 403 and 404 mean the person removed the app or blocked the bot: do not
 * try again this round.
 */
export function outcomeOfSendError(error: unknown): { outcome: SendOutcome; stopRun: boolean } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (status === 403 || status === 404) return { outcome: 'unreachable', stopRun: false };
  return { outcome: 'retry', stopRun: status === 429 || (typeof status === 'number' && status >= 500) || status === undefined };
}
