import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { actionFromInvoke } from '../card-actions.js';
import { CARD_CONTENT_TYPE } from '../cards/adaptive-card.js';
import { errorCard } from '../cards/error-card.js';
import { localeOf, type BotDeps } from '../chat.js';
import { performAction } from './perform-action.js';

/**
 * An `adaptiveCard/action` invoke (Universal Actions, Action.Execute): the card the person pressed is
 * replaced by the answer. An action we do not know, or bad data, gets an error card in the person's
 * language (status 200, so Teams shows it in place of the card) and nothing is stored.
 */
export async function onCardAction(context: TurnContext, deps: BotDeps, value: unknown): Promise<AdaptiveCardInvokeResponse> {
  const action = actionFromInvoke(value);
  if (!action) deps.logger.warn({ verb: verbOf(value) }, 'Refused a card action it does not know');
  const card = action ? await performAction(context, deps, action) : errorCard(await localeOf(context, deps));
  return { statusCode: 200, type: CARD_CONTENT_TYPE, value: card as unknown as Record<string, unknown> };
}

/** The verb, for the log only (never the data, which may be anything). */
function verbOf(value: unknown): string | undefined {
  const verb = (value as { action?: { verb?: unknown } } | null)?.action?.verb;
  return typeof verb === 'string' ? verb.slice(0, 100) : undefined;
}
