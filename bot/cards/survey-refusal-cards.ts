import type { Locale } from '../../core/locale.js';
import type { SurveyDefinition } from '../../core/survey.js';
import { formatDay } from '../format-date.js';
import { botText } from '../i18n.js';
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from './adaptive-card.js';

/**
 * The friendly answers to answers that cannot be counted: already answered, closed, not sent to
 * this person, or a survey that does not exist. Each replaces the pressed card and says plainly
 * whether anything was stored.
 */
export function alreadyAnsweredCard(definition: SurveyDefinition, locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [heading(t('surveyRefused.alreadyTitle')), paragraph(t('surveyRefused.already', { title: definition.title[locale] }))]);
}

/** `closedOn`: the round's last day ('YYYY-MM-DD'). */
export function surveyClosedCard(definition: SurveyDefinition, closedOn: string, locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [
    heading(t('surveyRefused.closedTitle')),
    paragraph(t('surveyRefused.closed', { title: definition.title[locale], date: formatDay(closedOn, locale) })),
  ]);
}

export function notInvitedCard(definition: SurveyDefinition, locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [heading(t('surveyRefused.notInvitedTitle')), paragraph(t('surveyRefused.notInvited', { title: definition.title[locale] }))]);
}

/** A round id that is no round of this tenant (deleted, or a tampered card). */
export function unknownSurveyCard(locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [{ ...heading(t('surveyRefused.unknownTitle')), color: 'Attention' }, paragraph(t('surveyRefused.unknown'))]);
}

/** Survey button data without a usable round id or step: nothing to answer to. */
export function damagedSurveyCard(locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [{ ...heading(t('error.title')), color: 'Attention' }, paragraph(t('surveyRefused.damaged'))]);
}
