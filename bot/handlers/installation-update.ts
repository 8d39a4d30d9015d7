import type { TurnContext } from 'botbuilder';
import { isPersonalChat, rememberChat, type BotDeps } from '../chat.js';

/**
 * installationUpdate (add): remember the chat at once, so proactive messages can reach the person.
 * The welcome card comes with the conversationUpdate Teams sends alongside, so it is not sent twice.
 */
export async function onInstallationAdded(context: TurnContext, deps: BotDeps): Promise<void> {
  if (isPersonalChat(context)) await rememberChat(context, deps.directory);
}
