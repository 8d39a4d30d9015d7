import { sql, type Kysely } from 'kysely';

/**
 * Nudges (usage tips). What is kept, and why:
 * - people.welcome_pending: a new hire not yet given the welcome sequence (cleared when it is planned).
 * - nudge_rules: the tenant's rules and the seed of its hold-out.
 * - nudges: each planned tip for a person, until it is sent or called off. The reason a person got a
 *   series (inactive in Teams, say) is only ever known at ingestion; a row says which tip, not what
 *   the reports showed. Sent rows are what the weekly cap counts.
 * - nudge_tip_feedback: "this helped" / "not for me" as counts per tip and unit, never by person;
 *   a nudge row only says that feedback was given, so nobody counts twice.
 * - nudge_cohorts: per unit and arm (nudged or held out), how many staff there were and how many
 *   qualified when the cohort began; later, how many of each arm are still inactive by the same
 *   measure, and how many of the nudged arm got a tip. Aggregates only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A person who joins the directory after the tenant's first sync is a new hire: the next ingestion
  // gives them the welcome sequence and clears the mark.
  await db.schema.alterTable('people').addColumn('welcome_pending', 'boolean', (c) => c.notNull().defaultTo(false)).execute();

  await db.schema
    .createTable('nudge_rules')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.tenant_id').onDelete('cascade'))
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('hold_out_seed', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('nudges')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('nudge_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull().check(sql`series in ('teams-tips','engage-invitation','welcome','announcement-reminder')`))
    .addColumn('tip', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    /** The report day of the ingestion that planned it: the cohort it is measured in. */
    .addColumn('cohort_day', 'date')
    .addColumn('due_day', 'date', (c) => c.notNull())
    .addColumn('announcement_id', 'uuid')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending','sending','sent','cancelled','unreachable')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('feedback_given', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('nudges_pk', ['tenant_id', 'nudge_id'])
    .addForeignKeyConstraint('nudges_person_fk', ['tenant_id', 'aad_object_id'], 'people', ['tenant_id', 'aad_object_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('nudges_due_idx').on('nudges').columns(['tenant_id', 'state', 'due_day']).execute();
  await db.schema.createIndex('nudges_person_idx').on('nudges').columns(['tenant_id', 'aad_object_id', 'sent_at']).execute();

  await db.schema
    .createTable('nudge_tip_feedback')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.tenant_id').onDelete('cascade'))
    .addColumn('tip', 'text', (c) => c.notNull())
    /** The unit's path key ('' when the person had no unit): survives a unit being renamed away. */
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('helped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_for_me', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('nudge_tip_feedback_pk', ['tenant_id', 'tip', 'unit_key'])
    .execute();

  await db.schema
    .createTable('nudge_cohorts')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.tenant_id').onDelete('cascade'))
    .addColumn('cohort_day', 'date', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('arm', 'text', (c) => c.notNull().check(sql`arm in ('nudged','held-out')`))
    .addColumn('staff', 'integer', (c) => c.notNull())
    .addColumn('eligible', 'integer', (c) => c.notNull())
    /** Last active before this day (or never) is what qualified: kept so the measurement uses the same line. */
    .addColumn('inactive_before', 'date', (c) => c.notNull())
    /** Filled by each ingestion at least measureAfterDays later: its report day, staff, and who is still inactive by that line. */
    .addColumn('measured_on', 'date')
    .addColumn('measured_staff', 'integer')
    .addColumn('still_inactive', 'integer')
    .addColumn('reached', 'integer')
    .addPrimaryKeyConstraint('nudge_cohorts_pk', ['tenant_id', 'cohort_day', 'series', 'unit_key', 'arm'])
    .execute();
}
