import { localClock } from './messaging-settings.js';
import { minutesOfTime, type DigestPreferences } from './digest-preferences.js';

/**
 * The ISO week (e.g. "2026-W49") a local day (YYYY-MM-DD) belongs to: the key of "once per lead per
 * week". ISO weeks begin on Monday and belong to the year of their Thursday.
 */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  const thursday = new Date(date.getTime() + (4 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Where "now" falls for the digest: the local ISO weekday (1 Monday … 7 Sunday), minutes after midnight, day and ISO week. */
export function digestClock(now: Date, timeZone: string): { weekday: number; minutes: number; day: string; week: string } {
  const { day, minutes, weekday } = localClock(now, timeZone);
  return { weekday: weekday === 0 ? 7 : weekday, minutes, day, week: isoWeekOf(day) };
}

/**
 * Whether a lead's digest may go now: it is turned on, it is their weekday in the tenant's time zone and
 * their time has come. The rest of that day still counts (a pass that ran late, or a server that was
 * down at 08:00, sends at the next pass); the next day does not, so a digest never arrives on a day the
 * lead did not choose. Whether it already went this week is the store's part (one row per ISO week).
 */
export function digestDue(now: Date, timeZone: string, preferences: DigestPreferences): boolean {
  if (!preferences.enabled) return false;
  const clock = digestClock(now, timeZone);
  return clock.weekday === preferences.weekday && clock.minutes >= minutesOfTime(preferences.time);
}
