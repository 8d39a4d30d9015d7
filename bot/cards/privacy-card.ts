import type { Locale } from '../../core/locale.js';
import type { Role } from '../../core/roles.js';
import { botText } from '../i18n.js';
import { VERBS } from '../card-actions.js';
import { adaptiveCard, executeAction, heading, paragraph, subheading, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/** The settings the notice states, so it says what this deployment actually does. */
export interface PrivacyFacts {
  /** The smallest group results are shown for. */
  minGroupSize: number;
  /** The roles that may read free-text answers (SURVEY_FREE_TEXT_ROLES). */
  freeTextRoles: readonly Role[];
}

/**
 * "What happens with my answers": the one privacy notice, in plain words. Staff reach it by typing
 * "personvern" or "hva skjer med svarene mine", from the welcome card, and from a survey card.
 */
export function privacyCard(locale: Locale, facts: PrivacyFacts, from: { roundId?: string } = {}): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [heading(t('privacy.title')), ...privacyNotice(locale, facts)], [
    // Pressed on a survey card, the notice took the survey's place in the chat: offer the way back.
    ...(from.roundId ? [executeAction(t('privacy.backToSurvey'), VERBS.surveyShow, { roundId: from.roundId }, { style: 'positive' })] : []),
    executeAction(t('welcome.changeLanguage'), VERBS.showLanguages),
  ]);
}

/** The notice's text without a heading, for cards that show it inline (the thank-you card). */
export function privacyNotice(locale: Locale, facts: PrivacyFacts): CardElement[] {
  const t = botText(locale);
  const { minGroupSize } = facts;
  const readers = facts.freeTextRoles.filter((role) => role !== 'Staff').map((role) => t(`privacy.readers.${role}`));
  return [
    subheading(t('privacy.surveysTitle')),
    paragraph(t('privacy.storage')),
    paragraph(t('privacy.results', { minGroupSize })),
    paragraph(readers.length ? t('privacy.freeText', { minGroupSize, readers: listOf(readers, locale) }) : t('privacy.freeTextNobody')),
    subheading(t('privacy.youSaidTitle')),
    paragraph(t('privacy.youSaid')),
    subheading(t('privacy.otherTitle')),
    paragraph(t('privacy.announcements')),
    paragraph(t('privacy.other')),
  ];
}

/** "a, b og c" / "a, b och c" / "a, b and c". */
function listOf(items: string[], locale: Locale): string {
  return new Intl.ListFormat(locale === 'en' ? 'en-GB' : locale, { type: 'conjunction' }).format(items);
}
