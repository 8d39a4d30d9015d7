import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Announcement, AnnouncementAudience, AnnouncementContent } from '../core/announcement.js';
import type { AnnouncementForCard } from '../core/announcement-signals.js';
import type { AnnouncementStore, DeliveryTarget } from '../core/announcement-store.js';
import { isLocale } from '../core/locale.js';
import { isUuid } from './ids.js';
import type { AnnouncementsTable, Schema } from './schema.js';

const INSERT_BATCH = 1000;

/** The announcement tables behind core's AnnouncementStore port (which includes the bot's ReachSignalStore). */
export function createAnnouncementRepository(db: Kysely<Schema>): AnnouncementStore {
  const deliveries = (tenantId: string, id: string) =>
    db.selectFrom('announcement_deliveries').where('tenant_id', '=', tenantId).where('announcement_id', '=', id);

  /** Marks a signal for one person once, and records it without the person; true when it was new. */
  const signal = async (
    input: { tenantId: string; announcementId: string; aadObjectId: string; at: Date },
    column: 'acknowledged_at' | 'clicked_at',
    name: 'acknowledged' | 'clicked',
  ): Promise<boolean> =>
    db.transaction().execute(async (trx) => {
      const marked = await trx
        .updateTable('announcement_deliveries')
        .set({ [column]: input.at })
        .where('tenant_id', '=', input.tenantId)
        .where('announcement_id', '=', input.announcementId)
        .where('aad_object_id', '=', input.aadObjectId)
        // 'sending' too: a press can come before the sender has written down that the card arrived.
        .where('state', 'in', ['sending', 'sent'])
        .where(column, 'is', null)
        .returning(['unit_id', 'read_at'])
        .executeTakeFirst();
      if (!marked) return false;
      const events: Array<{ signal: 'read' | 'acknowledged' | 'clicked' }> = [{ signal: name }];
      // Acknowledging or clicking means it was read, whether or not a read receipt came.
      if (marked.read_at === null) {
        await trx
          .updateTable('announcement_deliveries')
          .set({ read_at: input.at })
          .where('tenant_id', '=', input.tenantId)
          .where('announcement_id', '=', input.announcementId)
          .where('aad_object_id', '=', input.aadObjectId)
          .execute();
        events.push({ signal: 'read' });
      }
      await trx
        .insertInto('reach_events')
        .values(events.map((e) => ({ tenant_id: input.tenantId, announcement_id: input.announcementId, unit_id: marked.unit_id, signal: e.signal, at: input.at })))
        .execute();
      return true;
    });

  const forCard = (row: Selectable<AnnouncementsTable>, sentAt: Date | null): AnnouncementForCard => ({
    id: row.announcement_id,
    content: row.content as AnnouncementContent,
    requiresAcknowledgement: row.requires_ack,
    sentAt,
  });

  const targets = (trx: Kysely<Schema>, tenantId: string, id: string, aadObjectIds: string[]) =>
    trx
      .selectFrom('announcement_deliveries as d')
      .leftJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'd.tenant_id').onRef('p.aad_object_id', '=', 'd.aad_object_id'))
      .select(['d.aad_object_id', 'd.delivery_key', 'd.unit_id', 'd.attempts', 'p.chosen_locale', 'p.directory_locale', 'p.conversation_reference', 'p.graph_chat_id'])
      .where('d.tenant_id', '=', tenantId)
      .where('d.announcement_id', '=', id)
      .where('d.aad_object_id', 'in', aadObjectIds)
      .execute();

  const toTarget = (row: Awaited<ReturnType<typeof targets>>[number]): DeliveryTarget => {
    const locale = row.chosen_locale ?? row.directory_locale;
    return {
      aadObjectId: row.aad_object_id,
      deliveryKey: row.delivery_key,
      unitId: row.unit_id,
      locale: isLocale(locale) ? locale : null,
      conversationReference: row.conversation_reference,
      graphChatId: row.graph_chat_id,
      attempts: row.attempts,
    };
  };

  /**
   * Takes up to `limit` recipients whose delivery (`state`) or reminder is queued and marks them
   * 'sending', skipping rows another run holds. The picked rows are materialized first: as an
   * IN (subquery) the planner may run the limited subquery again per row and claim far more than `limit`.
   */
  const claimQueued = (tenantId: string, id: string, limit: number, column: 'state' | 'reminder'): Promise<DeliveryTarget[]> =>
    db.transaction().execute(async (trx) => {
      const claimed = await sql<{ aad_object_id: string }>`
        with picked as materialized (
          select aad_object_id from announcement_deliveries
          where tenant_id = ${tenantId} and announcement_id = ${id} and ${sql.ref(column)} = 'queued'
          order by aad_object_id limit ${limit} for update skip locked)
        update announcement_deliveries d
        set ${column === 'state' ? sql`state = 'sending'` : sql`reminder = 'sending'`}
        from picked
        where d.tenant_id = ${tenantId} and d.announcement_id = ${id} and d.aad_object_id = picked.aad_object_id
        returning d.aad_object_id`.execute(trx);
      if (claimed.rows.length === 0) return [];
      return (await targets(trx, tenantId, id, claimed.rows.map((r) => r.aad_object_id))).map(toTarget);
    });

  return {
    async create(input) {
      await db.insertInto('tenants').values({ tenant_id: input.tenantId, name: null }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();
      const row = await db
        .insertInto('announcements')
        .values({
          tenant_id: input.tenantId,
          content: JSON.stringify(input.content),
          audience: JSON.stringify(input.audience),
          send_at: input.sendAt,
          requires_ack: input.requiresAcknowledgement,
          status: 'scheduled',
          created_by: input.createdBy,
          created_by_role: input.createdByRole,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAnnouncement(row);
    },

    async get(tenantId, id) {
      if (!isUuid(id)) return undefined;
      const row = await db.selectFrom('announcements').selectAll().where('tenant_id', '=', tenantId).where('announcement_id', '=', id).executeTakeFirst();
      return row && toAnnouncement(row);
    },

    async list(tenantId) {
      const rows = await db.selectFrom('announcements').selectAll().where('tenant_id', '=', tenantId).orderBy('send_at', 'desc').orderBy('created_at', 'desc').execute();
      return rows.map(toAnnouncement);
    },

    async cancel(tenantId, id, at) {
      if (!isUuid(id)) return undefined;
      const row = await db
        .updateTable('announcements')
        .set({ status: 'cancelled', cancelled_at: at, finished_at: at })
        .where('tenant_id', '=', tenantId)
        .where('announcement_id', '=', id)
        .where('status', 'in', ['scheduled', 'sending'])
        .returningAll()
        .executeTakeFirst();
      return row && toAnnouncement(row);
    },

    async due(now) {
      const rows = await db
        .selectFrom('announcements')
        .select(['tenant_id', 'announcement_id'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'scheduled'), eb('send_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)])]),
            eb.and([
              eb('status', '=', 'sent'),
              eb('reminder_at', 'is not', null),
              eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]),
              eb.exists(
                eb
                  .selectFrom('announcement_deliveries as d')
                  .select('d.aad_object_id')
                  .whereRef('d.tenant_id', '=', 'announcements.tenant_id')
                  .whereRef('d.announcement_id', '=', 'announcements.announcement_id')
                  .where('d.reminder', 'in', ['queued', 'sending']),
              ),
            ]),
          ]),
        )
        .orderBy('send_at')
        .execute();
      return rows.map((r) => ({ tenantId: r.tenant_id, id: r.announcement_id }));
    },

    async lease(tenantId, id, owner, now, until) {
      const row = await db
        .updateTable('announcements')
        .set({ lease_owner: owner, lease_until: until })
        .where('tenant_id', '=', tenantId)
        .where('announcement_id', '=', id)
        .where('status', 'in', ['scheduled', 'sending', 'sent'])
        .where((eb) => eb.or([eb('lease_owner', '=', owner), eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .returning('announcement_id')
        .executeTakeFirst();
      return Boolean(row);
    },

    async release(tenantId, id, owner) {
      await db
        .updateTable('announcements')
        .set({ lease_owner: null, lease_until: null })
        .where('tenant_id', '=', tenantId)
        .where('announcement_id', '=', id)
        .where('lease_owner', '=', owner)
        .execute();
    },

    async start(tenantId, id, recipients, at) {
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('announcements')
          .set({ status: 'sending', started_at: at })
          .where('tenant_id', '=', tenantId)
          .where('announcement_id', '=', id)
          .where('status', '=', 'scheduled')
          .returning('announcement_id')
          .executeTakeFirst();
        // Started before (by a run that died later): its recipients are recorded already.
        if (!row) return;
        for (let i = 0; i < recipients.length; i += INSERT_BATCH) {
          const batch = recipients.slice(i, i + INSERT_BATCH);
          await trx
            .insertInto('announcement_deliveries')
            .values(batch.map((r) => ({ tenant_id: tenantId, announcement_id: id, aad_object_id: r.aadObjectId, unit_id: r.unitId })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        // Fresh statistics for the rows just added: planned on the old ones (often an empty table), each
        // claim joined every recipient against the batch, ~0.5 s a claim at 20,000 recipients.
        if (recipients.length >= INSERT_BATCH) await sql`analyze announcement_deliveries`.execute(trx);
      });
    },

    async inDoubt(tenantId, id, limit) {
      const rows = await deliveries(tenantId, id).select('aad_object_id').where('state', '=', 'sending').orderBy('aad_object_id').limit(limit).execute();
      if (rows.length === 0) return [];
      return (await targets(db, tenantId, id, rows.map((r) => r.aad_object_id))).map(toTarget);
    },

    claim: (tenantId, id, limit) => claimQueued(tenantId, id, limit, 'state'),

    async settle(tenantId, id, results, at) {
      if (results.length === 0) return;
      await db.transaction().execute(async (trx) => {
        // One statement for the batch: settling costs the same for two hundred people as for one.
        const settled = await sql<{ aad_object_id: string; unit_id: string | null; state: string }>`
          update announcement_deliveries d
          set state = r.state, activity_id = coalesce(r.activity_id, d.activity_id), conversation_id = coalesce(r.conversation_id, d.conversation_id),
              reason = r.reason, sent_at = case when r.state = 'sent' then ${at}::timestamptz else d.sent_at end,
              attempts = d.attempts + r.attempts
          from (select * from unnest(${results.map((r) => r.aadObjectId)}::text[], ${results.map((r) => r.state)}::text[],
                                     ${results.map((r) => r.activityId ?? null)}::text[], ${results.map((r) => r.conversationId ?? null)}::text[],
                                     ${results.map((r) => r.reason ?? null)}::text[], ${results.map((r) => r.attempts ?? 0)}::int[])
                as t(aad_object_id, state, activity_id, conversation_id, reason, attempts)) r
          where d.tenant_id = ${tenantId} and d.announcement_id = ${id} and d.aad_object_id = r.aad_object_id and d.state = 'sending'
          returning d.aad_object_id, d.unit_id, d.state`.execute(trx);
        const delivered = settled.rows.filter((r) => r.state === 'sent');
        if (delivered.length === 0) return;
        // A read receipt that came before this settle (the person opened the card at once) left its mark.
        const read = await sql<{ unit_id: string | null }>`
          update announcement_deliveries d set read_at = ${at}
          from read_marks m
          where d.tenant_id = ${tenantId} and d.announcement_id = ${id} and d.aad_object_id = any(${delivered.map((r) => r.aad_object_id)}::text[])
            and d.state = 'sent' and d.read_at is null
            and m.tenant_id = d.tenant_id and m.conversation_id = d.conversation_id
            and ${messageNumber(sql.ref('d.activity_id'))} <= m.last_read_message_id
          returning d.unit_id`.execute(trx);
        const events = [...delivered.map((r) => ({ unit_id: r.unit_id, signal: 'delivered' as const })), ...read.rows.map((r) => ({ unit_id: r.unit_id, signal: 'read' as const }))];
        await trx
          .insertInto('reach_events')
          .values(events.map((e) => ({ tenant_id: tenantId, announcement_id: id, unit_id: e.unit_id, signal: e.signal, at })))
          .execute();
      });
    },

    async finishIfDone(tenantId, id, at) {
      const row = await db
        .updateTable('announcements')
        .set({ status: 'sent', finished_at: at })
        .where('tenant_id', '=', tenantId)
        .where('announcement_id', '=', id)
        .where('status', '=', 'sending')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('announcement_deliveries')
                .select('aad_object_id')
                .where('tenant_id', '=', tenantId)
                .where('announcement_id', '=', id)
                .where('state', 'in', ['queued', 'sending']),
            ),
          ),
        )
        .returning('announcement_id')
        .executeTakeFirst();
      return Boolean(row);
    },

    async counts(tenantId, id, now = new Date()) {
      const [rows, leased] = await Promise.all([
        deliveries(tenantId, id).select(['state', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('state').execute(),
        db.selectFrom('announcements').select('lease_until').where('tenant_id', '=', tenantId).where('announcement_id', '=', id).executeTakeFirst(),
      ]);
      const n = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
      // While a live run holds the lease, its claimed rows are simply on their way; only a dead run leaves them in doubt.
      const running = leased?.lease_until != null && new Date(leased.lease_until) > now;
      return {
        total: rows.reduce((sum, r) => sum + Number(r.n), 0),
        queued: n('queued') + (running ? n('sending') : 0),
        inDoubt: running ? 0 : n('sending'),
        sent: n('sent'),
        failed: n('failed'),
        unreachable: n('unreachable'),
      };
    },

    async recentRate(tenantId, id, now, seconds) {
      const row = await db
        .selectFrom('reach_events')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('announcement_id', '=', id)
        .where('signal', '=', 'delivered')
        .where('at', '>', new Date(now.getTime() - seconds * 1000))
        .executeTakeFirst();
      return Number(row?.n ?? 0) / seconds;
    },

    async queueReminder(tenantId, id, at) {
      if (!isUuid(id)) return 'not_sent';
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('announcements')
          .select(['status', 'reminder_at'])
          .where('tenant_id', '=', tenantId)
          .where('announcement_id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!row || row.status !== 'sent') return 'not_sent' as const;
        if (row.reminder_at) return 'already' as const;
        await trx.updateTable('announcements').set({ reminder_at: at }).where('tenant_id', '=', tenantId).where('announcement_id', '=', id).execute();
        const queued = await trx
          .updateTable('announcement_deliveries')
          .set({ reminder: 'queued' })
          .where('tenant_id', '=', tenantId)
          .where('announcement_id', '=', id)
          .where('state', '=', 'sent')
          .where('read_at', 'is', null)
          .where('acknowledged_at', 'is', null)
          .where('clicked_at', 'is', null)
          .executeTakeFirst();
        return { queued: Number(queued.numUpdatedRows) };
      });
    },

    claimReminders: (tenantId, id, limit) => claimQueued(tenantId, id, limit, 'reminder'),

    async settleReminders(tenantId, id, results) {
      if (results.length === 0) return;
      await sql`
        update announcement_deliveries d set reminder = r.state, attempts = d.attempts + r.attempts
        from (select * from unnest(${results.map((r) => r.aadObjectId)}::text[], ${results.map((r) => r.state)}::text[], ${results.map((r) => r.attempts ?? 0)}::int[])
          as t(aad_object_id, state, attempts)) r
        where d.tenant_id = ${tenantId} and d.announcement_id = ${id} and d.aad_object_id = r.aad_object_id and d.reminder = 'sending'`.execute(db);
    },

    async abandonReminders(tenantId, id) {
      const result = await db
        .updateTable('announcement_deliveries')
        .set({ reminder: 'failed' })
        .where('tenant_id', '=', tenantId)
        .where('announcement_id', '=', id)
        .where('reminder', '=', 'sending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async saveChat(tenantId, aadObjectId, chat) {
      await db
        .updateTable('people')
        .set({
          ...(chat.conversationReference ? { conversation_reference: JSON.stringify(chat.conversationReference) } : {}),
          ...(chat.graphChatId ? { graph_chat_id: chat.graphChatId } : {}),
        })
        .where('tenant_id', '=', tenantId)
        .where('aad_object_id', '=', aadObjectId)
        .execute();
    },

    async deliveryByKey(deliveryKey) {
      if (!isUuid(deliveryKey)) return undefined;
      const row = await db
        .selectFrom('announcement_deliveries as d')
        .innerJoin('announcements as a', (j) => j.onRef('a.tenant_id', '=', 'd.tenant_id').onRef('a.announcement_id', '=', 'd.announcement_id'))
        .select(['d.tenant_id', 'd.announcement_id', 'd.aad_object_id', 'a.content'])
        .where('d.delivery_key', '=', deliveryKey)
        .executeTakeFirst();
      return row && { tenantId: row.tenant_id, announcementId: row.announcement_id, aadObjectId: row.aad_object_id, content: row.content as AnnouncementContent };
    },

    async deliveryKeyOf(tenantId, announcementId, aadObjectId) {
      if (!isUuid(announcementId)) return undefined;
      const row = await deliveries(tenantId, announcementId).select('delivery_key').where('aad_object_id', '=', aadObjectId).executeTakeFirst();
      return row?.delivery_key;
    },

    recordClick: (input) => (isUuid(input.announcementId) ? signal(input, 'clicked_at', 'clicked') : Promise.resolve(false)),

    async linkSecret(tenantId) {
      const fresh = randomBytes(32).toString('base64url');
      await db.insertInto('tenants').values({ tenant_id: tenantId, name: null }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();
      // The first writer wins; everyone reads the same key after.
      await db.updateTable('tenants').set({ link_secret: fresh }).where('tenant_id', '=', tenantId).where('link_secret', 'is', null).execute();
      const row = await db.selectFrom('tenants').select('link_secret').where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
      return row.link_secret!;
    },

    async acknowledge(input) {
      if (!isUuid(input.announcementId)) return { status: 'not_for_you' };
      const announcement = await db
        .selectFrom('announcements')
        .selectAll()
        .where('tenant_id', '=', input.tenantId)
        .where('announcement_id', '=', input.announcementId)
        .executeTakeFirst();
      if (!announcement || !announcement.requires_ack) return { status: 'not_for_you' };
      const fresh = await signal(input, 'acknowledged_at', 'acknowledged');
      const delivery = await deliveries(input.tenantId, input.announcementId)
        .select(['acknowledged_at', 'sent_at'])
        .where('aad_object_id', '=', input.aadObjectId)
        .where('state', 'in', ['sending', 'sent'])
        .executeTakeFirst();
      if (!delivery?.acknowledged_at) return { status: 'not_for_you' };
      const card = forCard(announcement, delivery.sent_at);
      return fresh ? { status: 'acknowledged', at: delivery.acknowledged_at, announcement: card } : { status: 'already_acknowledged', at: delivery.acknowledged_at, announcement: card };
    },

    async recordRead(input) {
      if (!/^\d{1,30}$/.test(input.lastReadMessageId)) return 0;
      return db.transaction().execute(async (trx) => {
        // A settle under way may be writing down the id of the very card this receipt is for. Waiting for
        // the person's rows it holds means either the update below sees that id or the settle sees the mark
        // written here. (In announcement order, so two receipts never wait for each other in a circle.)
        await sql`
          select 1 from announcement_deliveries
          where tenant_id = ${input.tenantId} and aad_object_id = ${input.aadObjectId} and state = 'sending'
          order by announcement_id for update`.execute(trx);
        await sql`
          insert into read_marks (tenant_id, conversation_id, last_read_message_id)
          values (${input.tenantId}, ${input.conversationId}, ${input.lastReadMessageId}::numeric)
          on conflict (tenant_id, conversation_id)
          do update set last_read_message_id = greatest(read_marks.last_read_message_id, excluded.last_read_message_id)`.execute(trx);
        // Teams' message ids in a 1:1 chat grow with time: everything up to the last read one is read.
        const read = await sql<{ announcement_id: string; unit_id: string | null }>`
          update announcement_deliveries set read_at = ${input.at}
          where tenant_id = ${input.tenantId} and aad_object_id = ${input.aadObjectId} and conversation_id = ${input.conversationId}
            and state = 'sent' and read_at is null
            and ${messageNumber(sql.ref('activity_id'))} <= ${input.lastReadMessageId}::numeric
          returning announcement_id, unit_id`.execute(trx);
        if (read.rows.length > 0) {
          await trx
            .insertInto('reach_events')
            .values(read.rows.map((r) => ({ tenant_id: input.tenantId, announcement_id: r.announcement_id, unit_id: r.unit_id, signal: 'read' as const, at: input.at })))
            .execute();
        }
        return read.rows.length;
      });
    },

    async reachByUnit(tenantId, id, notReadBefore) {
      const rows = await sql<{
        unit_id: string | null;
        targeted: string;
        delivered: string;
        read: string;
        acknowledged: string;
        clicked: string;
        failed: string;
        unreachable: string;
        not_read: string;
      }>`
        select unit_id, count(*) as targeted,
               count(*) filter (where state = 'sent') as delivered,
               count(read_at) as read, count(acknowledged_at) as acknowledged, count(clicked_at) as clicked,
               count(*) filter (where state = 'failed') as failed,
               count(*) filter (where state = 'unreachable') as unreachable,
               count(*) filter (where state = 'sent' and read_at is null and sent_at < ${notReadBefore}) as not_read
        from announcement_deliveries where tenant_id = ${tenantId} and announcement_id = ${id}
        group by unit_id`.execute(db);
      return rows.rows.map((r) => ({
        unitId: r.unit_id,
        targeted: Number(r.targeted),
        delivered: Number(r.delivered),
        read: Number(r.read),
        acknowledged: Number(r.acknowledged),
        clicked: Number(r.clicked),
        failed: Number(r.failed),
        unreachable: Number(r.unreachable),
        notRead: Number(r.not_read),
      }));
    },

    async signalsByHour(tenantId, id) {
      const rows = await sql<{ hour: Date; signal: 'delivered' | 'read' | 'acknowledged' | 'clicked'; n: string }>`
        select date_trunc('hour', at) as hour, signal, count(*) as n from reach_events
        where tenant_id = ${tenantId} and announcement_id = ${id}
        group by 1, 2 order by 1`.execute(db);
      return rows.rows.map((r) => ({ hour: new Date(r.hour), signal: r.signal, count: Number(r.n) }));
    },

    async notAcknowledged(tenantId, id, unitIds) {
      if (unitIds.length === 0) return [];
      const rows = await db
        .selectFrom('announcement_deliveries as d')
        .innerJoin('announcements as a', (j) => j.onRef('a.tenant_id', '=', 'd.tenant_id').onRef('a.announcement_id', '=', 'd.announcement_id'))
        .leftJoin('people as p', (j) => j.onRef('p.tenant_id', '=', 'd.tenant_id').onRef('p.aad_object_id', '=', 'd.aad_object_id'))
        .select(['p.display_name', 'p.upn', 'd.aad_object_id'])
        .where('d.tenant_id', '=', tenantId)
        .where('d.announcement_id', '=', id)
        .where('a.requires_ack', '=', true)
        .where('d.unit_id', 'in', [...unitIds])
        .where('d.acknowledged_at', 'is', null)
        .execute();
      return rows.map((r) => r.display_name ?? r.upn ?? r.aad_object_id).sort((a, b) => a.localeCompare(b, 'nb'));
    },
  };
}

/** A Teams message id as a number to compare, null when it is not one (a CASE, so the cast never sees anything else). */
const messageNumber = (column: RawBuilder<unknown>) => sql`case when ${column} ~ '^[0-9]{1,30}$' then ${column}::numeric end`;

function toAnnouncement(row: Selectable<AnnouncementsTable>): Announcement {
  return {
    id: row.announcement_id,
    tenantId: row.tenant_id,
    content: row.content as AnnouncementContent,
    audience: row.audience as AnnouncementAudience,
    sendAt: row.send_at,
    requiresAcknowledgement: row.requires_ack,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
    finishedAt: row.finished_at,
    reminderAt: row.reminder_at,
  };
}
