import assert from 'node:assert/strict';
import { ingestAdoptionFromGraph } from '../../app/adoption-ingest.js';
import { nudgeEffectView } from '../../core/nudge-effect-view.js';
import { DEFAULT_NUDGE_RULES } from '../../core/nudge-rules.js';
import { openChats } from '../support/chats.js';
import { silentProgress, startTestStack, type TestStack } from '../support/stack.js';

/** The reports of Saturday 2 January 2027, read early on Monday the 4th; tips go out that morning. */
const T0 = '2027-01-02';
const MONDAY_INGEST = new Date('2027-01-04T04:45:00Z');
const MONDAY_TEN = new Date('2027-01-04T09:05:00Z');
/** Two weeks of reports later. */
const T1 = '2027-01-16';
const LATER_INGEST = new Date('2027-01-18T04:45:00Z');

/**
 * The whole measurement as a municipality runs it: the simulator makes the tips raise the chance of
 * starting to use Teams by a known number of points; Digipuls plans tips at ingestion, sends them,
 * and reads the next reports, counting per unit and arm only.
 */
describe('the effect of tips, measured end to end against a known effect', function () {
  this.timeout(180_000);

  const measure = async (effect: number) => {
    let stack: TestStack | undefined;
    try {
      stack = await startTestStack({ staff: 2000, env: { ANNOUNCEMENT_SEND_CEILING: '1000' } });
      const { sim } = stack;
      const tenantId = sim.tenantId;
      sim.connector.configure({ tenantPerSecond: Number.POSITIVE_INFINITY });
      sim.nudges.setEffect(effect);
      await openChats(stack, (await stack.app.surveys.store.audiencePeople(tenantId, {})).map((p) => p.aadObjectId));
      // Teams tips only: an Engage invitation goes to people already on Teams, and is not what is measured here.
      await stack.app.nudges.saveRules(tenantId, { ...DEFAULT_NUDGE_RULES, enabled: true, engageInvitation: { enabled: false } });

      sim.setReportDate(T0);
      const begun = await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress, { nudges: stack.app.nudges.forIngestion(() => MONDAY_INGEST) });
      assert.equal(begun.nudges?.cohort, 'begun');
      const sent = await stack.app.nudges.runDue(MONDAY_TEN);
      assert.ok(sent.sent > 200, `${sent.sent} first tips sent`);

      sim.setReportDate(T1);
      const measured = await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress, { nudges: stack.app.nudges.forIngestion(() => LATER_INGEST) });
      assert.equal(measured.nudges?.cohort, 'measured');
      const cohort = await stack.app.nudges.schedule.cohortFigures(tenantId);
      const view = nudgeEffectView(cohort!, await stack.directory.listUnits(tenantId), stack.config.privacy.minGroupSize);
      assert.equal(view.measuredOn, T1);
      return { view, truth: sim.nudges.truth(T1), sent: sent.sent };
    } finally {
      await stack?.close();
    }
  };

  it('reports a +15 point effect within its own interval, and tells it from none', async () => {
    const { view, truth, sent } = await measure(0.15);
    const estimate = view.whole!.estimate!;
    // Digipuls counted as reached exactly those the simulator saw a tip reach.
    assert.equal(view.whole!.reached, sent);
    assert.equal(truth.nudged, sent);
    assert.ok(Math.abs(truth.realizedEffect - 0.15) < 0.02, `the simulator made ${truth.realizedEffect}`);
    assert.ok(estimate.low <= 0.15 && 0.15 <= estimate.high, `0.15 outside [${estimate.low}, ${estimate.high}]`);
    assert.ok(estimate.low <= truth.realizedEffect && truth.realizedEffect <= estimate.high);
    assert.equal(estimate.significant, true, `[${estimate.low}, ${estimate.high}] holds 0`);
    // Per unit, only groups whose smaller arm has enough people who qualified show at all.
    for (const unit of view.units) if (unit.figures) assert.ok(Math.min(unit.figures.nudgedEligible, unit.figures.heldOutEligible) >= 5);
  });

  it('reports no effect when the tips change nothing', async () => {
    const { view, truth } = await measure(0);
    const estimate = view.whole!.estimate!;
    assert.equal(truth.converted, 0);
    assert.ok(estimate.low <= 0 && 0 <= estimate.high, `0 outside [${estimate.low}, ${estimate.high}]`);
    assert.equal(estimate.significant, false);
  });
});
