import type { TestStack } from './stack.js';

/**
 * Gives people a 1:1 chat with the bot, as installing the app does (the bot stores the conversation
 * reference it gets with the installation): the reference points at the simulator's Bot Connector.
 */
export async function openChats(stack: TestStack, aadObjectIds: readonly string[]): Promise<void> {
  for (const id of aadObjectIds) {
    await stack.directory.saveChatContact(stack.sim.tenantId, {
      aadObjectId: id,
      conversationReference: {
        channelId: 'msteams',
        serviceUrl: `${stack.sim.url}/`,
        user: { id: `29:${id}`, aadObjectId: id },
        bot: { id: `28:${stack.sim.app.clientId}`, name: 'Digipuls' },
        conversation: { id: chatIdOf(id), conversationType: 'personal', tenantId: stack.sim.tenantId },
      },
    });
  }
}

/** The 1:1 conversation id openChats (and test/support/activities' messageActivity) gives a person. */
export const chatIdOf = (aadObjectId: string) => `a:chat-${aadObjectId}`;

/** Who got something from the bot since `from` recorded activities, by person (aad id), with how many each. */
export function recipientsSince(stack: TestStack, from: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of stack.sim.connector.activities.slice(from)) {
    const id = a.conversationId.replace(/^a:chat-/, '');
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
