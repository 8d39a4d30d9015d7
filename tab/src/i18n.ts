import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en';
import nb from './locales/nb';
import nn from './locales/nn';
import sv from './locales/sv';

export const LOCALES = ['nb', 'nn', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_NAMES: Record<Locale, string> = { nb: 'Norsk (bokmål)', nn: 'Norsk (nynorsk)', sv: 'Svenska', en: 'English' };

/** Our locale for a BCP 47 tag ("nb-NO", "no", "sv-FI"), or undefined. */
export function localeFromTag(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'no' || primary === 'nb') return 'nb';
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : undefined;
}

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, sv: { translation: sv }, en: { translation: en } },
  lng: 'nb',
  fallbackLng: 'nb',
  // React escapes what it renders; escaping here too would show entities (&amp;) to people.
  interpolation: { escapeValue: false },
  returnObjects: true,
  initAsync: false,
});

/** Switches the language of the tab and of the document (screen readers read by <html lang>). */
export function setLanguage(locale: Locale): void {
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export default i18next;
