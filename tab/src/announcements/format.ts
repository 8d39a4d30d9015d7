import { useTranslation } from 'react-i18next';
import { useSurveyFormat } from '../surveys/format';
import type { AnnouncementStatus } from './types';

/** Times, rates and durations of the reach page in the language shown. */
export function useReachFormat() {
  const { t, i18n } = useTranslation();
  const base = useSurveyFormat();
  const rate = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const hour = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  /** "about 3 min", "about 1 h 20 min", "less than a minute": an estimate, said as one. */
  const timeLeft = (seconds: number | null) => {
    if (seconds === null) return t('announcements.progress.unknownLeft');
    if (seconds < 60) return t('announcements.progress.underMinute');
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return t('announcements.progress.minutes', { count: minutes });
    return t('announcements.progress.hours', { count: Math.floor(minutes / 60), minutes: minutes % 60 });
  };
  /** A share of the targeted, or a dash when nobody was targeted. */
  const share = (count: number, of: number) => (of > 0 ? base.percent(count / of) : '–');
  return {
    ...base,
    rate: (perSecond: number) => rate.format(perSecond),
    timeLeft,
    share,
    hour: (iso: string) => hour.format(new Date(iso)),
    status: (status: AnnouncementStatus) => t(`announcements.status.${status}`),
  };
}
