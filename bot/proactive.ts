import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { Config } from '../app/config.js';
import { asAttachment, type AdaptiveCard } from './cards/adaptive-card.js';

/**
 * Sends an activity, or an Adaptive Card as a message, into a stored conversation; resolves with
 * the id the Bot Connector gave it. Connector errors (429, 5xx) are thrown as botbuilder raises
 * them (with `statusCode`), for the caller's retry policy to judge.
 */
export type ProactiveSend = (reference: Partial<ConversationReference>, activityOrCard: Partial<Activity> | AdaptiveCard) => Promise<string | undefined>;

/** A ProactiveSend over the adapter; outgoing calls follow config.bot.connectorUrl when set (see connector-redirect.ts). */
export function sendProactive(adapter: CloudAdapter, config: Config): ProactiveSend {
  return async (reference, activityOrCard) => {
    const activity = isCard(activityOrCard) ? { type: 'message', attachments: [asAttachment(activityOrCard)] } : activityOrCard;
    let id: string | undefined;
    let failure: { error: unknown } | undefined;
    await adapter.continueConversationAsync(config.bot.appId ?? '', reference, async (context) => {
      // Caught here and rethrown below: the adapter's onTurnError would otherwise log the failure
      // and resolve, and the caller could not retry a 429 or tell a sent message from a lost one.
      try {
        id = (await context.sendActivity(activity))?.id;
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    return id;
  };
}

function isCard(value: Partial<Activity> | AdaptiveCard): value is AdaptiveCard {
  return (value as { type?: unknown }).type === 'AdaptiveCard';
}
