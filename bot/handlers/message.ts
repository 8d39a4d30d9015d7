import type { TurnContext } from 'botbuilder';
import { actionFromSubmit, VERBS } from '../card-actions.js';
import { errorCard } from '../cards/error-card.js';
import { languageCard } from '../cards/language-card.js';
import { privacyCard } from '../cards/privacy-card.js';
import { welcomeCard } from '../cards/welcome-card.js';
import { localeOf, rememberChat, sendCard, type BotDeps } from '../chat.js';
import { parseCommand } from '../commands.js';
import { botText } from '../i18n.js';
import { switchDigest } from './digest-switch.js';
import { performAction } from './perform-action.js';

/**
 * A message in the chat: a typed command, or an Action.Submit from a client without Universal
 * Actions (a message whose `value` carries the verb), answered with a new card.
 */
export async function onMessage(context: TurnContext, deps: BotDeps): Promise<void> {
  const { text, value } = context.activity;
  if (value !== undefined && value !== null && !text?.trim()) {
    const action = actionFromSubmit(value);
    if (!action) deps.logger.warn('Refused a card submission it does not know');
    await sendCard(context, action ? await performAction(context, deps, action) : errorCard(await localeOf(context, deps)));
    return;
  }
  const command = parseCommand(text);
  switch (command.kind) {
    case 'help':
      await rememberChat(context, deps.directory);
      await sendCard(context, welcomeCard(await localeOf(context, deps, command.wroteIn), deps.minGroupSize));
      return;
    case 'language':
      await rememberChat(context, deps.directory);
      await sendCard(
        context,
        command.locale
          ? await performAction(context, deps, { verb: VERBS.setLanguage, locale: command.locale })
          : languageCard(await localeOf(context, deps, command.wroteIn)),
      );
      return;
    case 'stopNudges':
    case 'startNudges': {
      const person = await rememberChat(context, deps.directory);
      const paused = command.kind === 'stopNudges';
      if (person) await deps.directory.setNudgesPaused(person.tenantId, person.aadObjectId, paused);
      const t = botText(await localeOf(context, deps, command.wroteIn));
      await context.sendActivity(t(paused ? 'nudges.stopped' : 'nudges.started'));
      return;
    }
    case 'digest':
      await context.sendActivity((await switchDigest(context, deps, command.on, command.wroteIn)).text);
      return;
    case 'privacy':
      await sendCard(context, privacyCard(await localeOf(context, deps, command.wroteIn), deps));
      return;
    case 'unknown':
      await context.sendActivity(botText(await localeOf(context, deps))('unknown'));
  }
}
