import { addCounts, emptyCounts, type AdoptionCounts } from './adoption.js';

/** Every figure about people is shown only for groups of at least this many; never below 3. */
export const MIN_GROUP_SIZE_FLOOR = 3;

export interface UnitCountsInput {
  key: string;
  parentKey: string | null;
  /** Counts for the people placed directly in this unit (not in its sub-units). */
  own: AdoptionCounts;
}

export interface UnitFigures {
  key: string;
  parentKey: string | null;
  /** This unit with all its sub-units; null when suppressed. */
  totals: AdoptionCounts | null;
  /** 'small': fewer than the minimum group size; 'complementary': hidden so a small group cannot be recovered by subtraction; 'ancestor': inside a hidden unit. */
  suppressed: false | 'small' | 'complementary' | 'ancestor';
}

/**
 * Rolls counts up the unit tree and decides what may be shown. A unit is shown only with at least
 * `minGroupSize` staff. Because a parent's figures minus its shown children's figures give the figures
 * of everything not shown (its hidden children and the people placed directly in it), that remainder
 * must be empty or itself at least `minGroupSize` people: otherwise the smallest shown child is hidden
 * too (complementary suppression), until it is. The municipality as a whole is the root. A hidden unit
 * hides its whole subtree, so nothing below it can be recombined.
 */
export function suppressUnitTree(
  units: readonly UnitCountsInput[],
  minGroupSize: number,
): { tenant: AdoptionCounts | null; units: UnitFigures[] } {
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(minGroupSize));
  const children = new Map<string | null, string[]>();
  const byKey = new Map<string, UnitCountsInput>();
  for (const unit of units) byKey.set(unit.key, unit);
  for (const unit of units) {
    // A parent missing from the input makes the unit a top-level one rather than an orphan nobody sees.
    const parent = unit.parentKey !== null && byKey.has(unit.parentKey) ? unit.parentKey : null;
    const list = children.get(parent) ?? [];
    list.push(unit.key);
    children.set(parent, list);
  }

  const totals = new Map<string, AdoptionCounts>();
  const totalOf = (key: string): AdoptionCounts => {
    const known = totals.get(key);
    if (known) return known;
    const sum = emptyCounts();
    addCounts(sum, byKey.get(key)!.own);
    for (const child of children.get(key) ?? []) addCounts(sum, totalOf(child));
    totals.set(key, sum);
    return sum;
  };
  const tenant = emptyCounts();
  for (const top of children.get(null) ?? []) addCounts(tenant, totalOf(top));

  const state = new Map<string, UnitFigures['suppressed']>();
  const hideSubtree = (key: string, reason: Exclude<UnitFigures['suppressed'], false>) => {
    state.set(key, reason);
    for (const child of children.get(key) ?? []) hideSubtree(child, 'ancestor');
  };

  // Top-down: a shown unit (or the root) protects the remainder among its own children.
  const visit = (parentKey: string | null, parentStaff: number) => {
    const kids = children.get(parentKey) ?? [];
    for (const kid of kids) if (totalOf(kid).staff < min) hideSubtree(kid, 'small');
    const shown = () => kids.filter((kid) => !state.get(kid));
    let remainder = parentStaff - shown().reduce((sum, kid) => sum + totalOf(kid).staff, 0);
    while (remainder > 0 && remainder < min) {
      const smallest = shown().sort((a, b) => totalOf(a).staff - totalOf(b).staff || a.localeCompare(b))[0];
      if (!smallest) break;
      hideSubtree(smallest, 'complementary');
      remainder += totalOf(smallest).staff;
    }
    for (const kid of shown()) visit(kid, totalOf(kid).staff);
  };
  visit(null, tenant.staff);

  return {
    // A municipality smaller than the group size shows nothing at all.
    tenant: tenant.staff >= min ? tenant : null,
    units: units.map((unit) => {
      const suppressed = state.get(unit.key) ?? false;
      return { key: unit.key, parentKey: unit.parentKey, totals: suppressed ? null : totalOf(unit.key), suppressed };
    }),
  };
}

/** A team or community is a group of people too: its figures show only when that group is large enough. */
export function communityHidden(figures: { activeUsers: number | null; members: number | null }, minGroupSize: number): boolean {
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(minGroupSize));
  const people = figures.activeUsers ?? figures.members ?? 0;
  return people > 0 && people < min;
}
