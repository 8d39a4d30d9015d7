import type { TurnContext } from 'botbuilder';
import type { TipFeedback } from '../../core/nudge-tips.js';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { errorCard } from '../cards/error-card.js';
import { nudgeCard } from '../cards/nudge-card.js';
import { isPersonalChat, localeOf, type BotDeps } from '../chat.js';
import { tenantOf } from '../tenant-guard.js';

/**
 * "This helped" / "Not for me" under a usage tip. The store counts it once per nudge, and only for a
 * nudge sent to this person; the answer replaces the pressed card: the same tip, the pair replaced by
 * a thank-you. A second press (an old copy on another device) shows the same thanks and counts nothing.
 */
export async function recordNudgeFeedback(context: TurnContext, deps: BotDeps, nudgeId: string, feedback: TipFeedback): Promise<AdaptiveCard> {
  const locale = await localeOf(context, deps);
  const tenantId = tenantOf(context.activity);
  const aadObjectId = context.activity.from?.aadObjectId;
  // Tips go to 1:1 chats only; a press elsewhere (or without an Entra id) cannot be anyone's own.
  if (!tenantId || !aadObjectId || !isPersonalChat(context)) {
    deps.logger.warn('Refused tip feedback outside a 1:1 chat or without a person');
    return errorCard(locale);
  }
  if (!deps.nudges) {
    deps.logger.error('Refused tip feedback: this bot was started without a nudge store');
    return errorCard(locale);
  }
  const result = await deps.nudges.recordFeedback(tenantId, nudgeId, aadObjectId, feedback);
  const shown = result === 'unknown-nudge' ? undefined : await deps.nudges.sentTip({ tenantId, nudgeId, aadObjectId, locale });
  if (!shown) {
    deps.logger.warn({ nudgeId }, 'Refused tip feedback that matches no nudge sent to this person');
    return errorCard(locale);
  }
  return nudgeCard({ ...shown, nudgeId, feedbackGiven: true }, locale);
}
