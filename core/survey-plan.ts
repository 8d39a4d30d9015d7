import { z } from 'zod';

/** Rounds stay open between one day and two months. */
export const MAX_OPEN_DAYS = 60;
/** A schedule may not reach further than this many days ahead. */
const MAX_HORIZON_DAYS = 2 * 366;
const DAY_MS = 24 * 60 * 60 * 1000;

export const audienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('everyone') }),
  z.strictObject({ kind: z.literal('units'), unitIds: z.array(z.uuid({ error: 'unit ids are uuids' })).min(1, 'choose at least one unit').max(200) }),
  z.strictObject({ kind: z.literal('groups'), groupIds: z.array(z.uuid({ error: 'group ids are Entra object ids (uuids)' })).min(1, 'choose at least one group').max(50) }),
]);

const day = z.iso.date({ error: 'a date is YYYY-MM-DD' });

export const surveyScheduleSchema = z
  .strictObject({
    startsAt: z.iso.datetime({ offset: true, error: 'startsAt is an ISO 8601 date and time, e.g. 2026-12-01T09:00:00+01:00' }),
    openDays: z.number().int().min(1).max(MAX_OPEN_DAYS),
    recurrence: z.discriminatedUnion('every', [
      z.strictObject({ every: z.literal('once') }),
      z.strictObject({ every: z.enum(['week', 'month']), until: day }),
    ]),
    remindAfterDays: z.number().int().min(1).max(MAX_OPEN_DAYS - 1).nullable(),
  })
  .superRefine((schedule, ctx) => {
    if (schedule.remindAfterDays !== null && schedule.remindAfterDays >= schedule.openDays) {
      ctx.addIssue({ code: 'custom', path: ['remindAfterDays'], message: 'the reminder must come before the round closes (fewer days than openDays)' });
    }
    const start = new Date(schedule.startsAt).getTime();
    if (schedule.recurrence.every !== 'once') {
      const until = new Date(`${schedule.recurrence.until}T23:59:59Z`).getTime();
      if (until < start) ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: 'until must not be before startsAt' });
      if (until - start > MAX_HORIZON_DAYS * DAY_MS) ctx.addIssue({ code: 'custom', path: ['recurrence', 'until'], message: 'a recurring survey runs for at most two years' });
      if (schedule.recurrence.every === 'week' && schedule.openDays > 7) {
        ctx.addIssue({ code: 'custom', path: ['openDays'], message: 'a weekly round stays open at most 7 days, so rounds do not overlap' });
      }
      if (schedule.recurrence.every === 'month' && schedule.openDays > 28) {
        ctx.addIssue({ code: 'custom', path: ['openDays'], message: 'a monthly round stays open at most 28 days, so rounds do not overlap' });
      }
    }
  });

/** Whether a schedule's first round is further ahead than Digipuls plans. */
export function startsTooLate(schedule: { startsAt: string }, now: Date): boolean {
  return new Date(schedule.startsAt).getTime() - now.getTime() > MAX_HORIZON_DAYS * DAY_MS;
}
