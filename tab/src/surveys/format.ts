import { useTranslation } from 'react-i18next';
import { useFormat } from '../adoption/format';
import type { RoundSummary, SurveySchedule, SurveySummary } from './types';

/** Dates, rates and schedules of surveys in the language shown. */
export function useSurveyFormat() {
  const { t, i18n } = useTranslation();
  const base = useFormat();
  const locale = i18n.language;
  // Rounds open and close at moments: shown in the reader's own time zone.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
  const day_ = (iso: string) => day.format(new Date(iso));

  /** "Once, opens 3 Mar 2025, open 7 days, reminder after 3 days", in words. */
  const schedule = (s: SurveySchedule) =>
    [
      s.recurrence.every === 'once'
        ? t('surveys.schedule.once', { date: moment.format(new Date(s.startsAt)) })
        : t(`surveys.schedule.${s.recurrence.every}`, { date: moment.format(new Date(s.startsAt)), until: base.date(s.recurrence.until) }),
      t('surveys.schedule.openDays', { count: s.openDays }),
      s.remindAfterDays === null ? t('surveys.schedule.noReminder') : t('surveys.schedule.reminder', { count: s.remindAfterDays }),
    ].join(' · ');

  const round = (r: Pick<RoundSummary, 'number' | 'opensAt' | 'closesAt' | 'closedAt'>) =>
    t('surveys.round', { n: r.number, from: day_(r.opensAt), to: day_(r.closedAt ?? r.closesAt) });

  return {
    ...base,
    day: day_,
    moment: (iso: string) => moment.format(new Date(iso)),
    mean: (value: number) => oneDecimal.format(value),
    enps: (value: number) => signed.format(Math.round(value)),
    schedule,
    round,
    status: (survey: Pick<SurveySummary, 'status' | 'closedEarlyAt'>) =>
      survey.closedEarlyAt ? t('surveys.status.closedEarly', { date: day_(survey.closedEarlyAt) }) : t(`surveys.status.${survey.status}`),
  };
}
