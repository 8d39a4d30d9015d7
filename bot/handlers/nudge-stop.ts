import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { errorCard } from '../cards/error-card.js';
import { nudgesStoppedCard } from '../cards/nudge-card.js';
import { localeOf, rememberChat, type BotDeps } from '../chat.js';

/**
 * "No more tips" on a usage tip: the same as writing «stopp». It only ever pauses the presser's own
 * tips, so the nudge id needs no checking; the answer replaces the card and says how to start again.
 */
export async function stopNudges(context: TurnContext, deps: BotDeps): Promise<AdaptiveCard> {
  const person = await rememberChat(context, deps.directory);
  if (!person) {
    deps.logger.warn('Refused "no more tips" outside a 1:1 chat or without a person');
    return errorCard(await localeOf(context, deps));
  }
  await deps.directory.setNudgesPaused(person.tenantId, person.aadObjectId, true);
  return nudgesStoppedCard(await localeOf(context, deps));
}
