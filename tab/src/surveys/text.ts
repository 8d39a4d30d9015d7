import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../i18n';
import type { LocalizedText } from './types';

/** The locale the tab shows, as one of ours (i18next may report a region or a fallback). */
export function currentLocale(language: string): Locale {
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : 'nb';
}

/** A survey's text in the language shown; bokmål, then any language, where a text lacks it. */
export function pick(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale]?.trim() || text.nb?.trim() || LOCALES.map((l) => text[l]?.trim()).find(Boolean) || '';
}

/** `pick` in the language shown, for components. */
export function useLocalized(): { locale: Locale; pick: (text: LocalizedText | undefined) => string } {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  return { locale, pick: (text) => pick(text, locale) };
}
