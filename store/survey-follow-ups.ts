import { sql, type Kysely } from 'kysely';
import { isLocale, type Locale } from '../core/locale.js';
import { localDay } from '../core/messaging-settings.js';
import type { LocalizedText } from '../core/survey.js';
import type { SurveyFollowUp, SurveyStore } from '../core/survey-store.js';
import { isUuid } from './ids.js';
import type { Schema } from './schema.js';

type FollowUpQueries = Pick<SurveyStore, 'addFollowUp' | 'listFollowUps' | 'claimFollowUps' | 'finishFollowUp'>;


/** "You said, we did": follow-ups on a round, and their delivery to everyone the round reached. */
export function followUpQueries(db: Kysely<Schema>): FollowUpQueries {
  return {
    async addFollowUp(tenantId, roundId, input) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('survey_follow_ups')
          .values({
            tenant_id: tenantId,
            round_id: roundId,
            text: JSON.stringify(input.text),
            written_by_role: input.writtenBy.role,
            written_by_name: input.writtenBy.name,
            written_on: input.writtenOn,
          })
          .returning(['follow_up_id'])
          .executeTakeFirstOrThrow();
        // The same audience: everyone the round's prompt reached, whether they answered or not.
        await sql`
          insert into survey_follow_up_deliveries (tenant_id, follow_up_id, aad_object_id)
          select tenant_id, ${row.follow_up_id}::uuid, aad_object_id from survey_invitations
          where tenant_id = ${tenantId} and round_id = ${roundId}::uuid and prompt = 'sent'`.execute(trx);
        return { id: row.follow_up_id, roundId, ...input };
      });
    },

    async listFollowUps(tenantId, roundIds) {
      const ids = roundIds.filter((id) => isUuid(id));
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('survey_follow_ups')
        .select(['follow_up_id', 'round_id', 'text', 'written_by_role', 'written_by_name', sql<string>`to_char(written_on, 'YYYY-MM-DD')`.as('written_on')])
        .where('tenant_id', '=', tenantId)
        .where('round_id', 'in', ids)
        .orderBy('written_on')
        .orderBy('follow_up_id')
        .execute();
      return rows.map(toFollowUp);
    },

    async claimFollowUps(tenantId, limit) {
      return db.transaction().execute(async (trx) => {
        const rows = await sql<{
          follow_up_id: string;
          round_id: string;
          aad_object_id: string;
          conversation_reference: Record<string, unknown>;
          locale: string | null;
          text: LocalizedText;
          written_by_role: string;
          written_by_name: string | null;
          written_on: string;
          definition: { title: LocalizedText };
          opens_at: Date;
          time_zone: string;
        }>`
          select d.follow_up_id, f.round_id, d.aad_object_id, p.conversation_reference,
                 coalesce(p.chosen_locale, p.directory_locale) as locale, f.text, f.written_by_role, f.written_by_name,
                 to_char(f.written_on, 'YYYY-MM-DD') as written_on, s.definition, r.opens_at, t.time_zone
          from survey_follow_up_deliveries d
          join survey_follow_ups f on f.tenant_id = d.tenant_id and f.follow_up_id = d.follow_up_id
          join survey_rounds r on r.tenant_id = f.tenant_id and r.round_id = f.round_id
          join surveys s on s.tenant_id = r.tenant_id and s.survey_id = r.survey_id
          join tenants t on t.tenant_id = d.tenant_id
          join people p on p.tenant_id = d.tenant_id and p.aad_object_id = d.aad_object_id
          where d.tenant_id = ${tenantId} and d.state = 'pending' and p.conversation_reference is not null
          order by f.written_on, d.follow_up_id, d.aad_object_id
          limit ${limit}
          for update of d skip locked`.execute(trx);
        for (const row of rows.rows) {
          await trx
            .updateTable('survey_follow_up_deliveries')
            .set({ state: 'sending' })
            .where('tenant_id', '=', tenantId)
            .where('follow_up_id', '=', row.follow_up_id)
            .where('aad_object_id', '=', row.aad_object_id)
            .execute();
        }
        return rows.rows.map((row) => ({
          tenantId,
          roundId: row.round_id,
          aadObjectId: row.aad_object_id,
          conversationReference: row.conversation_reference,
          locale: isLocale(row.locale) ? (row.locale as Locale) : null,
          followUp: toFollowUp(row),
          surveyTitle: row.definition.title,
          // The day in JavaScript, as everywhere else: PostgreSQL does not know every zone Intl accepts (US/Pacific-New, AET).
          roundOpenedOn: localDay(new Date(row.opens_at), row.time_zone),
        }));
      });
    },

    async finishFollowUp(message, outcome) {
      await db
        .updateTable('survey_follow_up_deliveries')
        .set({ state: outcome === 'sent' ? 'sent' : outcome === 'retry' ? 'pending' : 'unreachable' })
        .where('tenant_id', '=', message.tenantId)
        .where('follow_up_id', '=', message.followUp.id)
        .where('aad_object_id', '=', message.aadObjectId)
        .execute();
    },
  };
}

function toFollowUp(row: { follow_up_id: string; round_id: string; text: unknown; written_by_role: string; written_by_name: string | null; written_on: string }): SurveyFollowUp {
  return {
    id: row.follow_up_id,
    roundId: row.round_id,
    text: row.text as LocalizedText,
    writtenBy: { role: row.written_by_role as SurveyFollowUp['writtenBy']['role'], name: row.written_by_name },
    writtenOn: row.written_on,
  };
}
