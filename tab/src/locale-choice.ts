import { localeFromTag, type Locale } from './i18n';

const PICKED = 'digipuls.locale';

/** Where a language may come from, strongest first (null or undefined when that source says nothing). */
export interface LocaleSources {
  /** `?lang=` in the address. */
  url?: string | null;
  /** What the person picked in the header during this visit. */
  picked?: string | null;
  /** Teams' `app.locale`. */
  teams?: string | null;
  /** The person's saved language (`/api/v1/me`), once signed in. */
  saved?: string | null;
  /** The browser's languages, in order of preference. */
  browser?: readonly string[];
  /** The municipality's default (`/api/v1/auth-config`), once known. */
  fallback?: Locale;
}

/** The language to show: the first source that names one of nb, nn, sv, en; bokmål when none does. */
export function chooseLocale(sources: LocaleSources): Locale {
  const candidates = [sources.url, sources.picked, sources.teams, sources.saved, ...(sources.browser ?? [])];
  for (const tag of candidates) {
    const locale = localeFromTag(tag);
    if (locale) return locale;
  }
  return sources.fallback ?? 'nb';
}

/** The sources known when the page loads. */
export function initialSources(teamsLocale: string | undefined): LocaleSources {
  return {
    url: new URLSearchParams(window.location.search).get('lang'),
    picked: sessionStorage.getItem(PICKED),
    teams: teamsLocale,
    browser: navigator.languages?.length ? navigator.languages : [navigator.language],
  };
}

/**
 * Remembers a language picked in the header for this visit (it survives the round trip to the sign-in
 * page), and drops `?lang=` from the address so a reload keeps the pick.
 */
export function rememberPicked(locale: Locale): void {
  sessionStorage.setItem(PICKED, locale);
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.delete('lang');
    window.history.replaceState(null, '', url.toString());
  }
}
