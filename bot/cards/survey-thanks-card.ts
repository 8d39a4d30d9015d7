import type { Locale } from '../../core/locale.js';
import type { Answers, SurveyDefinition } from '../../core/survey.js';
import { botText } from '../i18n.js';
import { adaptiveCard, heading, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { privacyNotice, type PrivacyFacts } from './privacy-card.js';
import { answerText } from './survey-questions.js';

/**
 * Replaces the survey card once the answers are stored: what the person answered, in their language
 * and with the options' texts, so they can see it arrived as they meant it. The privacy notice opens
 * inside this card (a round trip would replace the answers shown here).
 */
export function surveyThanksCard(definition: SurveyDefinition, answers: Answers, locale: Locale, facts: PrivacyFacts): AdaptiveCard {
  const t = botText(locale);
  const given: CardElement[] = definition.questions.flatMap((question, index) => {
    const value = answers[question.id];
    return [
      // Rich text, not Markdown: "1. …" would turn into an indented list, and answers show as typed.
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${index + 1}. ${question.text[locale]}`, weight: 'Bolder' }], spacing: 'Medium' },
      value === undefined
        ? { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: t('surveyThanks.skipped'), isSubtle: true }], spacing: 'None' }
        : plainText(answerText(question, value, locale)),
    ];
  });
  const card = adaptiveCard(
    locale,
    [
      { type: 'Container', style: 'good', bleed: true, items: [heading(t('surveyThanks.title'))] },
      paragraph(t('surveyThanks.intro', { title: definition.title[locale] })),
      ...given,
      { ...paragraph(t('surveyThanks.after', { minGroupSize: facts.minGroupSize })), spacing: 'Large', isSubtle: true },
    ],
    [{ type: 'Action.ShowCard', title: t('survey.whatHappens'), card: { type: 'AdaptiveCard', body: privacyNotice(locale, facts) } }],
  );
  return { ...card, fallbackText: t('surveyThanks.title') };
}

/**
 * Text exactly as written: a RichTextBlock's TextRun is not read as Markdown, so what a person typed
 * (asterisks, brackets, links) is shown as typed.
 */
function plainText(text: string): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }], spacing: 'None' };
}
