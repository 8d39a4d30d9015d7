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

/** Why a group is not shown: see suppressGroups. */
export type SuppressionReason = 'small' | 'complementary' | 'ancestor';

/**
 * Rolls group sizes up the unit tree and decides what may be shown. A unit is shown only with at least
 * `minGroupSize` people. Because a parent's figures minus its shown children's figures give the figures
 * of everything not shown (its hidden children and the people placed directly in it), that remainder
 * must be empty or itself at least `minGroupSize` people: otherwise the smallest shown child is hidden
 * too (complementary suppression), until it is. The municipality as a whole is the root. A hidden unit
 * hides its whole subtree, so nothing below it can be recombined. `own` is the size of the people placed
 * directly in a unit (staff for adoption, respondents for a survey round).
 */
export function suppressGroups(
  units: ReadonlyArray<{ key: string; parentKey: string | null; own: number }>,
  minGroupSize: number,
): { rootSize: number; rootShown: boolean; sizes: Map<string, number>; hidden: Map<string, SuppressionReason> } {
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(minGroupSize));
  const children = new Map<string | null, string[]>();
  const own = new Map<string, number>();
  for (const unit of units) own.set(unit.key, unit.own);
  for (const unit of units) {
    // A parent missing from the input makes the unit a top-level one rather than an orphan nobody sees.
    const parent = unit.parentKey !== null && own.has(unit.parentKey) ? unit.parentKey : null;
    const list = children.get(parent) ?? [];
    list.push(unit.key);
    children.set(parent, list);
  }

  const sizes = new Map<string, number>();
  const sizeOf = (key: string): number => {
    const known = sizes.get(key);
    if (known !== undefined) return known;
    let sum = own.get(key)!;
    for (const child of children.get(key) ?? []) sum += sizeOf(child);
    sizes.set(key, sum);
    return sum;
  };
  const rootSize = (children.get(null) ?? []).reduce((sum, top) => sum + sizeOf(top), 0);

  const hidden = new Map<string, SuppressionReason>();
  const hideSubtree = (key: string, reason: SuppressionReason) => {
    hidden.set(key, reason);
    for (const child of children.get(key) ?? []) hideSubtree(child, 'ancestor');
  };

  // Top-down: a shown unit (or the root) protects the remainder among its own children.
  const visit = (parentKey: string | null, parentSize: number) => {
    const kids = children.get(parentKey) ?? [];
    for (const kid of kids) if (sizeOf(kid) < min) hideSubtree(kid, 'small');
    const shown = () => kids.filter((kid) => !hidden.has(kid));
    let remainder = parentSize - shown().reduce((sum, kid) => sum + sizeOf(kid), 0);
    while (remainder > 0 && remainder < min) {
      const smallest = shown().sort((a, b) => sizeOf(a) - sizeOf(b) || a.localeCompare(b))[0];
      if (!smallest) break;
      hideSubtree(smallest, 'complementary');
      remainder += sizeOf(smallest);
    }
    for (const kid of shown()) visit(kid, sizeOf(kid));
  };
  visit(null, rootSize);
  // A municipality smaller than the group size shows nothing at all.
  return { rootSize, rootShown: rootSize >= min, sizes, hidden };
}

/** Adoption counts per unit, suppressed by staff (see suppressGroups). */
export function suppressUnitTree(
  units: readonly UnitCountsInput[],
  minGroupSize: number,
): { tenant: AdoptionCounts | null; units: UnitFigures[] } {
  const { rootShown, hidden } = suppressGroups(
    units.map((u) => ({ key: u.key, parentKey: u.parentKey, own: u.own.staff })),
    minGroupSize,
  );
  const byKey = new Map(units.map((u) => [u.key, u] as const));
  const parentOf = (u: UnitCountsInput) => (u.parentKey !== null && byKey.has(u.parentKey) ? u.parentKey : null);
  const totals = new Map<string | null, AdoptionCounts>();
  const totalOf = (key: string | null): AdoptionCounts => {
    let sum = totals.get(key);
    if (!sum) {
      sum = emptyCounts();
      totals.set(key, sum);
    }
    return sum;
  };
  // Each unit's own counts add to itself, every ancestor and the municipality.
  for (const unit of units) {
    for (let at: UnitCountsInput | undefined = unit; at; at = byKey.get(parentOf(at) ?? '')) addCounts(totalOf(at.key), unit.own);
    addCounts(totalOf(null), unit.own);
  }
  return {
    tenant: rootShown ? totalOf(null) : null,
    units: units.map((unit) => {
      const suppressed = hidden.get(unit.key) ?? false;
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
