/** The languages Digipuls speaks. Bokmål first: it is the default for Norwegian municipalities. */
export const LOCALES = ['nb', 'nn', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Maps a BCP 47 tag as Teams and Entra ID send it ("nb-NO", "no", "nn-NO", "sv-FI", "en-US")
 * to one of our locales, or undefined when we do not speak it.
 */
export function localeFromTag(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  switch (primary) {
    case 'nb':
    case 'no':
      return 'nb';
    case 'nn':
      return 'nn';
    case 'sv':
      return 'sv';
    case 'en':
      return 'en';
    default:
      return undefined;
  }
}

/** Names of the languages in themselves, for language pickers. */
export const LOCALE_NAMES: Record<Locale, string> = {
  nb: 'Norsk (bokmål)',
  nn: 'Norsk (nynorsk)',
  sv: 'Svenska',
  en: 'English',
};
