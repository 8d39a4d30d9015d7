import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely. Every table carries tenant_id (ready for distribution by tenant). */
export interface Schema {
  tenants: TenantsTable;
  units: UnitsTable;
  people: PeopleTable;
  adoption_snapshots: AdoptionSnapshotsTable;
  adoption_unit_figures: AdoptionUnitFiguresTable;
  adoption_communities: AdoptionCommunitiesTable;
  unit_mappings: UnitMappingsTable;
}

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface TenantsTable {
  tenant_id: string;
  name: string | null;
  created_at: Generated<Date> & CreatedAt;
}

export interface UnitsTable {
  tenant_id: string;
  unit_id: Generated<string>;
  parent_id: string | null;
  name: string;
  /** Names from the root to this unit. */
  path: string[];
  /** The path joined with ' / ', unique per tenant: the natural key directory sync matches on. */
  path_key: string;
  created_at: Generated<Date> & CreatedAt;
}

export interface PeopleTable {
  tenant_id: string;
  aad_object_id: string;
  upn: string | null;
  display_name: string | null;
  unit_id: string | null;
  /** The language the person chose in chat; wins over the directory's. */
  chosen_locale: string | null;
  /** The directory's preferredLanguage, mapped to one of our locales. */
  directory_locale: string | null;
  account_enabled: boolean;
  /** False for people who reached the bot but are not (yet) in a directory sync. */
  in_directory: boolean;
  /** The person wrote "stopp": no usage tips until they write "start". */
  nudges_paused: Generated<boolean>;
  conversation_reference: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  updated_at: Generated<Date> & UpdatedAt;
}

type Json<T> = ColumnType<T, string, string>;

export interface AdoptionSnapshotsTable {
  tenant_id: string;
  snapshot_id: Generated<string>;
  period: string;
  /** The report's refresh date (YYYY-MM-DD); read back as text. */
  report_date: ColumnType<string, string, string>;
  source: 'graph' | 'import';
  concealed: boolean;
  min_group_size: number;
  /** Municipality totals; null when the municipality itself is below the group size. */
  staff: number | null;
  active: Json<Record<string, number>> | null;
  devices: Json<Record<string, number>> | null;
  summary: Json<Record<string, unknown>>;
  ingested_at: Generated<Date> & CreatedAt;
}

export interface AdoptionUnitFiguresTable {
  tenant_id: string;
  snapshot_id: string;
  unit_id: string;
  suppressed: 'small' | 'complementary' | 'ancestor' | null;
  staff: number | null;
  active: Json<Record<string, number>> | null;
  devices: Json<Record<string, number>> | null;
}

export interface AdoptionCommunitiesTable {
  tenant_id: string;
  snapshot_id: string;
  kind: 'teams' | 'engage';
  external_id: string;
  name: string;
  unit_id: string | null;
  suppressed: boolean;
  active_users: number | null;
  members: number | null;
  posts: number | null;
}

export interface UnitMappingsTable {
  tenant_id: string;
  source: 'department' | 'office';
  value_key: string;
  value: string;
  unit_path: string[];
}
