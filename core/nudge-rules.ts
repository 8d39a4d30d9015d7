import { z } from 'zod';
import { TEAMS_TIPS, type TeamsTip } from './nudge-tips.js';

/**
 * A tenant's nudge rules, edited by the adoption admin in the tab. Nudges are off until an admin turns
 * them on: messaging staff is the municipality's decision, not a default.
 */
export interface NudgeRules {
  enabled: boolean;
  /** Inactive in Teams for `inactiveDays` → the tip series, one tip at a time. */
  teamsTips: { enabled: boolean; inactiveDays: number; tips: TeamsTip[] };
  /** Not active in Viva Engage during the report period → one invitation to the unit's community. */
  engageInvitation: { enabled: boolean };
  /** Has not read an announcement `afterDays` after it was sent → one reminder. */
  announcementReminder: { enabled: boolean; afterDays: number };
  /** New in the directory → the welcome sequence instead of the tip series. */
  welcome: { enabled: boolean };
  /** At most `perWeek` nudges per person in any 7 days, sent from `sendFrom` local time on workdays. */
  pacing: { perWeek: number; sendFrom: string };
  /** Share of staff (per cent, seeded per person) who never get a nudge, so the effect can be measured. */
  holdOutPercent: number;
  /** The effect of a cohort is measured on the first reports at least this many days after it began. */
  measureAfterDays: number;
}

export const DEFAULT_NUDGE_RULES: NudgeRules = {
  enabled: false,
  teamsTips: { enabled: true, inactiveDays: 30, tips: [...TEAMS_TIPS] },
  engageInvitation: { enabled: true },
  announcementReminder: { enabled: true, afterDays: 3 },
  welcome: { enabled: true },
  pacing: { perWeek: 1, sendFrom: '10:00' },
  holdOutPercent: 10,
  measureAfterDays: 14,
};

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM (00:00–23:59)');
const whole = (min: number, max: number) => z.number().int(`a whole number from ${min} to ${max}`).min(min).max(max);

export const nudgeRulesSchema = z.strictObject({
  enabled: z.boolean(),
  teamsTips: z.strictObject({
    enabled: z.boolean(),
    // The longest usage report covers 180 days; fewer than 7 would nudge people on holiday.
    inactiveDays: whole(7, 180),
    tips: z
      .array(z.enum(TEAMS_TIPS))
      .min(1, 'choose at least one tip')
      .refine((tips) => new Set(tips).size === tips.length, 'each tip at most once'),
  }),
  engageInvitation: z.strictObject({ enabled: z.boolean() }),
  announcementReminder: z.strictObject({ enabled: z.boolean(), afterDays: whole(1, 30) }),
  welcome: z.strictObject({ enabled: z.boolean() }),
  pacing: z.strictObject({ perWeek: whole(1, 3), sendFrom: hhmm }),
  // Above half, too few would get help; the measurement needs a hold-out of its own size to mean much.
  holdOutPercent: whole(0, 50),
  measureAfterDays: whole(7, 60),
}) satisfies z.ZodType<NudgeRules>;
