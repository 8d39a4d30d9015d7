import i18next, { type TFunction } from 'i18next';
import { LOCALES, type Locale } from '../core/locale.js';
import en from './locales/en.js';
import nb from './locales/nb.js';
import nn from './locales/nn.js';
import sv from './locales/sv.js';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, sv: { translation: sv }, en: { translation: en } },
  supportedLngs: [...LOCALES],
  fallbackLng: 'nb',
  // Cards are JSON, not HTML: nothing to escape, and escaping would show entities to staff.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/** The bot's strings in one language. */
export function botText(locale: Locale): TFunction {
  return i18n.getFixedT(locale);
}
