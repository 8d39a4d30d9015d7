import { z } from 'zod';
import { GraphError, type GraphClient } from './graph-client.js';

/** An app installed for a person (`GET /users/{id}/teamwork/installedApps?$expand=teamsApp`). */
const installedApp = z.object({
  id: z.string().min(1),
  teamsApp: z.object({ id: z.string().min(1) }).nullable().optional(),
});
const chat = z.object({ id: z.string().min(1) });

/** A message in a chat, as far as telling the bot's own messages apart needs. */
const chatMessage = z.object({
  id: z.string().min(1),
  from: z.object({ application: z.object({ id: z.string() }).nullable().optional() }).nullable().optional(),
  attachments: z.array(z.object({ content: z.string().nullable().optional() })).optional().default([]),
});

export type InstallOutcome = 'installed' | 'already_installed' | 'blocked' | 'not_found';

/**
 * Installs the Digipuls app (from the org catalog) for a person, which gives them a 1:1 chat with the
 * bot. 409 means it was installed already. 403 means the tenant's policy does not let apps be installed
 * for users (or the permission TeamsAppInstallation.ReadWriteSelfForUser.All is missing); 404 an unknown
 * person or an app not in the catalog.
 */
export async function installAppForUser(graph: GraphClient, userId: string, catalogAppId: string): Promise<InstallOutcome> {
  try {
    await graph.post(`/users/${encodeURIComponent(userId)}/teamwork/installedApps`, {
      'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${encodeURIComponent(catalogAppId)}`,
    });
    return 'installed';
  } catch (error) {
    if (error instanceof GraphError && error.status === 409) return 'already_installed';
    if (error instanceof GraphError && error.status === 403) return 'blocked';
    if (error instanceof GraphError && error.status === 404) return 'not_found';
    throw error;
  }
}

/** The Graph id of a person's 1:1 chat with the bot, through their installation of the app; undefined when it is not installed. */
export async function botChatId(graph: GraphClient, userId: string, catalogAppId: string): Promise<string | undefined> {
  const user = encodeURIComponent(userId);
  let installationId: string | undefined;
  for await (const page of graph.pages(`/users/${user}/teamwork/installedApps?$expand=teamsApp`, installedApp)) {
    installationId = page.find((app) => app.teamsApp?.id === catalogAppId)?.id;
    if (installationId) break;
  }
  if (!installationId) return undefined;
  const found = chat.safeParse(await graph.get(`/users/${user}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`));
  if (!found.success) throw new GraphError(502, 'unexpected_response', 'Graph installedApps/chat: the answer has no chat id');
  return found.data.id;
}

/**
 * Looks through the newest messages of a chat (at most `maxMessages`) for one the bot (app id `botAppId`)
 * sent whose card contains `marker`; returns its id. How a sender finds out, after a crash, whether a
 * message it had handed to the Bot Connector arrived.
 */
export async function findBotMessage(graph: GraphClient, chatId: string, botAppId: string | undefined, marker: string, maxMessages = 150): Promise<string | undefined> {
  let seen = 0;
  for await (const page of graph.pages(`/chats/${encodeURIComponent(chatId)}/messages?$top=50`, chatMessage)) {
    for (const message of page) {
      const fromBot = botAppId === undefined || message.from?.application?.id === botAppId;
      if (fromBot && message.attachments.some((a) => a.content?.includes(marker))) return message.id;
    }
    seen += page.length;
    if (seen >= maxMessages) break;
  }
  return undefined;
}
