import type { StoredSnapshot } from './adoption-store.js';

/** The share of staff active on Teams, per unit (with its sub-units) and for the municipality, 0–1. */
export interface TeamsShares {
  tenant: number | null;
  units: ReadonlyMap<string, number>;
}

const ratio = (active: number, staff: number) => Math.min(1, Math.max(0, active / staff));

/**
 * Teams active shares from an adoption snapshot: only the figures it shows (a suppressed unit has none,
 * and a tenant that conceals names has only the municipality's). Null without a snapshot.
 */
export function teamsShares(snapshot: Pick<StoredSnapshot, 'tenant' | 'units'> | undefined): TeamsShares | null {
  if (!snapshot) return null;
  const units = new Map<string, number>();
  for (const u of snapshot.units) if (!u.suppressed && u.active && u.staff) units.set(u.unit.id, ratio(u.active.teams, u.staff));
  const tenant = snapshot.tenant && snapshot.tenant.staff > 0 ? ratio(snapshot.tenant.active.teams, snapshot.tenant.staff) : null;
  if (units.size === 0 && tenant === null) return null;
  return { tenant, units };
}

/**
 * The share for a unit given its ancestry (the unit first, then each unit above it): its own, else the
 * nearest unit above it that has one (a hidden unit is estimated by what may be shown), else the
 * municipality's.
 */
export function shareOf(shares: TeamsShares, ancestry: readonly string[]): number | null {
  for (const key of ancestry) {
    const share = shares.units.get(key);
    if (share !== undefined) return share;
  }
  return shares.tenant;
}
