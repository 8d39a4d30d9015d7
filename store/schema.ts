import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely. Every table carries tenant_id (ready for distribution by tenant). */
export interface Schema {
  tenants: TenantsTable;
  units: UnitsTable;
  people: PeopleTable;
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
