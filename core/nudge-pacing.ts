import { isQuietTime, localClock, type MessagingSettings } from './messaging-settings.js';
import type { NudgeRules } from './nudge-rules.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Why a nudge may not go to a person now. */
export type PacingBlock = 'paused' | 'weekend' | 'quiet-hours' | 'before-send-time' | 'weekly-cap' | 'prompt-day';

/** What pacing needs to know about one person at the moment of sending. */
export interface PacingState {
  /** They wrote «stopp» (or pressed "no more tips") and have not written «start» since. */
  paused: boolean;
  /** When their nudges of the last 7 days were sent (or claimed for sending). */
  recentNudges: readonly Date[];
  /** They got a prompt today (a survey question, reminder or nudge), or a survey prompt is waiting for them today. */
  promptDay: boolean;
}

/**
 * Whether a nudge may go to a person now, and if not, why. Nudges are the least urgent thing Digipuls
 * sends: never on weekends (whatever the tenant's setting for surveys), never in quiet hours, not before
 * the rules' send time, at most `perWeek` in any 7 days, and never on a day the person gets a survey
 * prompt. Returns null when it may go.
 */
export function pacingBlock(now: Date, settings: MessagingSettings, pacing: NudgeRules['pacing'], state: PacingState): PacingBlock | null {
  if (state.paused) return 'paused';
  const { minutes, weekday } = localClock(now, settings.timeZone);
  if (isQuietTime(now, { ...settings, weekendsQuiet: true })) return weekday === 0 || weekday === 6 ? 'weekend' : 'quiet-hours';
  if (minutes < minutesOf(pacing.sendFrom)) return 'before-send-time';
  const since = now.getTime() - WEEK_MS;
  if (state.recentNudges.filter((at) => at.getTime() > since).length >= pacing.perWeek) return 'weekly-cap';
  if (state.promptDay) return 'prompt-day';
  return null;
}

/** The start of the rolling week the cap counts: sends after this instant count against `perWeek`. */
export function capWindowStart(now: Date): Date {
  return new Date(now.getTime() - WEEK_MS);
}

const minutesOf = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
