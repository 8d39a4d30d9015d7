import { sql, type Kysely, type Selectable } from 'kysely';
import { isLocale } from '../core/locale.js';
import { DEFAULT_MESSAGING_SETTINGS, localDay } from '../core/messaging-settings.js';
import type { Answers, SurveyDefinition, TemplateId } from '../core/survey.js';
import type { Audience, Survey, SurveyRound, SurveySchedule, SurveyStore } from '../core/survey-store.js';
import { isUuid } from './ids.js';
import { takePromptDays } from './prompt-days.js';
import type { Schema, SurveyRoundsTable, SurveysTable } from './schema.js';
import { followUpQueries } from './survey-follow-ups.js';

const BATCH = 1000;

/** The survey tables behind core's SurveyStore port. */
export function createSurveyRepository(db: Kysely<Schema>): SurveyStore {
  const timeZoneOf = async (trx: Kysely<Schema>, tenantId: string) =>
    (await trx.selectFrom('tenants').select('time_zone').where('tenant_id', '=', tenantId).executeTakeFirst())?.time_zone ?? DEFAULT_MESSAGING_SETTINGS.timeZone;

  const roundRow = (trx: Kysely<Schema>, tenantId: string, roundId: string) =>
    trx.selectFrom('survey_rounds').selectAll().where('tenant_id', '=', tenantId).where('round_id', '=', roundId).executeTakeFirst();

  const store: SurveyStore = {
    async messagingSettings(tenantId) {
      const row = await db.selectFrom('tenants').select(['time_zone', 'quiet_start', 'quiet_end', 'weekends_quiet']).where('tenant_id', '=', tenantId).executeTakeFirst();
      if (!row) return DEFAULT_MESSAGING_SETTINGS;
      return { timeZone: row.time_zone, quietHours: { start: row.quiet_start, end: row.quiet_end }, weekendsQuiet: row.weekends_quiet };
    },

    async saveMessagingSettings(tenantId, settings) {
      const values = { time_zone: settings.timeZone, quiet_start: settings.quietHours.start, quiet_end: settings.quietHours.end, weekends_quiet: settings.weekendsQuiet };
      await db
        .insertInto('tenants')
        .values({ tenant_id: tenantId, name: null, ...values })
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
        .execute();
    },

    async createSurvey(tenantId, input) {
      const row = await db
        .insertInto('surveys')
        .values({
          tenant_id: tenantId,
          template_id: input.templateId,
          definition: JSON.stringify(input.definition),
          audience: JSON.stringify(input.audience),
          schedule: JSON.stringify(input.schedule),
          status: 'scheduled',
          next_round_at: new Date(input.schedule.startsAt),
          closed_early_at: null,
          created_by: input.createdBy,
          created_by_role: input.createdByRole,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSurvey(row);
    },

    async getSurvey(tenantId, surveyId) {
      if (!isUuid(surveyId)) return undefined;
      const row = await db.selectFrom('surveys').selectAll().where('tenant_id', '=', tenantId).where('survey_id', '=', surveyId).executeTakeFirst();
      return row && toSurvey(row);
    },

    async listSurveys(tenantId) {
      const rows = await db.selectFrom('surveys').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').execute();
      return rows.map(toSurvey);
    },

    async listRounds(tenantId, surveyId) {
      const rows = await db
        .selectFrom('survey_rounds as r')
        .selectAll('r')
        .select((eb) => [
          eb.selectFrom('survey_invitations as i').select(sql<string>`count(*)`.as('n')).whereRef('i.tenant_id', '=', 'r.tenant_id').whereRef('i.round_id', '=', 'r.round_id').as('invited'),
          eb
            .selectFrom('survey_invitations as i')
            .select(sql<string>`count(*)`.as('n'))
            .whereRef('i.tenant_id', '=', 'r.tenant_id')
            .whereRef('i.round_id', '=', 'r.round_id')
            .where('i.answered', '=', true)
            .as('answered'),
        ])
        .where('r.tenant_id', '=', tenantId)
        .where('r.survey_id', '=', surveyId)
        .orderBy('r.number')
        .execute();
      return rows.map((row) => ({ ...toRound(row), invited: Number(row.invited ?? 0), answered: Number(row.answered ?? 0) }));
    },

    async closeSurvey(tenantId, surveyId, now) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('survey_rounds')
          .set({ closed_at: now })
          .where('tenant_id', '=', tenantId)
          .where('survey_id', '=', surveyId)
          .where('closed_at', 'is', null)
          .execute();
        await trx
          .updateTable('surveys')
          .set({ status: 'ended', next_round_at: null, closed_early_at: now })
          .where('tenant_id', '=', tenantId)
          .where('survey_id', '=', surveyId)
          .where('status', '!=', 'ended')
          .execute();
      });
    },

    async audiencePeople(tenantId, { unitIds, aadObjectIds }) {
      const units = unitIds?.filter(isUuid);
      const rows = await sql<{ aad_object_id: string; unit_id: string | null }>`
        with recursive subtree as (
          select unit_id from units where tenant_id = ${tenantId} and unit_id = any(${units ?? []}::uuid[])
          union
          select u.unit_id from units u join subtree s on u.parent_id = s.unit_id where u.tenant_id = ${tenantId}
        )
        select p.aad_object_id, p.unit_id from people p
        where p.tenant_id = ${tenantId} and p.in_directory and p.account_enabled
          ${units ? sql`and p.unit_id in (select unit_id from subtree)` : sql``}
          ${aadObjectIds ? sql`and p.aad_object_id = any(${aadObjectIds}::text[])` : sql``}
        order by p.aad_object_id`.execute(db);
      return rows.rows.map((r) => ({ aadObjectId: r.aad_object_id, unitId: r.unit_id }));
    },

    async surveysDue(now) {
      const rows = await db.selectFrom('surveys').selectAll().where('next_round_at', '<=', now).where('status', '!=', 'ended').orderBy('next_round_at').execute();
      return rows.map(toSurvey);
    },

    async openRound({ survey, number, opensAt, closesAt, remindAt, nextRoundAt, invitees }) {
      return db.transaction().execute(async (trx) => {
        const tenantId = survey.tenantId;
        const created = await trx
          .insertInto('survey_rounds')
          .values({ tenant_id: tenantId, survey_id: survey.id, number, opens_at: opensAt, closes_at: closesAt, remind_at: remindAt, closed_at: null })
          .onConflict((oc) => oc.columns(['tenant_id', 'survey_id', 'number']).doNothing())
          .returningAll()
          .executeTakeFirst();
        const round =
          created ??
          (await trx.selectFrom('survey_rounds').selectAll().where('tenant_id', '=', tenantId).where('survey_id', '=', survey.id).where('number', '=', number).executeTakeFirstOrThrow());
        if (created) {
          for (let i = 0; i < invitees.length; i += BATCH) {
            await trx
              .insertInto('survey_invitations')
              .values(invitees.slice(i, i + BATCH).map((p) => ({ tenant_id: tenantId, round_id: round.round_id, aad_object_id: p.aadObjectId, unit_id: p.unitId })))
              .onConflict((oc) => oc.doNothing())
              .execute();
          }
        }
        await trx
          .updateTable('surveys')
          .set({ next_round_at: nextRoundAt, status: 'open' })
          .where('tenant_id', '=', tenantId)
          .where('survey_id', '=', survey.id)
          .where('status', '!=', 'ended')
          .execute();
        return toRound(round);
      });
    },

    async closeDueRounds(now) {
      return db.transaction().execute(async (trx) => {
        const closed = await trx.updateTable('survey_rounds').set({ closed_at: sql`closes_at` }).where('closed_at', 'is', null).where('closes_at', '<=', now).executeTakeFirst();
        await trx
          .updateTable('surveys as s')
          .set({
            status: sql`case when exists (select 1 from survey_rounds r where r.tenant_id = s.tenant_id and r.survey_id = s.survey_id and r.closed_at is null)
              then 'open' when s.next_round_at is not null then 'scheduled' else 'ended' end`,
          })
          .where('s.status', '!=', 'ended')
          .execute();
        return Number(closed.numUpdatedRows);
      });
    },

    async tenantsWithWork(now) {
      const rows = await db
        .selectFrom('survey_rounds')
        .select('tenant_id')
        .where('closed_at', 'is', null)
        .where('opens_at', '<=', now)
        .union(db.selectFrom('survey_follow_up_deliveries').select('tenant_id').where('state', '=', 'pending'))
        .execute();
      return [...new Set(rows.map((r) => r.tenant_id))];
    },

    async claimPrompts(tenantId, kind, { now, day: today, limit }) {
      return db.transaction().execute(async (trx) => {
        const reminder = kind === 'reminder';
        // One candidate invitation per person (the oldest open round first), skipping anyone prompted today.
        const candidates = await sql<{ round_id: string; aad_object_id: string; conversation_reference: Record<string, unknown>; locale: string | null }>`
          select distinct on (i.aad_object_id) i.round_id, i.aad_object_id, p.conversation_reference,
                 coalesce(p.chosen_locale, p.directory_locale) as locale
          from survey_invitations i
          join survey_rounds r on r.tenant_id = i.tenant_id and r.round_id = i.round_id
          join people p on p.tenant_id = i.tenant_id and p.aad_object_id = i.aad_object_id
          where i.tenant_id = ${tenantId}
            and r.closed_at is null and r.opens_at <= ${now} and r.closes_at > ${now}
            and p.conversation_reference is not null and p.account_enabled
            and ${reminder ? sql`i.prompt = 'sent' and i.reminder = 'none' and not i.answered and r.remind_at <= ${now} and i.prompted_on < ${today}::date` : sql`i.prompt = 'pending'`}
            and not exists (select 1 from prompt_days d where d.tenant_id = i.tenant_id and d.aad_object_id = i.aad_object_id and d.day = ${today}::date)
          order by i.aad_object_id, r.opens_at, r.round_id
          limit ${limit}`.execute(trx);
        if (candidates.rows.length === 0) return [];
        const granted = await takePromptDays(trx, tenantId, candidates.rows.map((c) => c.aad_object_id), today);
        const claimed = candidates.rows.filter((c) => granted.has(c.aad_object_id));
        if (claimed.length > 0) {
          // One statement for the batch: the claim costs the same for fifty people as for one.
          await sql`
            update survey_invitations i set ${reminder ? sql`reminder = 'sending'` : sql`prompt = 'sending'`}
            from (select * from unnest(${claimed.map((c) => c.round_id)}::uuid[], ${claimed.map((c) => c.aad_object_id)}::text[]) as t(round_id, aad_object_id)) c
            where i.tenant_id = ${tenantId} and i.round_id = c.round_id and i.aad_object_id = c.aad_object_id`.execute(trx);
        }
        return claimed.map((c) => ({
          tenantId,
          roundId: c.round_id,
          aadObjectId: c.aad_object_id,
          conversationReference: c.conversation_reference,
          locale: isLocale(c.locale) ? c.locale : null,
        }));
      });
    },

    async finishPrompt(message, kind, outcome, today) {
      await db.transaction().execute(async (trx) => {
        const reminder = kind === 'reminder';
        const set =
          outcome === 'sent'
            ? reminder
              ? { reminder: 'sent' as const }
              : { prompt: 'sent' as const, prompted_on: today }
            : outcome === 'retry'
              ? reminder
                ? { reminder: 'none' as const }
                : { prompt: 'pending' as const }
              : reminder
                ? { reminder: 'sent' as const }
                : { prompt: 'unreachable' as const };
        await trx
          .updateTable('survey_invitations')
          .set(set)
          .where('tenant_id', '=', message.tenantId)
          .where('round_id', '=', message.roundId)
          .where('aad_object_id', '=', message.aadObjectId)
          .execute();
        // Nothing reached the person: the day's prompt is still theirs to get.
        if (outcome !== 'sent') {
          await trx.deleteFrom('prompt_days').where('tenant_id', '=', message.tenantId).where('aad_object_id', '=', message.aadObjectId).where('day', '=', today).execute();
        }
      });
    },

    async findRound(tenantId, roundId) {
      if (!isUuid(roundId)) return undefined;
      const round = await roundRow(db, tenantId, roundId);
      if (!round) return undefined;
      const survey = await store.getSurvey(tenantId, round.survey_id);
      if (!survey) return undefined;
      return { round: toRound(round), survey, closesOn: localDay(round.closed_at ?? round.closes_at, await timeZoneOf(db, tenantId)) };
    },

    async recordAnswers({ tenantId, roundId, aadObjectId, answers, now }) {
      if (!isUuid(roundId)) return { status: 'unknown_round' };
      return db.transaction().execute(async (trx) => {
        const round = await roundRow(trx, tenantId, roundId);
        if (!round) return { status: 'unknown_round' } as const;
        const invitation = await trx
          .selectFrom('survey_invitations')
          .select(['answered', 'unit_id'])
          .where('tenant_id', '=', tenantId)
          .where('round_id', '=', roundId)
          .where('aad_object_id', '=', aadObjectId)
          .forUpdate()
          .executeTakeFirst();
        if (!invitation) return { status: 'not_invited' } as const;
        if (invitation.answered) return { status: 'already_answered' } as const;
        const timeZone = await timeZoneOf(trx, tenantId);
        const closedAt = round.closed_at ?? (round.closes_at <= now ? round.closes_at : null);
        if (closedAt) return { status: 'closed', closedOn: localDay(closedAt, timeZone) } as const;
        await trx
          .insertInto('survey_answer_inbox')
          .values({ tenant_id: tenantId, round_id: roundId, unit_id: invitation.unit_id, answered_on: localDay(now, timeZone), answers: JSON.stringify(answers) })
          .execute();
        await trx
          .updateTable('survey_invitations')
          .set({ answered: true })
          .where('tenant_id', '=', tenantId)
          .where('round_id', '=', roundId)
          .where('aad_object_id', '=', aadObjectId)
          .execute();
        return { status: 'recorded' } as const;
      });
    },

    async sealAnswers() {
      // One statement: every moved row gets this transaction's id, and rows land in random order with new ids.
      const result = await sql`
        with moved as (delete from survey_answer_inbox returning tenant_id, round_id, unit_id, answered_on, answers)
        insert into survey_answers (tenant_id, answer_id, round_id, unit_id, answered_on, answers)
        select tenant_id, gen_random_uuid(), round_id, unit_id, answered_on, answers from moved order by random()`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },

    async participation(tenantId, roundId) {
      if (!isUuid(roundId)) return [];
      const rows = await db
        .selectFrom('survey_invitations')
        .select(['unit_id', sql<string>`count(*)`.as('invited'),
          sql<string>`count(*) filter (where prompt = 'sent')`.as('reached'),
          sql<string>`count(*) filter (where answered)`.as('answered'),
        ])
        .where('tenant_id', '=', tenantId)
        .where('round_id', '=', roundId)
        .groupBy('unit_id')
        .execute();
      return rows.map((r) => ({ unitId: r.unit_id, invited: Number(r.invited), reached: Number(r.reached), answered: Number(r.answered) }));
    },

    async answers(tenantId, roundId) {
      if (!isUuid(roundId)) return [];
      const query = (table: 'survey_answers' | 'survey_answer_inbox') =>
        db.selectFrom(table).select(['unit_id', 'answers']).where('tenant_id', '=', tenantId).where('round_id', '=', roundId);
      const rows = await query('survey_answers').unionAll(query('survey_answer_inbox')).execute();
      return rows.map((r) => ({ unitId: r.unit_id, answers: r.answers as Answers }));
    },

    ...followUpQueries(db),
  };
  return store;
}

function toSurvey(row: Selectable<SurveysTable>): Survey {
  const ended = row.status === 'ended';
  return {
    id: row.survey_id,
    tenantId: row.tenant_id,
    templateId: row.template_id as TemplateId | null,
    definition: row.definition as SurveyDefinition,
    audience: row.audience as Audience,
    schedule: row.schedule as SurveySchedule,
    status: ended ? 'ended' : row.status,
    closedEarlyAt: row.closed_early_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function toRound(row: Selectable<SurveyRoundsTable>): SurveyRound {
  return { id: row.round_id, surveyId: row.survey_id, number: row.number, opensAt: row.opens_at, closesAt: row.closes_at, closedAt: row.closed_at };
}
