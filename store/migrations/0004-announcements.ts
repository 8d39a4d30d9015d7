import { sql, type Kysely } from 'kysely';

/**
 * Announcements and their reach. announcement_deliveries holds one row per recipient: the delivery
 * state that makes the fan-out resumable and exactly-once (queued → sending → sent / failed /
 * unreachable; a row left 'sending' by a dead run is "in doubt" until the person's chat is checked),
 * and the first time each signal came from that person, so each counts once. reach_events is the same
 * signals without the person: what the funnel and timeline are counted from. A run holds the
 * announcement's lease while it sends, so only one process sends an announcement at a time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // The key that signs click links, per tenant: forged links are refused.
  await db.schema.alterTable('tenants').addColumn('link_secret', 'text').execute();
  // The Graph id of the person's 1:1 chat with the bot, to look for a message sent before a crash.
  await db.schema.alterTable('people').addColumn('graph_chat_id', 'text').execute();

  await db.schema
    .createTable('announcements')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.tenant_id').onDelete('cascade'))
    .addColumn('announcement_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('audience', 'jsonb', (c) => c.notNull())
    .addColumn('send_at', 'timestamptz', (c) => c.notNull())
    .addColumn('requires_ack', 'boolean', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled','sending','sent','cancelled')`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('reminder_at', 'timestamptz')
    .addColumn('lease_owner', 'uuid')
    .addColumn('lease_until', 'timestamptz')
    .addPrimaryKeyConstraint('announcements_pk', ['tenant_id', 'announcement_id'])
    .execute();
  await db.schema.createIndex('announcements_due_idx').on('announcements').columns(['status', 'send_at']).execute();

  await db.schema
    .createTable('announcement_deliveries')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('announcement_id', 'uuid', (c) => c.notNull())
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    // Names the delivery in click links without naming the person.
    .addColumn('delivery_key', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`).unique())
    .addColumn('unit_id', 'uuid')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('queued').check(sql`state in ('queued','sending','sent','failed','unreachable')`))
    .addColumn('reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('conversation_id', 'text')
    .addColumn('activity_id', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('read_at', 'timestamptz')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('clicked_at', 'timestamptz')
    .addColumn('reminder', 'text', (c) => c.notNull().defaultTo('none').check(sql`reminder in ('none','queued','sending','sent','failed')`))
    .addPrimaryKeyConstraint('announcement_deliveries_pk', ['tenant_id', 'announcement_id', 'aad_object_id'])
    .addForeignKeyConstraint('announcement_deliveries_fk', ['tenant_id', 'announcement_id'], 'announcements', ['tenant_id', 'announcement_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('announcement_deliveries_state_idx').on('announcement_deliveries').columns(['tenant_id', 'announcement_id', 'state']).execute();
  // Read receipts name the person and their conversation, not the announcement.
  await db.schema.createIndex('announcement_deliveries_person_idx').on('announcement_deliveries').columns(['tenant_id', 'aad_object_id']).execute();

  await db.schema
    .createTable('reach_events')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('announcement_id', 'uuid', (c) => c.notNull())
    .addColumn('unit_id', 'uuid')
    .addColumn('signal', 'text', (c) => c.notNull().check(sql`signal in ('delivered','read','acknowledged','clicked')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('reach_events_fk', ['tenant_id', 'announcement_id'], 'announcements', ['tenant_id', 'announcement_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('reach_events_announcement_idx').on('reach_events').columns(['tenant_id', 'announcement_id', 'signal']).execute();
}
