import type { Locale } from '../../core/locale.js';
import { botText } from '../i18n.js';
import { VERBS } from '../card-actions.js';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard } from './adaptive-card.js';

/** "What happens with my answers": the privacy notice in plain words. */
export function privacyCard(locale: Locale, minGroupSize: number): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [heading(t('privacy.title')), paragraph(t('privacy.body', { minGroupSize }))], [
    executeAction(t('welcome.changeLanguage'), VERBS.showLanguages),
  ]);
}
