import type { Locale } from '../../core/locale.js';
import { botText } from '../i18n.js';
import { adaptiveCard, heading, paragraph, type AdaptiveCard } from './adaptive-card.js';

/**
 * A press on "acknowledge" that matches no announcement sent to this person (another person's card,
 * a changed id, an announcement that asks for no acknowledgement): it replaces the pressed card and
 * says plainly that nothing was recorded.
 */
export function acknowledgementRefusedCard(locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [{ ...heading(t('announcement.notForYouTitle')), color: 'Attention' }, paragraph(t('announcement.notForYou'))]);
}
