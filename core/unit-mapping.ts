import { UNKNOWN_UNIT_NAME, unitPathFromDepartment } from './units.js';

/**
 * An admin's mapping for messy directories: a `department` (or `officeLocation`) value as it stands in
 * Entra ID → the unit path it belongs to. Values match case- and whitespace-insensitively.
 */
export interface UnitMappingRule {
  /** Which directory field the value is read from. */
  source: 'department' | 'office';
  value: string;
  unitPath: string[];
}

export interface UnitMapping {
  rules: readonly UnitMappingRule[];
  /** Use officeLocation when department is empty (some municipalities keep the unit there). */
  useOfficeLocation: boolean;
}

export const EMPTY_UNIT_MAPPING: UnitMapping = { rules: [], useOfficeLocation: false };

/** The form a value is matched in: "  Hjemme-tjenesten  NORD " and "hjemme-tjenesten nord" are one value. */
export function mappingKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Where a directory entry belongs, as a unit path; people no rule or department places go to "Unknown unit". */
export type UnitResolver = (entry: { department: string | null; officeLocation: string | null }) => string[];

export function createUnitResolver(mapping: UnitMapping): UnitResolver {
  const byDepartment = new Map<string, string[]>();
  const byOffice = new Map<string, string[]>();
  for (const rule of mapping.rules) (rule.source === 'office' ? byOffice : byDepartment).set(mappingKey(rule.value), rule.unitPath);
  return ({ department, officeLocation }) => {
    if (department?.trim()) {
      const mapped = byDepartment.get(mappingKey(department));
      if (mapped) return mapped;
    }
    if (officeLocation?.trim()) {
      const mapped = byOffice.get(mappingKey(officeLocation));
      if (mapped) return mapped;
    }
    const fromDepartment = unitPathFromDepartment(department);
    if (fromDepartment.length > 0) return fromDepartment;
    if (mapping.useOfficeLocation) {
      const fromOffice = unitPathFromDepartment(officeLocation);
      if (fromOffice.length > 0) return fromOffice;
    }
    return [UNKNOWN_UNIT_NAME];
  };
}
