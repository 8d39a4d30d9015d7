import { localClock, zonedTime } from './messaging-settings.js';
import type { SurveySchedule } from './survey-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a round that opens at `opensAt` closes and sends its reminder. */
export function roundTimes(opensAt: Date, schedule: SurveySchedule): { closesAt: Date; remindAt: Date | null } {
  const closesAt = new Date(opensAt.getTime() + schedule.openDays * DAY_MS);
  const remindAt = schedule.remindAfterDays === null ? null : new Date(opensAt.getTime() + schedule.remindAfterDays * DAY_MS);
  return { closesAt, remindAt: remindAt && remindAt < closesAt ? remindAt : null };
}

/**
 * When round `roundNumber + 1` of a recurring survey opens, or null when the schedule has ended. Rounds
 * keep the first round's wall-clock time in the tenant's time zone (09:00 stays 09:00 across summer
 * time), and months keep its day of the month where they can (the 31st → 28/29 February → 31 March).
 */
export function nextRoundAt(first: Date, roundNumber: number, schedule: SurveySchedule, timeZone: string): Date | null {
  const { recurrence } = schedule;
  if (recurrence.every === 'once') return null;
  const { day, minutes } = localClock(first, timeZone);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  let next: Date;
  if (recurrence.every === 'week') next = new Date(Date.UTC(year, month - 1, date + roundNumber * 7));
  else {
    const lastDay = new Date(Date.UTC(year, month - 1 + roundNumber + 1, 0)).getUTCDate();
    next = new Date(Date.UTC(year, month - 1 + roundNumber, Math.min(date, lastDay)));
  }
  const nextDay = next.toISOString().slice(0, 10);
  // `until` is a day: rounds may open on it, not after it.
  return nextDay <= recurrence.until ? zonedTime(nextDay, minutes, timeZone) : null;
}
