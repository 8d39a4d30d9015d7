import type { SurveySchedule } from './survey-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a round that opens at `opensAt` closes and sends its reminder. */
export function roundTimes(opensAt: Date, schedule: SurveySchedule): { closesAt: Date; remindAt: Date | null } {
  const closesAt = new Date(opensAt.getTime() + schedule.openDays * DAY_MS);
  const remindAt = schedule.remindAfterDays === null ? null : new Date(opensAt.getTime() + schedule.remindAfterDays * DAY_MS);
  return { closesAt, remindAt: remindAt && remindAt < closesAt ? remindAt : null };
}

/**
 * When the round after the one opening at `opensAt` opens, or null when the schedule ends. Months keep
 * the day of the month where they can (31 January → 28/29 February → 31 March counts from the first round).
 */
export function nextRoundAt(first: Date, roundNumber: number, schedule: SurveySchedule): Date | null {
  const { recurrence } = schedule;
  if (recurrence.every === 'once') return null;
  let next: Date;
  if (recurrence.every === 'week') next = new Date(first.getTime() + roundNumber * 7 * DAY_MS);
  else {
    next = new Date(first);
    const day = first.getUTCDate();
    next.setUTCDate(1);
    next.setUTCMonth(first.getUTCMonth() + roundNumber);
    const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
    next.setUTCDate(Math.min(day, lastDay));
  }
  // `until` is a day: rounds may open on it, not after it.
  const until = new Date(`${recurrence.until}T23:59:59.999Z`);
  return next <= until ? next : null;
}
