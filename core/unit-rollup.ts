import { MIN_GROUP_SIZE_FLOOR, suppressGroups, type SuppressionReason } from './suppression.js';
import { formatUnitPath, isWithinUnit, UNKNOWN_UNIT_NAME, type Unit } from './units.js';

/** A unit as figures about it are shown: its id (or NO_UNIT), parent and path. */
export interface UnitRef {
  unitId: string;
  parentId: string | null;
  name: string;
  path: string[];
}

/** The key of people outside any unit the directory knows (not yet synced, or their unit was removed). */
export const NO_UNIT = 'no-unit';

/** Figures counted for the people placed directly in one unit; `size` is the group they are about. */
export interface UnitRow<T> {
  unitId: string | null;
  size: number;
  figures: T;
}

/** Figures rolled up the unit tree, with what may be shown. */
export interface UnitRollup<T> {
  /** Every unit (or NO_UNIT) with people in it or below it. */
  keys: string[];
  /** Each unit with its sub-units; null is the whole. */
  totals: Map<string | null, T>;
  hidden: Map<string, SuppressionReason>;
  /** Whether the whole is large enough to show. */
  rootShown: boolean;
  parentOf(key: string): string | null;
  /** The unit and the units above it, nearest first. */
  ancestry(key: string): string[];
  refOf(key: string): UnitRef;
  /** Orders by path: how hidden units are listed, as ordering them by their figures would tell them. */
  byPath(a: string, b: string): number;
}

/**
 * Rolls figures kept per unit up the tree (each unit with its sub-units, and the whole) and decides what
 * may be shown: a unit whose group (`size`, with its sub-units) is under `minGroupSize` is hidden and
 * counted only above it, and complementary suppression (core/suppression.ts) hides a sibling too where
 * the parent minus its shown children would give a small group away. People in no known unit count as
 * NO_UNIT, a top-level unit of its own.
 */
export function rollUpUnits<T extends { [K in keyof T]: number }>(rows: ReadonlyArray<UnitRow<T>>, units: readonly Unit[], minGroupSize: number, zero: () => T): UnitRollup<T> {
  const min = Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(minGroupSize));
  const known = new Map(units.map((u) => [u.id, u] as const));
  const keyOf = (unitId: string | null) => (unitId !== null && known.has(unitId) ? unitId : NO_UNIT);
  // A parent the directory does not know makes the unit a top-level one, as suppressGroups reads it.
  const parentOf = (key: string): string | null => {
    const parent = known.get(key)?.parentId ?? null;
    return parent !== null && known.has(parent) ? parent : null;
  };

  const totals = new Map<string | null, T>();
  const own = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row.unitId);
    own.set(key, (own.get(key) ?? 0) + row.size);
    // Into the unit, every unit above it, and the whole (null).
    for (let at: string | null = key; ; at = parentOf(at)) {
      totals.set(at, addInto(totals.get(at) ?? zero(), row.figures));
      if (at === null) break;
    }
  }
  const keys = [...totals.keys()].filter((k): k is string => k !== null);
  const { rootShown, hidden } = suppressGroups(keys.map((key) => ({ key, parentKey: parentOf(key), own: own.get(key) ?? 0 })), min);

  const ancestry = (key: string) => {
    const chain: string[] = [];
    for (let at: string | null = key; at !== null; at = parentOf(at)) chain.push(at);
    return chain;
  };
  const refOf = (key: string): UnitRef => {
    const unit = known.get(key);
    return { unitId: key, parentId: parentOf(key), name: unit?.name ?? UNKNOWN_UNIT_NAME, path: unit?.path ?? [UNKNOWN_UNIT_NAME] };
  };
  const byPath = (a: string, b: string) => formatUnitPath(refOf(a).path).localeCompare(formatUnitPath(refOf(b).path), 'nb') || a.localeCompare(b);
  return { keys, totals, hidden, rootShown, parentOf, ancestry, refOf, byPath };
}

/** Adds each of `more`'s figures to `sum`'s, and returns `sum`. */
export function addInto<T extends { [K in keyof T]: number }>(sum: T, more: T): T {
  for (const field of Object.keys(sum) as Array<keyof T>) (sum[field] as number) += more[field] as number;
  return sum;
}

/**
 * What a caller who sees only some units (a unit lead) gets: those units with their sub-units, and the
 * top ones among them (their own units), whose sum is their "whole" only when every one is shown. All
 * figures come from the whole tree's suppression, so nothing here can be combined into a hidden group.
 */
export function unitsWithin<U extends UnitRef>(units: readonly U[], roots: ReadonlyArray<readonly string[]>): { units: U[]; tops: U[] } {
  const inside = units.filter((u) => u.unitId !== NO_UNIT && roots.some((root) => isWithinUnit(u.path, root)));
  const tops = inside.filter((u) => roots.some((root) => formatUnitPath(root) === formatUnitPath(u.path)));
  return { units: inside, tops };
}
