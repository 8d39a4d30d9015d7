import type { UnitReachCounts } from './announcement-store.js';
import type { SuppressionReason } from './suppression.js';
import { shareOf, type TeamsShares } from './teams-share.js';
import { NO_UNIT, rollUpUnits, unitsWithin, type UnitRef } from './unit-rollup.js';
import type { Unit } from './units.js';

export { NO_UNIT, type UnitRef } from './unit-rollup.js';

/** Each stage of the funnel in people; `onTeams` is an estimate from adoption data, null without it. */
export interface Funnel {
  targeted: number;
  onTeams: number | null;
  delivered: number;
  read: number;
  acknowledged: number;
  clicked: number;
}

/** A unit with its funnel (it and its sub-units), or only why it is hidden. */
export type UnitFunnel = UnitRef & ({ funnel: Funnel } | { hidden: SuppressionReason });

/** Why people in a unit were not reached: not on Teams (estimate), delivery failed, not reachable, not read after N days. */
export type UnreachedUnit = UnitRef & ({ notOnTeams: number | null; failed: number; unreachable: number; notRead: number } | { hidden: SuppressionReason });

export interface AnnouncementReach {
  /** 'none-yet': no read receipt at all, so "read" is unknown rather than zero. */
  readReceipts: 'seen' | 'none-yet';
  /** The whole audience; null when it is smaller than the group size. */
  municipality: Funnel | null;
  /** Least reached first (delivered, then read, as shares of the targeted); hidden units after, by path. */
  units: UnitFunnel[];
  /** The same units in the same order, without recipients outside any unit (there is nobody to brief them). */
  unreached: UnreachedUnit[];
}

type Totals = Omit<UnitReachCounts, 'unitId'>;
const zero = (): Totals => ({ targeted: 0, delivered: 0, read: 0, acknowledged: 0, clicked: 0, failed: 0, unreachable: 0, notRead: 0 });

/**
 * An announcement's reach per unit as it may be shown. Each unit's figures are it with its sub-units;
 * a unit with fewer than `minGroupSize` recipients is hidden and counted only in the units above it,
 * and complementary suppression (core/suppression.ts, on recipients) hides a sibling too where the
 * parent minus its shown children would give a small group away. "On Teams" is the unit's Teams
 * active share from the latest adoption snapshot times its recipients: Digipuls keeps no per-person
 * usage, so it is an estimate, and null without adoption data.
 */
export function announcementReach(input: {
  counts: readonly UnitReachCounts[];
  units: readonly Unit[];
  minGroupSize: number;
  teams?: TeamsShares | null;
}): AnnouncementReach {
  const rows = input.counts.map(({ unitId, ...figures }) => ({ unitId, size: figures.targeted, figures }));
  const { keys, totals, hidden, rootShown, parentOf, ancestry, refOf, byPath } = rollUpUnits<Totals>(rows, input.units, input.minGroupSize, zero);

  const funnelOf = (key: string | null): Funnel => {
    const t = totals.get(key) ?? zero();
    return { targeted: t.targeted, onTeams: onTeamsOf(key, t.targeted), delivered: t.delivered, read: t.read, acknowledged: t.acknowledged, clicked: t.clicked };
  };
  const onTeamsOf = (key: string | null, targeted: number): number | null => {
    if (!input.teams) return null;
    if (key !== null) {
      const share = shareOf(input.teams, key === NO_UNIT ? [] : ancestry(key));
      return share === null ? null : Math.round(targeted * share);
    }
    // The whole audience: each top-level unit by its own share, as an audience may be one sector only.
    let sum = 0;
    for (const top of keys.filter((k) => parentOf(k) === null)) {
      const share = shareOf(input.teams, top === NO_UNIT ? [] : [top]);
      if (share === null) return null;
      sum += totals.get(top)!.targeted * share;
    }
    return Math.round(sum);
  };

  const shown = keys.filter((k) => !hidden.has(k));
  const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
  shown.sort((a, b) => {
    const x = totals.get(a)!;
    const y = totals.get(b)!;
    return share(x.delivered, x.targeted) - share(y.delivered, y.targeted) || share(x.read, x.targeted) - share(y.read, y.targeted) || byPath(a, b);
  });
  const order = [...shown, ...keys.filter((k) => hidden.has(k)).sort(byPath)];

  const units: UnitFunnel[] = order.map((key) => {
    const reason = hidden.get(key);
    return reason ? { ...refOf(key), hidden: reason } : { ...refOf(key), funnel: funnelOf(key) };
  });
  const unreached: UnreachedUnit[] = order
    .filter((key) => key !== NO_UNIT)
    .map((key) => {
      const reason = hidden.get(key);
      if (reason) return { ...refOf(key), hidden: reason };
      const t = totals.get(key)!;
      const onTeams = funnelOf(key).onTeams;
      return { ...refOf(key), notOnTeams: onTeams === null ? null : Math.max(0, t.targeted - onTeams), failed: t.failed, unreachable: t.unreachable, notRead: t.notRead };
    });
  return {
    readReceipts: (totals.get(null)?.read ?? 0) > 0 ? 'seen' : 'none-yet',
    municipality: rootShown ? funnelOf(null) : null,
    units,
    unreached,
  };
}

/**
 * What a caller who sees only some units (a unit lead) gets: those units with their sub-units, and as
 * "the municipality" the sum of their top units, only when every one of them is shown (see unitsWithin).
 */
export function reachWithin(reach: AnnouncementReach, roots: ReadonlyArray<readonly string[]>): AnnouncementReach {
  const { units, tops } = unitsWithin(reach.units, roots);
  let municipality: Funnel | null = null;
  if (tops.length > 0 && tops.every((u) => 'funnel' in u)) {
    municipality = tops.reduce<Funnel>(
      (sum, u) => {
        const f = (u as { funnel: Funnel }).funnel;
        return {
          targeted: sum.targeted + f.targeted,
          onTeams: sum.onTeams === null || f.onTeams === null ? null : sum.onTeams + f.onTeams,
          delivered: sum.delivered + f.delivered,
          read: sum.read + f.read,
          acknowledged: sum.acknowledged + f.acknowledged,
          clicked: sum.clicked + f.clicked,
        };
      },
      { targeted: 0, onTeams: 0, delivered: 0, read: 0, acknowledged: 0, clicked: 0 },
    );
  }
  return { ...reach, municipality, units, unreached: unitsWithin(reach.unreached, roots).units };
}

/**
 * How many in a shown unit to brief in person: those with no sign of having read it. A read receipt,
 * an acknowledgement and a click each prove reading, but are counted apart (one person may give all
 * three), so the largest of them is the surest count of readers, and the rest are briefed.
 */
export function toBrief(funnel: Funnel): number {
  return Math.max(0, funnel.targeted - Math.max(funnel.read, funnel.acknowledged, funnel.clicked));
}
