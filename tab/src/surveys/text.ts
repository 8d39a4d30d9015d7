import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../i18n';
import type { LocalizedText, SurveySummary } from './types';

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

/** Who a survey goes to, in words: the server names units (and lists group ids); "everyone" is said here. */
export function useAudienceText(): (survey: Pick<SurveySummary, 'audience' | 'audienceLabel'>) => string {
  const { t } = useTranslation();
  return (survey) => {
    if (survey.audience.kind === 'everyone') return t('surveys.audience.everyone');
    if (survey.audience.kind === 'groups') return t('surveys.audience.groupsLabel', { count: survey.audience.groupIds.length, ids: survey.audienceLabel });
    return survey.audienceLabel;
  };
}
