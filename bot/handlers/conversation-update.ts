import type { TurnContext } from 'botbuilder';
import { welcomeCard } from '../cards/welcome-card.js';
import { isPersonalChat, localeOf, rememberChat, sendCard, type BotDeps } from '../chat.js';

/**
 * conversationUpdate with the bot among the members added: the app was just installed for a person
 * (by themselves or by Digipuls through Graph). Remember their chat and introduce Digipuls.
 */
export async function onMembersAdded(context: TurnContext, deps: BotDeps): Promise<void> {
  const { membersAdded, recipient } = context.activity;
  const botAdded = membersAdded?.some((member) => member.id === recipient.id) ?? false;
  if (!botAdded || !isPersonalChat(context)) return;
  await rememberChat(context, deps.directory);
  await sendCard(context, welcomeCard(await localeOf(context, deps), deps.minGroupSize));
}
