import type { Locale } from '../../core/locale.js';
import type { LocalizedText } from '../../core/survey.js';
import type { SurveyFollowUp, SurveyPrompt } from '../../core/survey-store.js';
import { surveyCard } from '../../bot/cards/survey-card.js';
import { followUpCard } from '../../bot/cards/survey-follow-up-card.js';

/** The bot's survey cards, as the dispatcher and the API preview use them. */
export interface SurveyCards {
  survey(prompt: SurveyPrompt, locale: Locale): unknown;
  followUp(input: { title: LocalizedText; text: LocalizedText; roundOpenedOn: string; writtenByRole: SurveyFollowUp['writtenBy']['role'] }, locale: Locale): unknown;
}

export const botSurveyCards: SurveyCards = { survey: surveyCard, followUp: followUpCard };
