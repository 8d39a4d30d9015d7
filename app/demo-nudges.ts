import type { Logger } from 'pino';
import type { ReportPeriod } from '../core/adoption.js';
import { DEFAULT_NUDGE_RULES } from '../core/nudge-rules.js';
import type { Simulator } from '../sim/index.js';
import { ingestAdoptionFromGraph } from './adoption-ingest.js';
import { addDays, isWeekday, wallClock } from './demo-clock.js';
import { NUDGE_DISPATCH_QUEUE, registerNudgeJobs } from './nudges/nudge-jobs.js';
import { logProgress } from './progress.js';
import type { Digipuls } from './start.js';

/** The simulator's nudge effect in the demo unless `--nudge-effect` says otherwise: a tip makes starting Teams 15 points likelier. */
export const DEMO_NUDGE_EFFECT = 0.15;

/** Share of tips under which simulated staff press "this helped" or "not for me", so the feedback per tip has figures. */
export const DEMO_TIP_FEEDBACK_SHARE = 0.3;

/** What the tips' history left in the demo. */
export interface NudgeHistory {
  /** The report day the cohort began on, and the one it was measured on. */
  cohortDay: string;
  measuredOn: string;
  /** Tips planned when the cohort began (a series per person), and tips sent in its first week. */
  planned: number;
  sent: number;
  seconds: number;
}

/**
 * Turns tips on in the demo tenant with the default rules (a 10 % hold-out, at most one a week, from
 * 10:00 on workdays) while it has no cohort yet. Once one has begun (an earlier run, its data folder
 * kept), the rules stand as they are, whatever an admin made of them. True when turned on now.
 */
export async function nudgesOnForDemo(app: Digipuls, tenantId: string): Promise<boolean> {
  if (await hasNudgeHistory(app, tenantId)) return false;
  await app.nudges.saveRules(tenantId, { ...DEFAULT_NUDGE_RULES, enabled: true });
  return true;
}

/** Whether the tenant has a cohort of tips from an earlier run of the demo (its data folder is kept). */
export async function hasNudgeHistory(app: Digipuls, tenantId: string): Promise<boolean> {
  return (await app.nudges.schedule.openCohort(tenantId)) !== null;
}

/**
 * The tips' first cohort, begun and measured in the past through the real ingestion and sender, so the
 * effect view has figures: the simulator's reports are set back to a cohort day measureAfterDays + 3
 * days before `reportDate`; the morning ingestion two days later (reports lag 48 h) plans the tips; the
 * sender's pass runs at the send time on each workday of that week (the report date following, two
 * days behind, so each tip's nudge day is the simulator's as it would be then); then the reports of
 * `reportDate` are read again, with nudges, now, which measures the cohort. Adoption snapshots already
 * stored for `trendDates` after the cohort day are read again, so the trend shows what the tips did.
 *
 * Needs tips turned on and the staff's chats (openStaffChats), and nobody else moving the simulator's
 * report date meanwhile; it is set back to `reportDate` at the end. The live sender rests meanwhile.
 */
export async function loadNudgeHistory(
  app: Digipuls,
  sim: Simulator,
  options: { reportDate: string; periods: readonly ReportPeriod[]; trendDates?: readonly string[]; logger: Logger; now?: Date },
): Promise<NudgeHistory> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const { tenantId } = sim;
  const { rules } = await app.nudges.getRules(tenantId);
  if (!rules.enabled) throw new Error('The tips history needs tips turned on in the demo tenant');
  const { timeZone } = await app.surveys.store.messagingSettings(tenantId);
  const cohortDay = addDays(options.reportDate, -(rules.measureAfterDays + 3));
  const readDay = addDays(cohortDay, 2);
  const sendMinutes = Number(rules.pacing.sendFrom.slice(0, 2)) * 60 + Number(rules.pacing.sendFrom.slice(3, 5)) + 5;
  const passes = Array.from({ length: 7 }, (_, i) => addDays(readDay, i))
    .filter(isWeekday)
    .map((day) => ({ reportDate: addDays(day, -2), at: wallClock(day, sendMinutes, timeZone) }))
    .filter((pass) => pass.at < now);
  const ingest = (periods: readonly ReportPeriod[], at?: Date) =>
    ingestAdoptionFromGraph(app.config, app.adoption, logProgress(options.logger), { periods, ...(at ? { nudges: app.nudges.forIngestion(() => at) } : {}) });

  // The every-five-minutes job works with the real clock; while the past is written with another, it rests.
  await app.database.jobs.offWork(NUDGE_DISPATCH_QUEUE);
  try {
    sim.setReportDate(cohortDay);
    const begun = await ingest(['D30'], wallClock(readDay, 5 * 60 + 45, timeZone));
    if (begun.nudges?.cohort !== 'begun') throw new Error(`The tips' cohort did not begin on ${cohortDay}: ${JSON.stringify(begun.nudges)}`);
    let sent = 0;
    for (const pass of passes) {
      sim.setReportDate(pass.reportDate);
      // A pass stops at a throttle it could not ride out; the next one (as the job's next run) goes on.
      for (let tries = 0; tries < 5; tries++) {
        const result = await app.nudges.runDue(pass.at);
        sent += result.sent;
        if (result.sent === 0) break;
      }
    }
    for (const day of options.trendDates ?? []) {
      if (day <= cohortDay || day >= options.reportDate) continue;
      sim.setReportDate(day);
      await ingest(['D30']);
    }
    sim.setReportDate(options.reportDate);
    const measured = await ingest(options.periods, now);
    if (measured.nudges?.cohort !== 'measured') throw new Error(`The tips' cohort of ${cohortDay} was not measured on ${options.reportDate}: ${JSON.stringify(measured.nudges)}`);
    return { cohortDay, measuredOn: options.reportDate, planned: begun.nudges.planned, sent, seconds: (Date.now() - started) / 1000 };
  } finally {
    sim.setReportDate(options.reportDate);
    await registerNudgeJobs(app.database, app.nudges, app.config.nudges.dispatchCron, options.logger);
  }
}
