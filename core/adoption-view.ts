import { CHANNELS, DEVICES, type ReportPeriod } from './adoption.js';
import type { StoredSnapshot } from './adoption-store.js';
import { formatUnitPath, isWithinUnit } from './units.js';

/** A unit's row as every reader gets it (API, CLI, CSV): figures only when not suppressed. */
export interface AdoptionUnitRow {
  id: string;
  parentId: string | null;
  name: string;
  path: string[];
  depth: number;
  staff: number | null;
  active: StoredSnapshot['units'][number]['active'];
  devices: StoredSnapshot['units'][number]['devices'];
  suppressed: boolean;
}

/** Who may see which units: an adoption admin all of them, a unit lead the subtrees of their own units. */
export type AdoptionScope = { all: true } | { unitPaths: string[][] };

export interface AdoptionView {
  period: ReportPeriod;
  reportDate: string;
  concealed: boolean;
  minGroupSize: number;
  /** The municipality's figures: only for the whole-municipality scope. */
  tenant: StoredSnapshot['tenant'];
  units: AdoptionUnitRow[];
  communities: StoredSnapshot['communities'];
}

/**
 * What a caller may see of a snapshot. Suppression was decided once, at ingestion, for the whole tree,
 * so a narrower scope shows the same figures and cannot reveal more by comparing views.
 */
export function adoptionView(snapshot: StoredSnapshot, scope: AdoptionScope, filter?: { unitPath?: string[] }): AdoptionView {
  const roots = 'all' in scope ? [[]] : scope.unitPaths;
  const visible = snapshot.units.filter(({ unit }) => roots.some((root) => isWithinUnit(unit.path, root)) && (!filter?.unitPath || isWithinUnit(unit.path, filter.unitPath)));
  const units = visible
    .map(({ unit, ...figures }) => ({ id: unit.id, parentId: unit.parentId, name: unit.name, path: unit.path, depth: unit.path.length - 1, ...figures }))
    .sort((a, b) => formatUnitPath(a.path).localeCompare(formatUnitPath(b.path), 'nb'));
  const unitIds = new Set(units.map((u) => u.id));
  return {
    period: snapshot.period,
    reportDate: snapshot.reportDate,
    concealed: snapshot.concealed,
    minGroupSize: snapshot.minGroupSize,
    tenant: 'all' in scope && !filter?.unitPath ? snapshot.tenant : null,
    units,
    communities: snapshot.communities.filter((c) => ('all' in scope && !filter?.unitPath) || (c.unitId !== null && unitIds.has(c.unitId))),
  };
}

/** Percentage of staff, one decimal; null when either side is unknown. */
export function rate(active: number | undefined, staff: number | null): number | null {
  if (staff === null || staff === 0 || active === undefined) return null;
  return Math.round((active / staff) * 1000) / 10;
}

/** The columns of an adoption CSV export: unit, staff, then active staff per channel and device. */
export const ADOPTION_CSV_HEADER = ['unit', 'staff', 'suppressed', ...CHANNELS.map((c) => `active_${c}`), ...DEVICES.map((d) => `device_${d}`)];

/** The rows of a CSV export of a view: exactly the units it shows, suppressed ones without figures. */
export function adoptionCsvRows(view: AdoptionView): Array<Array<string | number>> {
  const rows: Array<Array<string | number>> = [];
  if (view.tenant) rows.push(['(municipality)', view.tenant.staff, 'no', ...CHANNELS.map((c) => view.tenant!.active[c]), ...DEVICES.map((d) => view.tenant!.devices[d])]);
  for (const u of view.units) {
    rows.push([
      formatUnitPath(u.path),
      u.staff ?? '',
      u.suppressed ? 'yes' : 'no',
      ...CHANNELS.map((c) => u.active?.[c] ?? ''),
      ...DEVICES.map((d) => u.devices?.[d] ?? ''),
    ]);
  }
  return rows;
}
