import { z } from 'zod';

/**
 * A unit lead's choice of when the weekly digest comes: a workday and a time in the tenant's time zone,
 * or not at all. Limited to working hours on workdays: the digest is for reading at work, and a lead
 * should not find a work message in their chat on a Sunday evening because of a slip of the finger.
 */
export interface DigestPreferences {
  /** ISO weekday: 1 Monday … 5 Friday. */
  weekday: number;
  /** Local time HH:MM, 07:00–17:00. */
  time: string;
  enabled: boolean;
}

/** Monday morning, before the week's first meetings: when most leads plan their week. */
export const DEFAULT_DIGEST_PREFERENCES: DigestPreferences = { weekday: 1, time: '08:00', enabled: true };

export const DIGEST_EARLIEST = '07:00';
export const DIGEST_LATEST = '17:00';

// Aborts on a malformed time, so "8:00" gets one message, not also the range's.
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time is HH:MM (00:00–23:59)', abort: true });

export const digestPreferencesSchema = z.strictObject({
  weekday: z.number().int('a weekday is a whole number from 1 (Monday) to 5 (Friday)').min(1, 'a weekday from 1 (Monday) to 5 (Friday)').max(5, 'a weekday from 1 (Monday) to 5 (Friday)'),
  time: hhmm.refine((t) => t >= DIGEST_EARLIEST && t <= DIGEST_LATEST, `a time from ${DIGEST_EARLIEST} to ${DIGEST_LATEST}`),
  enabled: z.boolean(),
}) satisfies z.ZodType<DigestPreferences>;

/** Minutes after midnight of an HH:MM time. */
export const minutesOfTime = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
