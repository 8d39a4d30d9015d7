import { sql, type Kysely } from 'kysely';

/**
 * Posts made outside Digipuls that an announcement's reach follows: a Teams channel post or a
 * SharePoint page, each once per announcement. post_unit_figures keeps a channel post's reactions and
 * replies as counts per unit, written at ingestion and replaced on each refresh: who reacted or replied
 * is never stored. A SharePoint page has only its totals (Graph gives nothing per person).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('posts_elsewhere')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('announcement_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('channel_post','sharepoint_page')`))
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('target', 'jsonb', (c) => c.notNull())
    // The same post linked twice (another copy of the link) is the same post.
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addColumn('refreshed_at', 'timestamptz')
    .addColumn('problem', 'text')
    .addColumn('viewers', 'integer')
    .addColumn('views', 'integer')
    .addPrimaryKeyConstraint('posts_elsewhere_pk', ['tenant_id', 'post_id'])
    .addUniqueConstraint('posts_elsewhere_target_uq', ['tenant_id', 'announcement_id', 'target_key'])
    .addForeignKeyConstraint('posts_elsewhere_fk', ['tenant_id', 'announcement_id'], 'announcements', ['tenant_id', 'announcement_id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('post_unit_figures')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'uuid', (c) => c.notNull())
    .addColumn('unit_id', 'uuid')
    .addColumn('reactions', 'integer', (c) => c.notNull())
    .addColumn('replies', 'integer', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addForeignKeyConstraint('post_unit_figures_fk', ['tenant_id', 'post_id'], 'posts_elsewhere', ['tenant_id', 'post_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('post_unit_figures_post_idx').on('post_unit_figures').columns(['tenant_id', 'post_id']).execute();
}
