import type { DeliveryTarget } from '../../core/announcement-store.js';
import type { GraphClient } from '../../graph/graph-client.js';
import { botChatId, findBotMessage, installAppForUser, type InstallOutcome } from '../../graph/teams-apps.js';

/**
 * What the fan-out asks Microsoft Graph about staff's 1:1 chats with the bot: installing the app for
 * someone who never opened it (which gives them the chat), and, for a send whose outcome is unknown,
 * whether the card is in their chat.
 */
export interface RecipientChats {
  install(aadObjectId: string): Promise<InstallOutcome>;
  /**
   * Looks for the card marked `marker` in the person's chat with the bot: its message id when it is
   * there, null when it is not (no chat at all counts as not there). Throws when Graph cannot tell.
   */
  findSent(target: DeliveryTarget, marker: string): Promise<{ messageId: string | null; graphChatId: string | null }>;
}

export function createRecipientChats(graph: GraphClient, catalogAppId: string, botAppId: string | undefined): RecipientChats {
  return {
    install: (aadObjectId) => installAppForUser(graph, aadObjectId, catalogAppId),
    async findSent(target, marker) {
      const graphChatId = target.graphChatId ?? (await botChatId(graph, target.aadObjectId, catalogAppId)) ?? null;
      if (!graphChatId) return { messageId: null, graphChatId: null };
      return { messageId: (await findBotMessage(graph, graphChatId, botAppId, marker)) ?? null, graphChatId };
    },
  };
}
