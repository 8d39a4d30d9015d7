import type { Locale } from '../../core/locale.js';
import type { Answers } from '../../core/survey.js';
import type { SurveyPrompt } from '../../core/survey-store.js';
import { VERBS } from '../card-actions.js';
import { formatDay } from '../format-date.js';
import { botText } from '../i18n.js';
import { carry } from '../survey-data.js';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { questionInput } from './survey-questions.js';

/**
 * A survey round as staff get it in chat: every question on one card, sent with one button. A pure
 * function of the prompt and the language, so the tab's preview shows exactly what staff will see.
 */
export function surveyCard(prompt: SurveyPrompt, locale: Locale): AdaptiveCard {
  return surveyForm(prompt, locale, {});
}

/** The survey card with earlier answers filled in (back from one-at-a-time mode, or after a refused answer). */
export function surveyForm(prompt: SurveyPrompt, locale: Locale, values: Answers): AdaptiveCard {
  const t = botText(locale);
  const { definition, roundId } = prompt;
  const card = adaptiveCard(
    locale,
    [
      ...(prompt.reminder ? [reminderBanner(t('survey.reminder'))] : []),
      heading(definition.title[locale]),
      ...(definition.intro ? [paragraph(definition.intro[locale])] : []),
      { ...paragraph(t('survey.closesOn', { date: formatDay(prompt.closesOn, locale) })), weight: 'Bolder', spacing: 'Small' },
      { ...paragraph(t('survey.anonymous')), isSubtle: true, spacing: 'Small' },
      ...(definition.questions.some((q) => q.required) ? [{ ...paragraph(t('survey.requiredNote')), isSubtle: true, size: 'Small' }] : []),
      ...definition.questions.map((question, index) => questionInput(question, index + 1, locale, values[question.id])),
    ],
    [
      executeAction(t('survey.send'), VERBS.surveyAnswer, { roundId }, { style: 'positive' }),
      // Neither button sends the inputs: they are not answers yet, and Teams must not stop the
      // person at an unanswered required question on their way to reading the notice.
      executeAction(t('survey.oneAtATime'), VERBS.surveyStep, { roundId, step: 0, ...carry(values) }, { inputs: 'none' }),
      executeAction(t('survey.whatHappens'), VERBS.showPrivacy, { roundId }, { inputs: 'none' }),
    ],
  );
  // The chat list and notifications show the fallback text: say it is a survey (or a reminder of one).
  return { ...card, fallbackText: prompt.reminder ? `${t('survey.reminder')} ${definition.title[locale]}` : definition.title[locale] };
}

/** A tinted band at the top; a container rather than coloured text, which is too faint to read. */
export function reminderBanner(text: string): CardElement {
  return { type: 'Container', style: 'accent', bleed: true, items: [{ type: 'TextBlock', text, wrap: true, weight: 'Bolder' }] };
}
