import assert from 'node:assert/strict';
import { nudgeEffectView } from '../../core/nudge-effect-view.js';
import { MEASURED_ON, runNudgeCohort } from '../support/nudge-cohort.js';
import { startTestStack, type TestStack } from '../support/stack.js';

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
      const { sent } = await runNudgeCohort(stack, { effect });
      assert.ok(sent > 200, `${sent} first tips sent`);
      const tenantId = stack.sim.tenantId;
      const cohort = await stack.app.nudges.schedule.cohortFigures(tenantId);
      const view = nudgeEffectView(cohort!, await stack.directory.listUnits(tenantId), stack.config.privacy.minGroupSize);
      assert.equal(view.measuredOn, MEASURED_ON);
      return { view, truth: stack.sim.nudges.truth(MEASURED_ON), sent };
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
