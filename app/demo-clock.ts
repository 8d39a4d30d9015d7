import { localClock } from '../core/messaging-settings.js';

const DAY = 86_400_000;

/** The instant a wall-clock time (minutes after midnight) happens on a day in a time zone. */
export function wallClock(day: string, minutes: number, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  let instant = wall;
  // Guess the zone's offset, then correct it once (for a guess on the other side of a DST change).
  for (let i = 0; i < 2; i++) {
    const local = localClock(new Date(instant), timeZone);
    instant = wall - (Date.parse(`${local.day}T00:00:00Z`) + local.minutes * 60_000 - instant);
  }
  return new Date(instant);
}

/** A day (YYYY-MM-DD) `days` later (earlier when negative). */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Monday to Friday. */
export const isWeekday = (day: string): boolean => ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
