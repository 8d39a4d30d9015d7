import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { Config } from '../app/config.js';

export type ProactiveSend = (reference: Partial<ConversationReference>, activity: Partial<Activity>) => Promise<string | undefined>;

/** Sends an activity into a stored conversation; returns the id the connector gave it. */
export function sendProactive(adapter: CloudAdapter, config: Config): ProactiveSend {
  return async (reference, activity) => {
    const target = config.bot.connectorUrl ? { ...reference, serviceUrl: `${config.bot.connectorUrl}/` } : reference;
    let id: string | undefined;
    await adapter.continueConversationAsync(config.bot.appId ?? '', target, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    });
    return id;
  };
}
