import type { Locale } from '../core/locale.js';

/** The BCP 47 tag each of our locales is written with for dates (British English: day before month). */
const DATE_TAGS: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };

/**
 * A calendar day ('YYYY-MM-DD') as people write it in the locale: "14. mars 2025", "14 mars 2025",
 * "14 March 2025". The day is already the tenant's local day, so it is formatted as UTC to keep it.
 */
export function formatDay(day: string, locale: Locale): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(DATE_TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
