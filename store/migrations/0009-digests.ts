import { sql, type Kysely } from 'kysely';

/**
 * The unit leads' weekly digest. What is kept, and why:
 * - digest_preferences: a row per person seen with the UnitLead role as they signed in to the tab (the
 *   role lives in Entra ID, so this is how the sender knows who leads): their weekday (1 Monday … 5
 *   Friday), local time and whether the digest is on. Their language is the person's own (people).
 * - digests_sent: one row per lead and ISO week, written when the digest is claimed for sending: the
 *   primary key is what makes "once a week" hold across passes, restarts and instances. The content
 *   is not kept; it is made from the figures of the moment.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('digest_preferences')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    .addColumn('weekday', 'integer', (c) => c.notNull().defaultTo(1).check(sql`weekday between 1 and 5`))
    .addColumn('send_time', 'text', (c) => c.notNull().defaultTo('08:00').check(sql`send_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' and send_time between '07:00' and '17:00'`))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('digest_preferences_pk', ['tenant_id', 'aad_object_id'])
    .addForeignKeyConstraint('digest_preferences_person_fk', ['tenant_id', 'aad_object_id'], 'people', ['tenant_id', 'aad_object_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('digest_preferences_due_idx').on('digest_preferences').columns(['tenant_id', 'enabled', 'weekday', 'send_time']).execute();

  await db.schema
    .createTable('digests_sent')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    /** ISO week of the tenant's local day, e.g. 2026-W49. */
    .addColumn('iso_week', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('sending','sent','unreachable')`))
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addPrimaryKeyConstraint('digests_sent_pk', ['tenant_id', 'aad_object_id', 'iso_week'])
    .addForeignKeyConstraint('digests_sent_person_fk', ['tenant_id', 'aad_object_id'], 'people', ['tenant_id', 'aad_object_id'], (c) => c.onDelete('cascade'))
    .execute();
}
