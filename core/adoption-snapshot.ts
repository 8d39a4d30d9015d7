import { addCounts, emptyCounts } from './adoption.js';
import type { AdoptionAggregator } from './adoption-aggregator.js';
import type { AdoptionSnapshotInput } from './adoption-store.js';
import { communityHidden, suppressUnitTree } from './suppression.js';
import { ancestorPaths, formatUnitPath } from './units.js';

/**
 * Turns an aggregator's counts into what may be stored: rolled up the unit tree, suppressed below the
 * group size (with complementary suppression), communities of too few people hidden. With concealed
 * names only municipality-wide figures exist.
 */
export function buildSnapshot(
  aggregator: AdoptionAggregator,
  options: { source: 'graph' | 'import'; minGroupSize: number; unitPaths: ReadonlyMap<string, readonly string[]> },
): AdoptionSnapshotInput {
  const { ownByUnit, unjoined, communities } = aggregator.result();
  // The rows decide, not the setting: Microsoft applies a changed setting to reports only later.
  const concealed = aggregator.concealed;
  const reportDate = aggregator.reportDate;
  if (!reportDate) throw new Error(`No report rows for period ${aggregator.period}: nothing to make a snapshot of`);
  const summary = { ...aggregator.summary, staff: aggregator.staffCount };

  if (concealed) {
    const tenant = emptyCounts();
    addCounts(tenant, unjoined);
    // Rows that could still be joined (a partly concealed tenant) add to the municipality's figures.
    for (const own of ownByUnit.values()) addCounts(tenant, own);
    tenant.staff = aggregator.staffCount;
    return {
      period: aggregator.period,
      reportDate,
      source: options.source,
      concealed: true,
      minGroupSize: options.minGroupSize,
      tenant: tenant.staff >= options.minGroupSize ? tenant : null,
      units: [],
      communities: [],
      summary,
    };
  }

  // Every unit on the way to a unit with people, so the tree is whole.
  const paths = new Map<string, string[]>();
  for (const key of ownByUnit.keys()) {
    const path = options.unitPaths.get(key);
    if (!path) throw new Error(`Unit ${key} has no path`);
    for (const p of ancestorPaths(path)) paths.set(formatUnitPath(p), p);
  }
  const { tenant, units } = suppressUnitTree(
    [...paths.entries()].map(([key, path]) => ({
      key,
      parentKey: path.length > 1 ? formatUnitPath(path.slice(0, -1)) : null,
      own: ownByUnit.get(key) ?? emptyCounts(),
    })),
    options.minGroupSize,
  );
  return {
    period: aggregator.period,
    reportDate,
    source: options.source,
    concealed: false,
    minGroupSize: options.minGroupSize,
    tenant,
    units: units.map((u) => ({ ...u, path: paths.get(u.key)! })),
    communities: communities.map((c) => {
      const hidden = communityHidden(c, options.minGroupSize);
      return {
        ...c,
        suppressed: hidden,
        activeUsers: hidden ? null : c.activeUsers,
        members: hidden ? null : c.members,
        posts: hidden ? null : c.posts,
      };
    }),
    summary,
  };
}
