import type { Locale } from '../../core/locale.js';
import { botText } from '../i18n.js';
import type { AdaptiveCard } from './adaptive-card.js';
import { welcomeCard } from './welcome-card.js';

/**
 * The answer to choosing a language: the welcome card in the new language, opened by a line that
 * says the change took, so the person sees at once that it worked.
 */
export function languageChangedCard(locale: Locale, minGroupSize: number): AdaptiveCard {
  const card = welcomeCard(locale, minGroupSize);
  const changed = botText(locale)('language.changed');
  return {
    ...card,
    fallbackText: changed,
    // A tinted container rather than green text: coloured text on white is too faint to read.
    body: [{ type: 'Container', style: 'good', bleed: true, items: [{ type: 'TextBlock', text: changed, wrap: true, weight: 'Bolder' }] }, ...card.body],
  };
}
