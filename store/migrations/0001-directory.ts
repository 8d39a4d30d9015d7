import { sql, type Kysely } from 'kysely';

/** Tenants, the unit tree and the people directory needed to address staff. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('units')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.tenant_id').onDelete('cascade'))
    .addColumn('unit_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('parent_id', 'uuid')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('path', sql`text[]`, (c) => c.notNull())
    .addColumn('path_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('units_pk', ['tenant_id', 'unit_id'])
    .addUniqueConstraint('units_path_key_unique', ['tenant_id', 'path_key'])
    .addForeignKeyConstraint('units_parent_fk', ['tenant_id', 'parent_id'], 'units', ['tenant_id', 'unit_id'], (c) =>
      c.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.tenant_id').onDelete('cascade'))
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    .addColumn('upn', 'text')
    .addColumn('display_name', 'text')
    .addColumn('unit_id', 'uuid')
    .addColumn('chosen_locale', 'text')
    .addColumn('directory_locale', 'text')
    .addColumn('account_enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('in_directory', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('conversation_reference', 'jsonb')
    .addColumn('nudges_paused', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('people_pk', ['tenant_id', 'aad_object_id'])
    .addForeignKeyConstraint('people_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'unit_id'], (c) =>
      c.onDelete('set null'),
    )
    .addCheckConstraint('people_locale_check', sql`chosen_locale in ('nb','nn','sv','en') and directory_locale in ('nb','nn','sv','en')`)
    .execute();

  await db.schema.createIndex('people_unit_idx').on('people').columns(['tenant_id', 'unit_id']).execute();
  await db.schema.createIndex('people_upn_idx').on('people').expression(sql`tenant_id, lower(upn)`).execute();
}
