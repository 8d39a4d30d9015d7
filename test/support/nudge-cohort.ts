import assert from 'node:assert/strict';
import { ingestAdoptionFromGraph } from '../../app/adoption-ingest.js';
import { DEFAULT_NUDGE_RULES, type NudgeRules } from '../../core/nudge-rules.js';
import { openChats } from './chats.js';
import { silentProgress, type TestStack } from './stack.js';

/** The reports of Saturday 2 January 2027, read early on Monday the 4th; tips go out that morning. */
export const COHORT_DAY = '2027-01-02';
const MONDAY_INGEST = new Date('2027-01-04T04:45:00Z');
const MONDAY_TEN = new Date('2027-01-04T09:05:00Z');
/** Two weeks of reports later. */
export const MEASURED_ON = '2027-01-16';
const LATER_INGEST = new Date('2027-01-18T04:45:00Z');

/**
 * A nudge cohort as a municipality runs one: everyone has the app, nudges are turned on, the simulator
 * makes a tip raise the chance of starting Teams by `effect`; the reports of COHORT_DAY are ingested
 * (tips planned), the first tips go out on Monday morning, and the reports of MEASURED_ON measure it.
 * Returns how many tips went out.
 */
export async function runNudgeCohort(stack: TestStack, options: { effect: number; rules?: Partial<NudgeRules> }): Promise<{ sent: number }> {
  const { sim } = stack;
  const tenantId = sim.tenantId;
  sim.connector.configure({ tenantPerSecond: Number.POSITIVE_INFINITY });
  sim.nudges.setEffect(options.effect);
  await openChats(stack, (await stack.app.surveys.store.audiencePeople(tenantId, {})).map((p) => p.aadObjectId));
  // Teams tips only by default: an Engage invitation goes to people already on Teams, and is not what is measured.
  await stack.app.nudges.saveRules(tenantId, { ...DEFAULT_NUDGE_RULES, enabled: true, engageInvitation: { enabled: false }, ...options.rules });
  // A tenant's hold-out seed is random; here it is fixed, so a run's interval is the same every time (a 95 %
  // interval around no effect leaves 0 out in one run of twenty, which made the zero-effect test flaky).
  await stack.database.db.updateTable('nudge_rules').set({ hold_out_seed: 'nudge-cohort-test' }).where('tenant_id', '=', tenantId).execute();

  sim.setReportDate(COHORT_DAY);
  const begun = await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress, { nudges: stack.app.nudges.forIngestion(() => MONDAY_INGEST) });
  assert.equal(begun.nudges?.cohort, 'begun');
  const { sent } = await stack.app.nudges.runDue(MONDAY_TEN);

  sim.setReportDate(MEASURED_ON);
  const measured = await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress, { nudges: stack.app.nudges.forIngestion(() => LATER_INGEST) });
  assert.equal(measured.nudges?.cohort, 'measured');
  return { sent };
}
