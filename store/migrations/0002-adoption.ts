import { sql, type Kysely } from 'kysely';

/**
 * Adoption snapshots: per report period and date, the figures per unit after suppression. Figures of
 * a suppressed unit are never written (null), so not even the database holds a group below the
 * minimum size. Unit mappings: an admin's department → unit rules for messy directories.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('adoption_snapshots')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.tenant_id').onDelete('cascade'))
    .addColumn('snapshot_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('period', 'text', (c) => c.notNull().check(sql`period in ('D7','D30','D90','D180')`))
    .addColumn('report_date', 'date', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('graph','import')`))
    .addColumn('concealed', 'boolean', (c) => c.notNull())
    .addColumn('min_group_size', 'integer', (c) => c.notNull())
    .addColumn('staff', 'integer')
    .addColumn('active', 'jsonb')
    .addColumn('devices', 'jsonb')
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('ingested_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('adoption_snapshots_pk', ['tenant_id', 'snapshot_id'])
    .addUniqueConstraint('adoption_snapshots_period_date_unique', ['tenant_id', 'period', 'report_date'])
    .execute();

  await db.schema
    .createTable('adoption_unit_figures')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('snapshot_id', 'uuid', (c) => c.notNull())
    .addColumn('unit_id', 'uuid', (c) => c.notNull())
    .addColumn('suppressed', 'text', (c) => c.check(sql`suppressed in ('small','complementary','ancestor')`))
    .addColumn('staff', 'integer')
    .addColumn('active', 'jsonb')
    .addColumn('devices', 'jsonb')
    .addPrimaryKeyConstraint('adoption_unit_figures_pk', ['tenant_id', 'snapshot_id', 'unit_id'])
    .addForeignKeyConstraint('adoption_unit_figures_snapshot_fk', ['tenant_id', 'snapshot_id'], 'adoption_snapshots', ['tenant_id', 'snapshot_id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('adoption_unit_figures_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'unit_id'], (c) => c.onDelete('cascade'))
    // Privacy by construction: a suppressed unit's row carries no figure.
    .addCheckConstraint('adoption_unit_figures_hidden_check', sql`suppressed is null or (staff is null and active is null and devices is null)`)
    .execute();

  await db.schema
    .createTable('adoption_communities')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('snapshot_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('teams','engage')`))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'uuid')
    .addColumn('suppressed', 'boolean', (c) => c.notNull())
    .addColumn('active_users', 'integer')
    .addColumn('members', 'integer')
    .addColumn('posts', 'integer')
    .addPrimaryKeyConstraint('adoption_communities_pk', ['tenant_id', 'snapshot_id', 'kind', 'external_id'])
    .addForeignKeyConstraint('adoption_communities_snapshot_fk', ['tenant_id', 'snapshot_id'], 'adoption_snapshots', ['tenant_id', 'snapshot_id'], (c) => c.onDelete('cascade'))
    .addForeignKeyConstraint('adoption_communities_unit_fk', ['tenant_id', 'unit_id'], 'units', ['tenant_id', 'unit_id'], (c) => c.onDelete('set null'))
    .addCheckConstraint('adoption_communities_hidden_check', sql`not suppressed or (active_users is null and members is null and posts is null)`)
    .execute();

  await db.schema
    .createTable('unit_mappings')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.tenant_id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('department','office')`))
    .addColumn('value_key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('unit_path', sql`text[]`, (c) => c.notNull())
    .addPrimaryKeyConstraint('unit_mappings_pk', ['tenant_id', 'source', 'value_key'])
    .execute();
}
