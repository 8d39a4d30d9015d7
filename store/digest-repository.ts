import { sql, type Kysely } from 'kysely';
import { DEFAULT_DIGEST_PREFERENCES, type DigestPreferences } from '../core/digest-preferences.js';
import type { ClaimedDigest, DigestStore } from '../core/digest-store.js';
import { isLocale } from '../core/locale.js';
import type { Schema } from './schema.js';

/** A digest claimed this long ago by a pass that never finished is taken as sent: never twice. */
const SENDING_LEASE_MS = 10 * 60_000;

/** The digest preferences and the record of digests sent, behind core's DigestStore port. */
export function createDigestRepository(db: Kysely<Schema>): DigestStore {
  const toPreferences = (row: { weekday: number; send_time: string; enabled: boolean }): DigestPreferences => ({ weekday: row.weekday, time: row.send_time, enabled: row.enabled });

  return {
    async recordLead(tenantId, aadObjectId, isLead) {
      if (!isLead) {
        await db.deleteFrom('digest_preferences').where('tenant_id', '=', tenantId).where('aad_object_id', '=', aadObjectId).execute();
        return;
      }
      // From people, so a lead the directory does not know yet gets nothing (and no broken reference).
      await sql`
        insert into digest_preferences (tenant_id, aad_object_id)
        select tenant_id, aad_object_id from people where tenant_id = ${tenantId} and aad_object_id = ${aadObjectId}
        on conflict do nothing`.execute(db);
    },

    async getPreferences(tenantId, aadObjectId) {
      const row = await db.selectFrom('digest_preferences').select(['weekday', 'send_time', 'enabled']).where('tenant_id', '=', tenantId).where('aad_object_id', '=', aadObjectId).executeTakeFirst();
      return row ? toPreferences(row) : { ...DEFAULT_DIGEST_PREFERENCES };
    },

    async savePreferences(tenantId, aadObjectId, preferences, now) {
      const row = await db
        .insertInto('digest_preferences')
        .values({ tenant_id: tenantId, aad_object_id: aadObjectId, weekday: preferences.weekday, send_time: preferences.time, enabled: preferences.enabled, updated_at: now })
        .onConflict((oc) => oc.columns(['tenant_id', 'aad_object_id']).doUpdateSet({ weekday: preferences.weekday, send_time: preferences.time, enabled: preferences.enabled, updated_at: now }))
        .returning(['weekday', 'send_time', 'enabled'])
        .executeTakeFirstOrThrow();
      return toPreferences(row);
    },

    async setEnabled(tenantId, aadObjectId, enabled) {
      const result = await db
        .updateTable('digest_preferences')
        .set({ enabled, updated_at: new Date() })
        .where('tenant_id', '=', tenantId)
        .where('aad_object_id', '=', aadObjectId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async tenantsWithLeads() {
      const rows = await db.selectFrom('digest_preferences').select('tenant_id').distinct().where('enabled', '=', true).execute();
      return rows.map((r) => r.tenant_id);
    },

    async claimDue(tenantId, { week, weekday, minutes, now, limit }) {
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return db.transaction().execute(async (trx) => {
        // A pass that died after claiming: its digests may have gone out, so they count as sent.
        await trx
          .updateTable('digests_sent')
          .set((eb) => ({ state: 'sent', finished_at: eb.ref('claimed_at') }))
          .where('tenant_id', '=', tenantId)
          .where('state', '=', 'sending')
          .where('claimed_at', '<', new Date(now.getTime() - SENDING_LEASE_MS))
          .execute();
        // The picked leads are materialized first: as an IN (subquery) the planner may run the limited
        // subquery again per row and claim more than `limit`. The primary key on (lead, week) makes a
        // second claim of the same week impossible, whoever runs it.
        const claimed = await sql<{ aad_object_id: string }>`
          with picked as materialized (
            select d.aad_object_id from digest_preferences d
            where d.tenant_id = ${tenantId} and d.enabled and d.weekday = ${weekday} and d.send_time <= ${time}
              and not exists (select 1 from digests_sent s where s.tenant_id = d.tenant_id and s.aad_object_id = d.aad_object_id and s.iso_week = ${week})
            order by d.aad_object_id limit ${limit} for update of d skip locked)
          insert into digests_sent (tenant_id, aad_object_id, iso_week, state, claimed_at)
          select ${tenantId}, picked.aad_object_id, ${week}, 'sending', ${now} from picked
          on conflict do nothing
          returning aad_object_id`.execute(trx);
        if (claimed.rows.length === 0) return [];
        const people = await trx
          .selectFrom('people')
          .select(['aad_object_id', 'conversation_reference', 'chosen_locale', 'directory_locale', 'account_enabled'])
          .where('tenant_id', '=', tenantId)
          .where('aad_object_id', 'in', claimed.rows.map((r) => r.aad_object_id))
          .execute();
        return people.map((p): ClaimedDigest => {
          const locale = p.chosen_locale ?? p.directory_locale;
          return {
            tenantId,
            aadObjectId: p.aad_object_id,
            week,
            // A disabled account is not written to, as if there were no chat.
            conversationReference: p.account_enabled ? (p.conversation_reference as Record<string, unknown> | null) : null,
            locale: isLocale(locale) ? locale : null,
          };
        });
      });
    },

    async finish(digest, outcome, now) {
      const where = db.updateTable('digests_sent').where('tenant_id', '=', digest.tenantId).where('aad_object_id', '=', digest.aadObjectId).where('iso_week', '=', digest.week);
      if (outcome === 'retry') {
        // Let go: the next pass that day claims it again.
        await db.deleteFrom('digests_sent').where('tenant_id', '=', digest.tenantId).where('aad_object_id', '=', digest.aadObjectId).where('iso_week', '=', digest.week).where('state', '=', 'sending').execute();
        return;
      }
      await where.set({ state: outcome, finished_at: now }).execute();
    },
  };
}
