import type { TurnContext } from 'botbuilder';
import { VERBS, type CardAction } from '../card-actions.js';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { languageCard } from '../cards/language-card.js';
import { languageChangedCard } from '../cards/language-changed-card.js';
import { privacyCard } from '../cards/privacy-card.js';
import { welcomeCard } from '../cards/welcome-card.js';
import { localeOf, rememberChat, type BotDeps } from '../chat.js';
import { acknowledgeAnnouncement } from './announcement-acknowledge.js';
import { turnOffDigest } from './digest-switch.js';
import { recordNudgeFeedback } from './nudge-feedback.js';
import { stopNudges } from './nudge-stop.js';
import { performSurveyAction } from './survey-action.js';

/**
 * Does what a card button (or a typed "språk svenska") asks and returns the card to show next; the
 * same for Action.Execute, its Action.Submit fallback and typed commands, so all answer alike.
 */
export async function performAction(context: TurnContext, deps: BotDeps, action: CardAction): Promise<AdaptiveCard> {
  switch (action.verb) {
    case VERBS.showLanguages:
      return languageCard(await localeOf(context, deps));
    case VERBS.showPrivacy:
      return privacyCard(await localeOf(context, deps), deps, { roundId: action.roundId });
    case VERBS.showWelcome:
      return welcomeCard(await localeOf(context, deps), deps.minGroupSize);
    case VERBS.setLanguage: {
      const person = await rememberChat(context, deps.directory);
      if (person) await deps.directory.setPreferredLocale(person.tenantId, person.aadObjectId, action.locale);
      return languageChangedCard(action.locale, deps.minGroupSize);
    }
    case VERBS.surveyAnswer:
    case VERBS.surveyStep:
    case VERBS.surveyShow:
      return performSurveyAction(context, deps, action);
    case VERBS.acknowledge:
      return acknowledgeAnnouncement(context, deps, action.announcementId);
    case VERBS.nudgeFeedback:
      return recordNudgeFeedback(context, deps, action.nudgeId, action.feedback);
    case VERBS.nudgeStop:
      return stopNudges(context, deps);
    case VERBS.digestOff:
      return turnOffDigest(context, deps);
  }
}
