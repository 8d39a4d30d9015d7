import i18next, { type TFunction } from 'i18next';
import { LOCALES, type Locale } from '../core/locale.js';
import en from './locales/en.json' with { type: 'json' };
import nb from './locales/nb.json' with { type: 'json' };
import nn from './locales/nn.json' with { type: 'json' };
import sv from './locales/sv.json' with { type: 'json' };

/** The bot's texts per language, as translators edit them (bot/locales/*.json; glossary in design.md). */
export const BOT_RESOURCES: Record<Locale, Record<string, unknown>> = { nb, nn, sv, en };

const i18n = i18next.createInstance();
await i18n.init({
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: BOT_RESOURCES[l] }])),
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
