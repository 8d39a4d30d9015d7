import type { PostUnitCounts } from './posts-elsewhere.js';
import type { SuppressionReason } from './suppression.js';
import { addInto, NO_UNIT, rollUpUnits, unitsWithin, type UnitRef, type UnitRow } from './unit-rollup.js';
import type { Unit } from './units.js';

/** Reactions, replies and the people behind them, for a unit with its sub-units or for the whole. */
export interface PostFigures {
  reactions: number;
  replies: number;
  people: number;
}

/** A unit's figures, or only why they are hidden. */
export type PostUnitFigures = UnitRef & ({ figures: PostFigures } | { hidden: SuppressionReason });

export interface ChannelPostReach {
  /** Everyone; null when the staff are fewer than the group size. */
  whole: PostFigures | null;
  /** Shown units by path, then hidden ones by path. */
  units: PostUnitFigures[];
}

const zero = (): PostFigures => ({ reactions: 0, replies: 0, people: 0 });

/**
 * A channel post's reactions and replies per unit as they may be shown: each unit with its sub-units,
 * suppressed by the unit's staff (the group the figures are about) with the same rules as the funnel
 * (core/unit-rollup.ts). People in no known unit are a group of their own whose size is taken as the
 * larger of the staff placed there and the people counted there (those outside the directory have no
 * other count), so it is never thought larger than it could be.
 */
export function channelPostReach(input: { counts: readonly PostUnitCounts[]; staff: ReadonlyArray<{ unitId: string | null; staff: number }>; units: readonly Unit[]; minGroupSize: number }): ChannelPostReach {
  const known = new Set(input.units.map((u) => u.id));
  const outside = (unitId: string | null) => unitId === null || !known.has(unitId);
  const rows: Array<UnitRow<PostFigures>> = [
    ...input.staff.map((s) => ({ unitId: s.unitId, size: s.staff, figures: zero() })),
    ...input.counts.map(({ unitId, ...figures }) => ({ unitId, size: 0, figures })),
  ];
  const staffOutside = input.staff.filter((s) => outside(s.unitId)).reduce((sum, s) => sum + s.staff, 0);
  const peopleOutside = input.counts.filter((c) => outside(c.unitId)).reduce((sum, c) => sum + c.people, 0);
  if (peopleOutside > staffOutside) rows.push({ unitId: null, size: peopleOutside - staffOutside, figures: zero() });

  const { keys, totals, hidden, rootShown, refOf, byPath } = rollUpUnits(rows, input.units, input.minGroupSize, zero);
  const shown = keys.filter((k) => !hidden.has(k)).sort(byPath);
  const order = [...shown, ...keys.filter((k) => hidden.has(k)).sort(byPath)];
  return {
    whole: rootShown ? totals.get(null)! : null,
    units: order.map((key) => {
      const reason = hidden.get(key);
      return reason ? { ...refOf(key), hidden: reason } : { ...refOf(key), figures: totals.get(key)! };
    }),
  };
}

/** What a unit lead sees: their units with sub-units, and as the whole the sum of their own units when all are shown. */
export function channelPostReachWithin(reach: ChannelPostReach, roots: ReadonlyArray<readonly string[]>): ChannelPostReach {
  const { units, tops } = unitsWithin(reach.units, roots);
  const whole =
    tops.length > 0 && tops.every((u) => 'figures' in u)
      ? tops.reduce<PostFigures>((sum, u) => addInto(sum, (u as { figures: PostFigures }).figures), zero())
      : null;
  return { whole, units };
}

export { NO_UNIT };
