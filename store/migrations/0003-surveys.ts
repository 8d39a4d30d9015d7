import { sql, type Kysely } from 'kysely';

/**
 * Pulse surveys. Participation (who was asked, prompted, reminded, has answered) and answers live in
 * separate tables with no key between them: an answer row holds the round, the unit the person was
 * invited in, the day and the answers — never who, never the time. Answers first land in a small
 * inbox in the same transaction that marks the invitation answered, and a sealing step moves them in
 * random order, in one transaction, to survey_answers: so neither a shared transaction id (xmin) nor the
 * physical row order links an answer to the person whose invitation changed with it.
 * prompt_days records the day a person got a prompt, so nobody gets two in a day (nudges use it too).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tenants')
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Oslo'))
    .execute();
  await db.schema.alterTable('tenants').addColumn('quiet_start', 'text', (c) => c.notNull().defaultTo('17:00')).execute();
  await db.schema.alterTable('tenants').addColumn('quiet_end', 'text', (c) => c.notNull().defaultTo('08:00')).execute();
  await db.schema.alterTable('tenants').addColumn('weekends_quiet', 'boolean', (c) => c.notNull().defaultTo(true)).execute();

  await db.schema
    .createTable('surveys')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.tenant_id').onDelete('cascade'))
    .addColumn('survey_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('template_id', 'text')
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('audience', 'jsonb', (c) => c.notNull())
    .addColumn('schedule', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('scheduled','open','ended')`))
    .addColumn('next_round_at', 'timestamptz')
    .addColumn('closed_early_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('surveys_pk', ['tenant_id', 'survey_id'])
    .execute();
  await db.schema.createIndex('surveys_next_round_idx').on('surveys').columns(['next_round_at']).where(sql.ref('next_round_at'), 'is not', null).execute();

  await db.schema
    .createTable('survey_rounds')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('survey_id', 'uuid', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    .addColumn('remind_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addPrimaryKeyConstraint('survey_rounds_pk', ['tenant_id', 'round_id'])
    .addUniqueConstraint('survey_rounds_number_unique', ['tenant_id', 'survey_id', 'number'])
    .addForeignKeyConstraint('survey_rounds_survey_fk', ['tenant_id', 'survey_id'], 'surveys', ['tenant_id', 'survey_id'], (c) => c.onDelete('cascade'))
    .execute();

  // Participation: one row per person asked in a round. It says whether they answered, never what or when.
  await db.schema
    .createTable('survey_invitations')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'uuid')
    .addColumn('prompt', 'text', (c) => c.notNull().defaultTo('pending').check(sql`prompt in ('pending','sending','sent','unreachable')`))
    .addColumn('prompted_on', 'date')
    .addColumn('reminder', 'text', (c) => c.notNull().defaultTo('none').check(sql`reminder in ('none','sending','sent')`))
    .addColumn('answered', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('survey_invitations_pk', ['tenant_id', 'round_id', 'aad_object_id'])
    .addForeignKeyConstraint('survey_invitations_round_fk', ['tenant_id', 'round_id'], 'survey_rounds', ['tenant_id', 'round_id'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('survey_invitations_prompt_idx').on('survey_invitations').columns(['tenant_id', 'round_id', 'prompt']).execute();

  // Answers: no person, no time of day; the unit they were invited in, and the day.
  for (const table of ['survey_answer_inbox', 'survey_answers']) {
    await db.schema
      .createTable(table)
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('answer_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
      .addColumn('round_id', 'uuid', (c) => c.notNull())
      .addColumn('unit_id', 'uuid')
      .addColumn('answered_on', 'date', (c) => c.notNull())
      .addColumn('answers', 'jsonb', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['tenant_id', 'answer_id'])
      .addForeignKeyConstraint(`${table}_round_fk`, ['tenant_id', 'round_id'], 'survey_rounds', ['tenant_id', 'round_id'], (c) => c.onDelete('cascade'))
      .execute();
    await db.schema.createIndex(`${table}_round_idx`).on(table).columns(['tenant_id', 'round_id']).execute();
  }

  await db.schema
    .createTable('survey_follow_ups')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('follow_up_id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
    .addColumn('round_id', 'uuid', (c) => c.notNull())
    .addColumn('text', 'jsonb', (c) => c.notNull())
    .addColumn('written_by_role', 'text', (c) => c.notNull())
    .addColumn('written_by_name', 'text')
    .addColumn('written_on', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_follow_ups_pk', ['tenant_id', 'follow_up_id'])
    .addForeignKeyConstraint('survey_follow_ups_round_fk', ['tenant_id', 'round_id'], 'survey_rounds', ['tenant_id', 'round_id'], (c) => c.onDelete('cascade'))
    .execute();

  // Follow-ups go to the round's audience once each, paced like prompts.
  await db.schema
    .createTable('survey_follow_up_deliveries')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('follow_up_id', 'uuid', (c) => c.notNull())
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending','sending','sent','unreachable')`))
    .addPrimaryKeyConstraint('survey_follow_up_deliveries_pk', ['tenant_id', 'follow_up_id', 'aad_object_id'])
    .addForeignKeyConstraint('survey_follow_up_deliveries_fk', ['tenant_id', 'follow_up_id'], 'survey_follow_ups', ['tenant_id', 'follow_up_id'], (c) => c.onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('prompt_days')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('aad_object_id', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addPrimaryKeyConstraint('prompt_days_pk', ['tenant_id', 'aad_object_id', 'day'])
    .execute();
}
