import assert from 'node:assert/strict';
import { ingestAdoptionFromGraph } from '../../app/adoption-ingest.js';
import { hasNudgeHistory, loadNudgeHistory, nudgesOnForDemo, type NudgeHistory } from '../../app/demo-nudges.js';
import { openStaffChats } from '../../app/demo-staff.js';
import { createLogger } from '../../app/logger.js';
import type { EffectView } from '../../core/nudge-effect-view.js';
import { DEFAULT_NUDGE_RULES } from '../../core/nudge-rules.js';
import { silentProgress, startTestStack, type TestStack } from '../support/stack.js';

/** Wednesday 25 November 2026, 12:00 in Oslo; the newest reports are those of Monday the 23rd. */
const NOW = new Date('2026-11-25T11:00:00Z');
const REPORT_DATE = '2026-11-23';
/** The weekly snapshots the demo's adoption history stores before the tips' history runs. */
const TREND_DATES = ['2026-11-16', '2026-11-09', '2026-11-02'];

interface EffectResponse {
  cohort: EffectView | null;
  tips: Array<{ tip: string; answers: number | null }>;
}

describe('demo: a measured cohort of tips', function () {
  this.timeout(120_000);
  let stack: TestStack;
  let history: NudgeHistory;
  /** People active in Teams in the weekly snapshot after the tips went out, as first stored. */
  let trendBefore: number | undefined;
  const tenant = () => stack.sim.tenantId;

  /** GET /api/v1/nudges/effect as the demo's adoption admin, Eirik Aune. */
  async function effect(): Promise<EffectResponse> {
    const admin = stack.sim.municipality.demoPersons.admin;
    const response = await fetch(`${stack.url}/api/v1/nudges/effect`, { headers: { authorization: `Bearer ${await stack.sim.issueUserToken(admin.id)}` } });
    assert.equal(response.status, 200);
    return (await response.json()) as EffectResponse;
  }
  const teamsActive = async (day: string) => (await stack.app.adoption.getSnapshot(tenant(), 'D30', day))?.tenant?.active.teams;

  before(async () => {
    stack = await startTestStack({ staff: 300 });
    const { sim, app } = stack;
    sim.nudges.setEffect(0.15);
    // As the demo starts: this week's reports, the weekly trend, everyone's chat with the bot; then tips on.
    for (const day of [...TREND_DATES, REPORT_DATE]) {
      sim.setReportDate(day);
      await ingestAdoptionFromGraph(stack.config, app.adoption, silentProgress, { periods: day === REPORT_DATE ? ['D7', 'D30', 'D90'] : ['D30'] });
    }
    trendBefore = await teamsActive('2026-11-16');
    await openStaffChats(app, sim);
    assert.equal(await nudgesOnForDemo(app, tenant()), true);
    history = await loadNudgeHistory(app, sim, { reportDate: REPORT_DATE, periods: ['D7', 'D30', 'D90'], trendDates: TREND_DATES, logger: createLogger(stack.config), now: NOW });
  });
  after(() => stack?.close());

  it('begins the cohort 17 days before the newest reports and sends each person at most one tip, in the week the reports of then were read', () => {
    assert.equal(history.cohortDay, '2026-11-06');
    assert.equal(history.measuredOn, REPORT_DATE);
    const receipts = stack.sim.nudges.receipts();
    assert.ok(history.sent > 50, `sent ${history.sent}`);
    assert.equal([...receipts.values()].flat().length, history.sent);
    assert.ok([...receipts.values()].every((r) => r.length === 1), 'at most one tip a week');
    // Read on Sunday 8 November; passes at 10:05 Monday to Friday, each stamped with the report date two days behind.
    const days = new Set([...receipts.values()].map((r) => r[0]!.day));
    assert.ok([...days].every((d) => d >= '2026-11-07' && d <= '2026-11-11'), [...days].join(', '));
    const demo = Object.values(stack.sim.municipality.demoPersons).map((p) => p.id);
    assert.ok(demo.every((id) => !receipts.has(id)), 'the demo people have no chat until someone opens the Playground as them');
    assert.equal(stack.sim.reports.reportDate, REPORT_DATE, 'the simulator is back on the newest reports');
  });

  it('shows the adoption admin the cohort measured, with a visible effect of the tips, and the trend counts those they got started', async () => {
    const { cohort } = await effect();
    assert.equal(cohort?.cohortDay, '2026-11-06');
    assert.equal(cohort.measuredOn, REPORT_DATE);
    const whole = cohort.whole;
    assert.ok(whole?.estimate, `the municipality's effect is shown: ${JSON.stringify(whole)}`);
    assert.ok(whole.reached > 0.9 * whole.nudgedEligible, 'nearly everyone qualifying in the nudged arm got a tip');
    // The simulator made a tip worth 15 points; few start on their own within weeks.
    assert.ok(whole.estimate.nudgedShare >= 0.1, `nudged share ${whole.estimate.nudgedShare}`);
    assert.ok(whole.estimate.low < whole.estimate.effect && whole.estimate.effect < whole.estimate.high);
    // The weekly snapshot after the tips went out was read again: more on Teams than the demo first stored.
    assert.ok(stack.sim.nudges.truth('2026-11-16').converted > 0);
    assert.ok((await teamsActive('2026-11-16'))! > trendBefore!, `${trendBefore} → ${await teamsActive('2026-11-16')}`);
  });

  it('leaves the live sender and the daily ingestion working: next Thursday at 10:05 the next tips go out, and reading the reports again measures the same cohort', async () => {
    const { app, sim } = stack;
    const before = await effect();
    const receipts = [...sim.nudges.receipts().values()].flat().length;
    const next = await app.nudges.runDue(new Date('2026-11-26T09:05:00Z'));
    assert.ok(next.sent > 0, 'the series goes on for those still not on Teams');
    const later = [...sim.nudges.receipts().values()].flat().filter((r) => r.day === REPORT_DATE);
    assert.equal(later.length, next.sent, 'tips sent now count from the newest report date: the reports already read stay as they are');
    assert.equal([...sim.nudges.receipts().values()].flat().length, receipts + next.sent);

    const daily = await ingestAdoptionFromGraph(stack.config, app.adoption, silentProgress, { nudges: app.nudges.forIngestion(() => new Date('2026-11-26T04:45:00Z')) });
    assert.equal(daily.nudges?.cohort, 'measured');
    const after = await effect();
    const counts = (r: EffectResponse) => {
      const w = r.cohort?.whole;
      return { cohortDay: r.cohort?.cohortDay, measuredOn: r.cohort?.measuredOn, eligible: [w?.nudgedEligible, w?.heldOutEligible], started: [w?.nudgedStarted, w?.heldOutStarted] };
    };
    assert.deepEqual(counts(after), counts(before));
  });

  it('turns tips on only for a tenant without a cohort: a kept demo keeps what its admin chose', async () => {
    assert.equal(await hasNudgeHistory(stack.app, tenant()), true);
    await stack.app.nudges.saveRules(tenant(), { ...DEFAULT_NUDGE_RULES, enabled: false });
    assert.equal(await nudgesOnForDemo(stack.app, tenant()), false);
    assert.equal((await stack.app.nudges.getRules(tenant())).rules.enabled, false);
  });
});
