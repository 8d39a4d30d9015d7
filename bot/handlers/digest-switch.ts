import type { TurnContext } from 'botbuilder';
import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { digestTurnedOffCard } from '../cards/digest-card.js';
import { errorCard } from '../cards/error-card.js';
import { localeOf, rememberChat, type BotDeps } from '../chat.js';
import { botText } from '../i18n.js';

/**
 * Turns the presser's or writer's own digest on or off, keeping their day and time. Returns the text
 * to answer with in their language: off says how to turn it on again, on says when it comes. A person
 * Digipuls does not know as a unit lead is told what the digest is for, and nothing is stored.
 */
export async function switchDigest(context: TurnContext, deps: BotDeps, on: boolean, wroteIn?: readonly Locale[]): Promise<{ done: boolean; text: string; locale: Locale }> {
  const person = await rememberChat(context, deps.directory);
  const locale = await localeOf(context, deps, wroteIn);
  const t = botText(locale);
  const done = person && deps.digests ? await deps.digests.setEnabled(person.tenantId, person.aadObjectId, on) : false;
  if (!done) return { done, text: t('digest.notLead'), locale };
  if (!on) return { done, text: t('digest.turnedOff'), locale };
  const preferences = await deps.digests!.getPreferences(person!.tenantId, person!.aadObjectId);
  return { done, text: t('digest.turnedOn', { day: t(`digest.weekdays.${preferences.weekday}`), time: preferences.time }), locale };
}

/** "Turn off the digest" on the card: the card is replaced by the confirmation. */
export async function turnOffDigest(context: TurnContext, deps: BotDeps): Promise<AdaptiveCard> {
  const { done, locale } = await switchDigest(context, deps, false);
  if (!done) {
    deps.logger.warn('Refused "turn off the digest" from someone not known as a unit lead');
    return errorCard(locale);
  }
  return digestTurnedOffCard(locale);
}
