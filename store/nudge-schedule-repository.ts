import { sql, type Kysely } from 'kysely';
import { isLocale } from '../core/locale.js';
import type { NudgeRules } from '../core/nudge-rules.js';
import type { ClaimedNudge, NudgeSchedule, OpenCohort } from '../core/nudge-store.js';
import { dayBefore, type TargetingResult } from '../core/nudge-targeting.js';
import { isNudgeTip, WELCOME_TIPS, type NudgeSeries, type NudgeTip } from '../core/nudge-tips.js';
import { heldOutSql } from './hold-out-sql.js';
import { takePromptDays } from './prompt-days.js';
import type { Schema } from './schema.js';

/** A person who had a series is not given it again for this long after its last tip. */
const SERIES_REST_DAYS = 90;
/** A nudge still waiting this long after its due day (the person never installed the app) is let go. */
const PENDING_DAYS = 28;
/** A nudge claimed this long ago by a run that never finished is taken as sent: never twice. */
const SENDING_LEASE_MS = 10 * 60_000;
const BATCH = 1000;
/** An announcement older than this gets no reminder: it is news no longer. */
const REMINDER_HORIZON_DAYS = 30;

/** The nudge schedule and cohorts behind core's NudgeSchedule port. */
export function createNudgeScheduleRepository(db: Kysely<Schema>): NudgeSchedule {
  return {
    openCohort: (tenantId) => openCohortOf(db, tenantId),

    async newHires(tenantId) {
      const rows = await db.selectFrom('people').select('aad_object_id').where('tenant_id', '=', tenantId).where('welcome_pending', '=', true).execute();
      return new Set(rows.map((r) => r.aad_object_id));
    },

    async applyTargeting(tenantId, targeting, rules, { today, now }) {
      // Without a Teams report nobody can be judged: leave everything as it was.
      if (targeting.reportDate === null) return { planned: 0, calledOff: 0, cohort: 'none' as const };
      return db.transaction().execute(async (trx) => {
        let planned = 0;
        let calledOff = 0;
        for (const [series, qualifying] of targeting.qualifying) {
          const on = rules.enabled && seriesEnabled(rules, series);
          // Whoever no longer qualifies (active again, held out, gone, rules off) loses what was still waiting;
          // a welcome sequence, once begun, runs its course while the person is staff.
          const keep = !on ? [] : series === 'welcome' ? [...targeting.staff] : [...qualifying];
          const off = await trx
            .updateTable('nudges')
            .set({ state: 'cancelled' })
            .where('tenant_id', '=', tenantId)
            .where('series', '=', series)
            .where('state', '=', 'pending')
            .where(sql<boolean>`not (aad_object_id = any(${keep}::text[]))`)
            .executeTakeFirst();
          calledOff += Number(off.numUpdatedRows);
          const plan = on ? [...qualifying] : [];
          if (plan.length === 0) continue;
          const tips = tipsOf(series, rules);
          for (let i = 0; i < plan.length; i += BATCH) {
            const inserted = await sql<{ n: number }>`
              insert into nudges (tenant_id, aad_object_id, series, tip, step, cohort_day, due_day)
              select p.tenant_id, p.aad_object_id, ${series}, t.tip, t.step - 1, ${targeting.reportDate}::date, ${today}::date
              from people p
              cross join unnest(${tips}::text[]) with ordinality as t(tip, step)
              where p.tenant_id = ${tenantId} and p.aad_object_id = any(${plan.slice(i, i + BATCH)}::text[])
                and not exists (
                  -- Not while the same series (or, for the Teams tips, the welcome sequence) runs or has just run.
                  select 1 from nudges n where n.tenant_id = p.tenant_id and n.aad_object_id = p.aad_object_id
                    and (n.series = ${series} or (${series} = 'teams-tips' and n.series = 'welcome'))
                    and (n.state in ('pending','sending') or (n.state = 'sent' and n.sent_at > ${new Date(now.getTime() - SERIES_REST_DAYS * 86_400_000)})))
              returning 1 as n`.execute(trx);
            planned += inserted.rows.length;
          }
        }
        // New hires have had their turn (welcome planned, or held out): the mark goes.
        const newHires = [...targeting.newHires];
        for (let i = 0; i < newHires.length; i += BATCH) {
          await trx
            .updateTable('people')
            .set({ welcome_pending: false })
            .where('tenant_id', '=', tenantId)
            .where('aad_object_id', 'in', newHires.slice(i, i + BATCH))
            .execute();
        }
        // Nudges nobody could be reached with for weeks are let go (they never opened the app).
        await trx
          .updateTable('nudges')
          .set({ state: 'unreachable' })
          .where('tenant_id', '=', tenantId)
          .where('state', '=', 'pending')
          .where('due_day', '<', dayBefore(today, PENDING_DAYS))
          .execute();
        return { planned, calledOff, cohort: await applyCohort(trx, tenantId, targeting, rules) };
      });
    },

    async claimDue(tenantId, { now, today, perWeek, limit }) {
      return db.transaction().execute(async (trx) => {
        // A run that died after claiming: its nudges may have gone out, so they count as sent.
        await trx
          .updateTable('nudges')
          .set((eb) => ({ state: 'sent', sent_at: eb.ref('claimed_at') }))
          .where('tenant_id', '=', tenantId)
          .where('state', '=', 'sending')
          .where('claimed_at', '<', new Date(now.getTime() - SENDING_LEASE_MS))
          .execute();
        const capSince = new Date(now.getTime() - 7 * 86_400_000);
        const candidates = await sql<{ nudge_id: string; aad_object_id: string; series: NudgeSeries; tip: string; announcement_id: string | null; conversation_reference: Record<string, unknown>; locale: string | null }>`
          select distinct on (n.aad_object_id) n.nudge_id, n.aad_object_id, n.series, n.tip, n.announcement_id, p.conversation_reference,
                 coalesce(p.chosen_locale, p.directory_locale) as locale
          from nudges n
          join people p on p.tenant_id = n.tenant_id and p.aad_object_id = n.aad_object_id
          where n.tenant_id = ${tenantId} and n.state = 'pending' and n.due_day <= ${today}::date
            and p.conversation_reference is not null and p.account_enabled and not p.nudges_paused
            and (select count(*) from nudges s where s.tenant_id = n.tenant_id and s.aad_object_id = n.aad_object_id
                   and s.state in ('sent','sending') and coalesce(s.sent_at, s.claimed_at) > ${capSince}) < ${perWeek}
            and not exists (select 1 from prompt_days d where d.tenant_id = n.tenant_id and d.aad_object_id = n.aad_object_id and d.day = ${today}::date)
            -- A reminder only while the announcement is still unread, and not reminded by its communicator.
            and (n.series <> 'announcement-reminder' or exists (
              select 1 from announcement_deliveries d where d.tenant_id = n.tenant_id and d.announcement_id = n.announcement_id and d.aad_object_id = n.aad_object_id
                and d.read_at is null and d.acknowledged_at is null and d.clicked_at is null and d.reminder = 'none'))
            -- A survey question or reminder waiting for them today has the day.
            and not exists (
              select 1 from survey_invitations i join survey_rounds r on r.tenant_id = i.tenant_id and r.round_id = i.round_id
              where i.tenant_id = n.tenant_id and i.aad_object_id = n.aad_object_id and r.closed_at is null and r.closes_at > ${now}
                and (i.prompt = 'pending' or (i.reminder = 'none' and not i.answered and r.remind_at is not null and r.remind_at < ${now}::timestamptz + interval '1 day')))
          order by n.aad_object_id, n.series, n.step
          limit ${limit}`.execute(trx);
        if (candidates.rows.length === 0) return [];
        const granted = await takePromptDays(trx, tenantId, candidates.rows.map((c) => c.aad_object_id), today);
        const claimed = candidates.rows.filter((c) => granted.has(c.aad_object_id) && isNudgeTip(c.tip));
        if (claimed.length > 0) {
          await trx
            .updateTable('nudges')
            .set((eb) => ({ state: 'sending', claimed_at: now, attempts: eb('attempts', '+', 1) }))
            .where('tenant_id', '=', tenantId)
            .where('nudge_id', 'in', claimed.map((c) => c.nudge_id))
            .execute();
        }
        return claimed.map(
          (c): ClaimedNudge => ({
            tenantId,
            nudgeId: c.nudge_id,
            aadObjectId: c.aad_object_id,
            series: c.series,
            tip: c.tip as NudgeTip,
            announcementId: c.announcement_id,
            conversationReference: c.conversation_reference,
            locale: isLocale(c.locale) ? c.locale : null,
          }),
        );
      });
    },

    async finish(nudge, outcome, { now, today }) {
      await db.transaction().execute(async (trx) => {
        const set = outcome === 'sent' ? { state: 'sent' as const, sent_at: now } : outcome === 'retry' ? { state: 'pending' as const, claimed_at: null } : { state: 'unreachable' as const };
        await trx.updateTable('nudges').set(set).where('tenant_id', '=', nudge.tenantId).where('nudge_id', '=', nudge.nudgeId).where('state', '=', 'sending').execute();
        // Nothing reached the person: the day is still free for a survey or another try.
        if (outcome !== 'sent') {
          await trx.deleteFrom('prompt_days').where('tenant_id', '=', nudge.tenantId).where('aad_object_id', '=', nudge.aadObjectId).where('day', '=', today).execute();
        }
      });
    },

    async unreadAnnouncements(tenantId, { now, afterDays, limit, holdOut }) {
      const rows = await sql<{ aad_object_id: string; announcement_id: string }>`
        select d.aad_object_id, d.announcement_id from announcement_deliveries d
        join announcements a on a.tenant_id = d.tenant_id and a.announcement_id = d.announcement_id
        where d.tenant_id = ${tenantId} and a.status = 'sent' and d.state = 'sent' and d.reminder = 'none'
          and d.sent_at < ${new Date(now.getTime() - afterDays * 86_400_000)} and d.sent_at > ${new Date(now.getTime() - REMINDER_HORIZON_DAYS * 86_400_000)}
          and d.read_at is null and d.acknowledged_at is null and d.clicked_at is null
          and not exists (select 1 from nudges n where n.tenant_id = d.tenant_id and n.aad_object_id = d.aad_object_id and n.announcement_id = d.announcement_id)
          and not ${heldOutSql(holdOut.seed, holdOut.percent, sql.ref('d.aad_object_id'))}
        order by d.sent_at
        limit ${limit}`.execute(db);
      return rows.rows.map((r) => ({ aadObjectId: r.aad_object_id, announcementId: r.announcement_id }));
    },

    async planReminders(tenantId, reminders, today) {
      if (reminders.length === 0) return 0;
      const inserted = await sql<{ n: number }>`
        insert into nudges (tenant_id, aad_object_id, series, tip, step, due_day, announcement_id)
        select ${tenantId}, r.aad_object_id, 'announcement-reminder', 'announcement-reminder', 0, ${today}::date, r.announcement_id
        from unnest(${reminders.map((r) => r.aadObjectId)}::text[], ${reminders.map((r) => r.announcementId)}::uuid[]) as r(aad_object_id, announcement_id)
        where exists (select 1 from people p where p.tenant_id = ${tenantId} and p.aad_object_id = r.aad_object_id)
          and not exists (select 1 from nudges n where n.tenant_id = ${tenantId} and n.aad_object_id = r.aad_object_id and n.announcement_id = r.announcement_id)
        returning 1 as n`.execute(db);
      return inserted.rows.length;
    },

    async cohortFigures(tenantId) {
      const open = await openCohortOf(db, tenantId);
      if (!open) return null;
      const rows = await db
        .selectFrom('nudge_cohorts')
        .select(['unit_key', 'arm', 'eligible', 'still_inactive', 'reached', sql<string | null>`measured_on::text`.as('measured_on')])
        .where('tenant_id', '=', tenantId)
        .where('series', '=', 'teams-tips')
        .where('cohort_day', '=', open.cohortDay)
        .execute();
      const measured = rows.map((r) => r.measured_on).filter((d): d is string => d !== null);
      return {
        ...open,
        measuredOn: measured.length > 0 ? measured.reduce((a, b) => (a > b ? a : b)) : null,
        arms: rows.map((r) => ({ unitKey: r.unit_key, arm: r.arm, eligible: r.eligible, stillInactive: r.still_inactive, reached: r.reached })),
      };
    },

    async tenantsWithNudgesOn() {
      const rows = await db.selectFrom('nudge_rules').select('tenant_id').where(sql<boolean>`(rules->>'enabled')::boolean`).execute();
      return rows.map((r) => r.tenant_id);
    },
  };
}

function seriesEnabled(rules: NudgeRules, series: NudgeSeries): boolean {
  switch (series) {
    case 'teams-tips':
      return rules.teamsTips.enabled;
    case 'engage-invitation':
      return rules.engageInvitation.enabled;
    case 'welcome':
      return rules.welcome.enabled;
    case 'announcement-reminder':
      return rules.announcementReminder.enabled;
  }
}

function tipsOf(series: NudgeSeries, rules: NudgeRules): NudgeTip[] {
  if (series === 'teams-tips') return rules.teamsTips.tips;
  if (series === 'engage-invitation') return ['engage-invitation'];
  if (series === 'welcome') return [...WELCOME_TIPS];
  return ['announcement-reminder'];
}

/**
 * The Teams tips' cohort: the first ingestion with nudges on begins it (staff and who qualified, per
 * unit and arm); each ingestion at least measureAfterDays later measures it again (who was active since
 * it began, and how many of the nudged arm got a tip). Counts only.
 */
async function applyCohort(trx: Kysely<Schema>, tenantId: string, targeting: TargetingResult, rules: NudgeRules): Promise<'begun' | 'measured' | 'waiting' | 'none'> {
  if (!rules.enabled || !rules.teamsTips.enabled || targeting.reportDate === null || targeting.arms.length === 0) return 'none';
  const open = await openCohortOf(trx, tenantId);
  if (open === null) {
    const inactiveBefore = dayBefore(targeting.reportDate, rules.teamsTips.inactiveDays);
    await trx
      .insertInto('nudge_cohorts')
      .values(targeting.arms.map((a) => ({ tenant_id: tenantId, cohort_day: targeting.reportDate!, series: 'teams-tips', unit_key: a.unitKey, arm: a.arm, staff: a.staff, eligible: a.eligible, inactive_before: inactiveBefore })))
      .execute();
    return 'begun';
  }
  const { cohortDay, inactiveBefore } = open;
  if (targeting.reportDate < addDays(cohortDay, rules.measureAfterDays) || targeting.arms.some((a) => a.stillInactive === null)) return 'waiting';
  const reachedRows = await trx
    .selectFrom('nudges')
    .select('aad_object_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('series', 'in', ['teams-tips', 'welcome'])
    .where('state', '=', 'sent')
    // Planned by the ingestion that began the cohort: those who qualified then, not those who lapsed later.
    .where('cohort_day', '=', cohortDay)
    .execute();
  const reached = new Map<string, number>();
  for (const { aad_object_id } of reachedRows) {
    const unitKey = targeting.unitOf.get(aad_object_id);
    if (unitKey !== undefined) reached.set(unitKey, (reached.get(unitKey) ?? 0) + 1);
  }
  // Units that appeared since the cohort began are measured too; their baseline is simply missing.
  for (const arm of targeting.arms) {
    const measured = { measured_on: targeting.reportDate, measured_staff: arm.staff, still_inactive: arm.stillInactive!, reached: arm.arm === 'nudged' ? (reached.get(arm.unitKey) ?? 0) : 0 };
    await trx
      .insertInto('nudge_cohorts')
      .values({ tenant_id: tenantId, cohort_day: cohortDay, series: 'teams-tips', unit_key: arm.unitKey, arm: arm.arm, staff: 0, eligible: 0, inactive_before: inactiveBefore, ...measured })
      .onConflict((oc) => oc.columns(['tenant_id', 'cohort_day', 'series', 'unit_key', 'arm']).doUpdateSet(measured))
      .execute();
  }
  return 'measured';
}

async function openCohortOf(db: Kysely<Schema>, tenantId: string): Promise<OpenCohort | null> {
  const row = await db
    .selectFrom('nudge_cohorts')
    .select([sql<string>`cohort_day::text`.as('day'), sql<string>`inactive_before::text`.as('line')])
    .where('tenant_id', '=', tenantId)
    .where('series', '=', 'teams-tips')
    .orderBy('cohort_day', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { cohortDay: row.day, inactiveBefore: row.line } : null;
}

function addDays(day: string, days: number): string {
  return dayBefore(day, -days);
}
