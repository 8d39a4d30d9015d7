/** A unit of the organisation: sector → service → team, as deep as the municipality needs. */
export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  /** Names from the root down to this unit, e.g. ["Helse og omsorg", "Hjemmetjenesten", "Hjemmetjenesten Nord"]. */
  path: string[];
}

/** The separator we show between unit names, and accept in department values. */
export const UNIT_PATH_SEPARATOR = ' / ';

/** The unit people without a department are counted under, visibly rather than dropped. */
export const UNKNOWN_UNIT_NAME = 'Unknown unit';

/**
 * Reads a directory `department` value as a unit path. Municipal directories often hold the whole
 * path ("Helse og omsorg / Hjemmetjenesten / Hjemmetjenesten Nord" or with ">"), so both separators
 * are accepted; a single name is a top-level unit. Empty values give [].
 */
export function unitPathFromDepartment(department: string | null | undefined): string[] {
  if (!department) return [];
  return department
    .split(/\s*[/>]\s*/)
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part.length > 0);
}

export function formatUnitPath(path: readonly string[]): string {
  return path.join(UNIT_PATH_SEPARATOR);
}

/** Every ancestor path of a path, root first, including the path itself. */
export function ancestorPaths(path: readonly string[]): string[][] {
  return path.map((_, i) => path.slice(0, i + 1));
}

/** Whether a unit path lies within (or is) the unit at `root`. */
export function isWithinUnit(path: readonly string[], root: readonly string[]): boolean {
  return root.length <= path.length && root.every((name, i) => path[i] === name);
}
