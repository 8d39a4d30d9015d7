import { estimateEffect, type EffectEstimate } from './nudge-effect.js';
import type { CohortFigures } from './nudge-store.js';
import type { SuppressionReason } from './suppression.js';
import { rollUpUnits, type UnitRef } from './unit-rollup.js';
import { formatUnitPath, type Unit } from './units.js';

/** What the effect view shows for a group: counts of people, the shares and the estimate. */
export interface EffectFigures {
  /** Nudged arm: who qualified, who of them got a tip, who of them has been active since. */
  nudgedEligible: number;
  reached: number;
  nudgedStarted: number;
  /** Hold-out: who qualified, who of them has been active since. */
  heldOutEligible: number;
  heldOutStarted: number;
  /** Null when the cohort is not measured yet, or an arm had nobody. */
  estimate: EffectEstimate | null;
}

export interface EffectView {
  cohortDay: string;
  inactiveBefore: string;
  measuredOn: string | null;
  /** The municipality; null when too few qualified to show. */
  whole: EffectFigures | null;
  units: Array<UnitRef & { figures: EffectFigures | null; hidden: SuppressionReason | false }>;
}

interface Counts {
  nudgedEligible: number;
  nudgedStill: number;
  reached: number;
  heldOutEligible: number;
  heldOutStill: number;
}

const zero = (): Counts => ({ nudgedEligible: 0, nudgedStill: 0, reached: 0, heldOutEligible: 0, heldOutStill: 0 });

/**
 * The effect of the tips per unit (with its sub-units) and for the municipality. A group shows only
 * when the smaller of its arms' qualified staff is at least the minimum group size, with complementary
 * suppression, so no arm of a small group can be recovered by subtraction.
 */
export function nudgeEffectView(cohort: CohortFigures, units: readonly Unit[], minGroupSize: number): EffectView {
  const idOf = new Map(units.map((u) => [formatUnitPath(u.path), u.id] as const));
  const perUnit = new Map<string | null, Counts>();
  for (const row of cohort.arms) {
    const unitId = idOf.get(row.unitKey) ?? null;
    const counts = perUnit.get(unitId) ?? zero();
    if (row.arm === 'nudged') {
      counts.nudgedEligible += row.eligible;
      counts.nudgedStill += row.stillInactive ?? 0;
      counts.reached += row.reached ?? 0;
    } else {
      counts.heldOutEligible += row.eligible;
      counts.heldOutStill += row.stillInactive ?? 0;
    }
    perUnit.set(unitId, counts);
  }
  const rows = [...perUnit].map(([unitId, figures]) => ({ unitId, size: Math.min(figures.nudgedEligible, figures.heldOutEligible), figures }));
  const rollup = rollUpUnits(rows, units, minGroupSize, zero);
  const measured = cohort.measuredOn !== null;
  const show = (counts: Counts): EffectFigures => ({
    nudgedEligible: counts.nudgedEligible,
    reached: counts.reached,
    nudgedStarted: measured ? Math.max(0, counts.nudgedEligible - counts.nudgedStill) : 0,
    heldOutEligible: counts.heldOutEligible,
    heldOutStarted: measured ? Math.max(0, counts.heldOutEligible - counts.heldOutStill) : 0,
    estimate: measured
      ? estimateEffect({
          nudged: { eligible: counts.nudgedEligible, stillInactive: counts.nudgedStill, reached: counts.reached },
          heldOut: { eligible: counts.heldOutEligible, stillInactive: counts.heldOutStill },
        })
      : null,
  });
  return {
    cohortDay: cohort.cohortDay,
    inactiveBefore: cohort.inactiveBefore,
    measuredOn: cohort.measuredOn,
    whole: rollup.rootShown ? show(rollup.totals.get(null)!) : null,
    units: [...rollup.keys].sort(rollup.byPath).map((key) => {
      const hidden = rollup.hidden.get(key) ?? false;
      return { ...rollup.refOf(key), figures: hidden ? null : show(rollup.totals.get(key)!), hidden };
    }),
  };
}
