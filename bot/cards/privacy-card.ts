import type { Locale } from '../../core/locale.js';
import { botText } from '../i18n.js';
import { VERBS } from '../card-actions.js';
import { adaptiveCard, executeAction, heading, paragraph, subheading, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/**
 * "What happens with my answers": the one privacy notice, in plain words. Staff reach it by typing
 * "personvern" or "hva skjer med svarene mine", from the welcome card, and from a survey card.
 */
export function privacyCard(locale: Locale, minGroupSize: number, from: { roundId?: string } = {}): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [heading(t('privacy.title')), ...privacyNotice(locale, minGroupSize)], [
    // Pressed on a survey card, the notice took the survey's place in the chat: offer the way back.
    ...(from.roundId ? [executeAction(t('privacy.backToSurvey'), VERBS.surveyShow, { roundId: from.roundId }, { style: 'positive' })] : []),
    executeAction(t('welcome.changeLanguage'), VERBS.showLanguages),
  ]);
}

/** The notice's text without a heading, for cards that show it inline (the thank-you card). */
export function privacyNotice(locale: Locale, minGroupSize: number): CardElement[] {
  const t = botText(locale);
  return [
    subheading(t('privacy.surveysTitle')),
    paragraph(t('privacy.storage')),
    paragraph(t('privacy.results', { minGroupSize })),
    paragraph(t('privacy.freeText', { minGroupSize })),
    subheading(t('privacy.youSaidTitle')),
    paragraph(t('privacy.youSaid')),
    subheading(t('privacy.otherTitle')),
    paragraph(t('privacy.other')),
  ];
}
