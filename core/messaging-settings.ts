import { z } from 'zod';

/** When Digipuls may put a prompt in front of staff: per tenant, in its own time zone. */
export interface MessagingSettings {
  timeZone: string;
  /** No prompts from `start` to `end` (local HH:MM); `start` after `end` spans midnight. */
  quietHours: { start: string; end: string };
  /** No prompts on Saturdays and Sundays. */
  weekendsQuiet: boolean;
}

export const DEFAULT_MESSAGING_SETTINGS: MessagingSettings = {
  timeZone: 'Europe/Oslo',
  quietHours: { start: '17:00', end: '08:00' },
  weekendsQuiet: true,
};

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM (00:00–23:59)');

export const messagingSettingsSchema = z.strictObject({
  timeZone: z
    .string()
    .refine(isTimeZone, 'an IANA time zone such as Europe/Oslo or Europe/Stockholm')
    // Stored as the zone's own spelling ("europe/oslo" → "Europe/Oslo").
    .transform((zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone),
  quietHours: z.strictObject({ start: hhmm, end: hhmm }),
  weekendsQuiet: z.boolean(),
});

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in a time zone: the day (YYYY-MM-DD), minutes after midnight and weekday (0 Sunday). */
export function localClock(now: Date, timeZone: string): { day: string; minutes: number; weekday: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
  return { day: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute), weekday };
}

/** The day it is in the tenant's time zone: what answers and prompts are stamped with. */
export function localDay(now: Date, timeZone: string): string {
  return localClock(now, timeZone).day;
}

const minutesOf = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/** Whether staff must not be prompted now: inside quiet hours, or on a weekend when weekends are quiet. */
export function isQuietTime(now: Date, settings: MessagingSettings): boolean {
  const { minutes, weekday } = localClock(now, settings.timeZone);
  if (settings.weekendsQuiet && (weekday === 0 || weekday === 6)) return true;
  const start = minutesOf(settings.quietHours.start);
  const end = minutesOf(settings.quietHours.end);
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** The instant a wall-clock time (day YYYY-MM-DD, minutes after midnight) happens in a time zone. */
export function zonedTime(day: string, minutes: number, timeZone: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  // The zone's offset at a guess, corrected once more for a guess on the other side of a DST change.
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

function offsetAt(instant: number, timeZone: string): number {
  const { day, minutes } = localClock(new Date(instant), timeZone);
  const seconds = new Date(instant).getUTCSeconds() * 1000 + new Date(instant).getUTCMilliseconds();
  return Date.parse(`${day}T00:00:00Z`) + minutes * 60_000 + seconds - instant;
}
