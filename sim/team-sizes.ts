import type { TeamTemplate } from './unit-catalogue.js';

/** Teams this small keep their size whatever the staff count: small units exist in every municipality. */
export const FIXED_SIZE_UP_TO = 5;

/** Sizes per team that add up to exactly `staff`, in proportion to the weights. */
export function teamSizes(teams: readonly TeamTemplate[], staff: number): number[] {
  const isFixed = (t: TeamTemplate) => t.weight <= FIXED_SIZE_UP_TO;
  const fixed = teams.reduce((sum, t) => sum + (isFixed(t) ? t.weight : 0), 0);
  const scalable = teams.reduce((sum, t) => sum + (isFixed(t) ? 0 : t.weight), 0);
  const scalableCount = teams.filter((t) => !isFixed(t)).length;
  const byWeight = teams.map((t, i) => [t.weight, i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
  // The smallest size a frontline team gets: realistic when staff allows, smaller for tiny test tenants.
  const floor = [FIXED_SIZE_UP_TO + 1, 2].find((min) => staff >= fixed + min * scalableCount);
  if (floor === undefined) {
    // Too few staff for the small teams to keep their size: one at a time, largest teams first.
    const sizes = teams.map(() => 0);
    for (let k = 0; k < staff; k++) sizes[byWeight[k % byWeight.length]!]!++;
    return sizes;
  }
  const scale = (staff - fixed) / scalable;
  const sizes = teams.map((t) => (isFixed(t) ? t.weight : Math.max(floor, Math.floor(t.weight * scale))));
  // Hand out the rounding remainder to (or take it from) the largest teams, so the total is exactly `staff`.
  let missing = staff - sizes.reduce((a, b) => a + b, 0);
  for (let k = 0; missing !== 0; k++) {
    const i = byWeight[k % byWeight.length]!;
    if (missing > 0 && !isFixed(teams[i]!)) {
      sizes[i]!++;
      missing--;
    } else if (missing < 0 && !isFixed(teams[i]!) && sizes[i]! > floor) {
      sizes[i]!--;
      missing++;
    }
  }
  return sizes;
}
