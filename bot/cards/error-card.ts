import type { Locale } from '../../core/locale.js';
import { botText } from '../i18n.js';
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from './adaptive-card.js';

/** Said when a card submission cannot be used: nothing was stored, and what to do next. */
export function errorCard(locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [{ ...heading(t('error.title')), color: 'Attention' }, paragraph(t('error.invalidAction'))]);
}
