import { LOCALE_NAMES, LOCALES, type Locale } from '../../core/locale.js';
import { botText } from '../i18n.js';
import { VERBS } from '../card-actions.js';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard } from './adaptive-card.js';

/** The language picker: each language named in itself, so anyone can find theirs. */
export function languageCard(locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(
    locale,
    [heading(t('language.title')), paragraph(t('language.body'))],
    LOCALES.map((l) => executeAction(LOCALE_NAMES[l], VERBS.setLanguage, { locale: l })),
  );
}
