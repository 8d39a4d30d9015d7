import type { Logger } from 'pino';
import type { Locale } from '../../core/locale.js';
import { localDay, type MessagingSettings } from '../../core/messaging-settings.js';
import { pacingBlock } from '../../core/nudge-pacing.js';
import type { NudgeRules } from '../../core/nudge-rules.js';
import type { ClaimedNudge, NudgeSchedule, NudgeStore } from '../../core/nudge-store.js';
import type { SendGate } from '../send-gate.js';
import { outcomeOfSendError } from '../surveys/send-outcome.js';
import type { SendCard } from '../surveys/survey-dispatch.js';

export interface NudgeDispatchDeps {
  rules: NudgeStore;
  schedule: NudgeSchedule;
  settings(tenantId: string): Promise<MessagingSettings>;
  /** The card of a claimed nudge in the person's language. */
  card(nudge: ClaimedNudge, locale: Locale): unknown;
  send: SendCard;
  defaultLocale: Locale;
  /** The tenant's gate every Bot Connector call of this process goes through (surveys and announcements too). */
  tenantGate?: (tenantId: string) => SendGate;
  logger: Logger;
}

export interface NudgeDispatchResult {
  sent: number;
  unreachable: number;
  /** Tenants whose nudges wait for a workday, the send time or the end of quiet hours. */
  waiting: number;
}

/** People claimed per query: a crash leaves at most this many "sending" (then taken as sent: never twice). */
const CLAIM_BATCH = 50;

/**
 * One pass of the nudge sender, as its job runs it every few minutes: per tenant with nudges on and
 * due, while pacing allows the time of day, claim one nudge per person who may get one today (the
 * weekly cap, «stopp» and a survey's day are checked as it is claimed) and send it through the tenant's
 * gate. A nudge is claimed before it is sent and marked after, so it never goes twice.
 */
export async function dispatchNudges(deps: NudgeDispatchDeps, now: Date): Promise<NudgeDispatchResult> {
  const result: NudgeDispatchResult = { sent: 0, unreachable: 0, waiting: 0 };
  const started = performance.now();
  const current = () => new Date(now.getTime() + (performance.now() - started));
  for (const tenantId of await deps.schedule.tenantsWithNudgesOn()) {
    const { rules, holdOutSeed } = await deps.rules.getRules(tenantId);
    if (!rules.enabled) continue;
    const settings = await deps.settings(tenantId);
    const open = () => pacingBlock(current(), settings, rules.pacing, { paused: false, recentNudges: [], promptDay: false }) === null;
    if (!open()) {
      result.waiting++;
      continue;
    }
    if (rules.announcementReminder.enabled) await planReminders(deps, tenantId, rules, holdOutSeed, current(), localDay(current(), settings.timeZone));
    const gate = deps.tenantGate?.(tenantId);
    let stop = false;
    while (!stop && open()) {
      const at = current();
      const today = localDay(at, settings.timeZone);
      const claimed = await deps.schedule.claimDue(tenantId, { now: at, today, perWeek: rules.pacing.perWeek, limit: CLAIM_BATCH });
      if (claimed.length === 0) break;
      for (const nudge of claimed) {
        if (stop || !open()) {
          stop = true;
          await deps.schedule.finish(nudge, 'retry', { now: current(), today });
          continue;
        }
        await gate?.pass();
        let outcome: 'sent' | 'retry' | 'unreachable' = 'sent';
        try {
          await deps.send(nudge.conversationReference, await deps.card(nudge, nudge.locale ?? deps.defaultLocale));
        } catch (error) {
          const failed = outcomeOfSendError(error);
          outcome = failed.outcome;
          stop = failed.stopRun;
          if ((error as { statusCode?: unknown } | null)?.statusCode === 429) gate?.throttled(undefined);
          deps.logger.warn({ err: error, outcome }, 'A nudge was not sent');
        } finally {
          gate?.answered();
        }
        await deps.schedule.finish(nudge, outcome, { now: current(), today });
        if (outcome === 'sent') result.sent++;
        if (outcome === 'unreachable') result.unreachable++;
      }
    }
  }
  return result;
}

/** Reminders planned per pass: a big announcement's unread are planned over a few passes. */
const REMINDER_BATCH = 5000;

/** One reminder for each unread announcement past the rule's days, to people outside the hold-out. */
async function planReminders(deps: NudgeDispatchDeps, tenantId: string, rules: NudgeRules, seed: string, now: Date, today: string): Promise<void> {
  const holdOut = { seed, percent: rules.holdOutPercent };
  const unread = await deps.schedule.unreadAnnouncements(tenantId, { now, afterDays: rules.announcementReminder.afterDays, limit: REMINDER_BATCH, holdOut });
  const planned = await deps.schedule.planReminders(tenantId, unread, today);
  if (planned > 0) deps.logger.info({ tenantId, planned }, 'Announcement reminders planned');
}
