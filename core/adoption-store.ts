import type { AdoptionCounts, ReportPeriod } from './adoption.js';
import type { IngestionSummary } from './adoption-aggregator.js';
import type { UnitFigures } from './suppression.js';
import type { UnitMappingRule } from './unit-mapping.js';
import type { Unit } from './units.js';

/** One report period and date's figures, after suppression, as ingestion hands them to storage. */
export interface AdoptionSnapshotInput {
  period: ReportPeriod;
  reportDate: string;
  source: 'graph' | 'import';
  /** The tenant conceals names in reports: only municipality-wide figures exist. */
  concealed: boolean;
  minGroupSize: number;
  /** Municipality totals (null when the municipality is below the group size). */
  tenant: AdoptionCounts | null;
  /** Keyed by unit path key (see core/units formatUnitPath); storage creates missing units. */
  units: Array<UnitFigures & { path: string[] }>;
  communities: Array<{
    kind: 'teams' | 'engage';
    externalId: string;
    name: string;
    unitKey: string | null;
    suppressed: boolean;
    activeUsers: number | null;
    members: number | null;
    posts: number | null;
  }>;
  summary: IngestionSummary & { staff: number };
}

export interface SnapshotRef {
  period: ReportPeriod;
  reportDate: string;
  concealed: boolean;
  source: 'graph' | 'import';
  ingestedAt: string;
}

export interface StoredUnitFigures {
  unit: Unit;
  staff: number | null;
  active: AdoptionCounts['active'] | null;
  devices: AdoptionCounts['devices'] | null;
  suppressed: boolean;
}

export interface StoredSnapshot extends SnapshotRef {
  minGroupSize: number;
  tenant: AdoptionCounts | null;
  units: StoredUnitFigures[];
  communities: Array<{
    kind: 'teams' | 'engage';
    id: string;
    name: string;
    unitId: string | null;
    activeUsers: number | null;
    members: number | null;
    posts: number | null;
    suppressed: boolean;
  }>;
  summary: AdoptionSnapshotInput['summary'];
}

export interface TrendPoint {
  reportDate: string;
  staff: number | null;
  active: AdoptionCounts['active'] | null;
  suppressed: boolean;
}

/** The port to adoption storage; implemented in store/. */
export interface AdoptionStore {
  /** Stores snapshots in one transaction (replacing any of the same period and date): all or nothing. */
  saveSnapshots(tenantId: string, snapshots: readonly AdoptionSnapshotInput[]): Promise<void>;
  listSnapshots(tenantId: string, period?: ReportPeriod): Promise<SnapshotRef[]>;
  /** A snapshot with its units' figures; the newest of the period when no date is given. */
  getSnapshot(tenantId: string, period: ReportPeriod, reportDate?: string): Promise<StoredSnapshot | undefined>;
  /** A unit's (or, with null, the municipality's) figures over every snapshot of a period, oldest first. */
  trend(tenantId: string, period: ReportPeriod, unitId: string | null): Promise<TrendPoint[]>;
  listUnitMappings(tenantId: string): Promise<UnitMappingRule[]>;
  /** Replaces the tenant's unit mapping. */
  replaceUnitMappings(tenantId: string, rules: readonly UnitMappingRule[]): Promise<void>;
}
