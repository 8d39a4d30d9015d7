import { useTranslation } from 'react-i18next';

/** The name the directory gives people without a department (core's UNKNOWN_UNIT_NAME); shown translated. */
export const UNKNOWN_UNIT = 'Unknown unit';

/** Number, percent, date and unit-path formatting in the language shown. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale);
  // Report dates are calendar days (UTC), not moments: format them in UTC so no time zone shifts the day.
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const unitName = (name: string) => (name === UNKNOWN_UNIT ? t('adoption.unknownUnit') : name);
  return {
    percent: (value: number) => percent.format(value),
    number: (value: number) => number.format(value),
    date: (reportDate: string) => date.format(dayOf(reportDate)),
    unitName,
    unitPath: (path: readonly string[]) => path.map(unitName).join(' / '),
  };
}

/** A report date (YYYY-MM-DD) as midnight UTC. */
export const dayOf = (reportDate: string) => new Date(`${reportDate}T00:00:00Z`);
