import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import { versionFor, type AnnouncementContent } from '../core/announcement.js';
import type { Locale } from '../core/locale.js';
import { DEFAULT_NUDGE_RULES, nudgeRulesSchema, type NudgeRules } from '../core/nudge-rules.js';
import type { NudgeStore, StoredNudgeRules } from '../core/nudge-store.js';
import { isNudgeTip, type NudgeTip } from '../core/nudge-tips.js';
import { isUuid } from './ids.js';
import type { NudgeRulesTable, Schema } from './schema.js';

/** A nudge sent to a person, as its card showed it: what the bot needs to redraw the card after a press. */
export interface SentTip {
  tip: NudgeTip;
  /** The reminded announcement's title in the person's language (else its fallback version's). */
  announcementTitle?: string;
}

/** The nudge rules and tip feedback behind core's NudgeStore port, and what the bot reads of a sent nudge. */
export interface NudgeRulesRepository extends NudgeStore {
  /** A nudge sent to this person (or being sent: a press proves it arrived); undefined when it is not theirs. */
  sentTip(input: { tenantId: string; nudgeId: string; aadObjectId: string; locale: Locale }): Promise<SentTip | undefined>;
  /** "This helped" / "not for me" per tip, summed over units: what the tab shows (above the group size). */
  tipFeedback(tenantId: string): Promise<Array<{ tip: string; helped: number; notForMe: number }>>;
}

/** A card press may come before the sender has written down that the card arrived. */
const DELIVERED = ['sending', 'sent'] as const;

export function createNudgeRulesRepository(db: Kysely<Schema>): NudgeRulesRepository {
  const ensureTenant = (tenantId: string) =>
    db.insertInto('tenants').values({ tenant_id: tenantId, name: null }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();
  const rulesRow = (tenantId: string) => db.selectFrom('nudge_rules').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();

  return {
    async tipFeedback(tenantId) {
      const rows = await db
        .selectFrom('nudge_tip_feedback')
        .select(['tip', (eb) => eb.fn.sum<string>('helped').as('helped'), (eb) => eb.fn.sum<string>('not_for_me').as('not_for_me')])
        .where('tenant_id', '=', tenantId)
        .groupBy('tip')
        .orderBy('tip')
        .execute();
      return rows.map((r) => ({ tip: r.tip, helped: Number(r.helped), notForMe: Number(r.not_for_me) }));
    },

    async getRules(tenantId) {
      const existing = await rulesRow(tenantId);
      if (existing) return toStored(existing);
      await ensureTenant(tenantId);
      // The first writer's seed wins; every instance reads the same one after, so the hold-out never moves.
      await db
        .insertInto('nudge_rules')
        .values({ tenant_id: tenantId, rules: JSON.stringify(DEFAULT_NUDGE_RULES), hold_out_seed: newSeed() })
        .onConflict((oc) => oc.column('tenant_id').doNothing())
        .execute();
      return toStored((await rulesRow(tenantId))!);
    },

    async saveRules(tenantId, rules, now) {
      await ensureTenant(tenantId);
      const row = await db
        .insertInto('nudge_rules')
        .values({ tenant_id: tenantId, rules: JSON.stringify(rules), hold_out_seed: newSeed(), updated_at: now })
        // The seed is never replaced: changing the rules must not move anyone between the arms.
        .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ rules: JSON.stringify(rules), updated_at: now }))
        .returningAll()
        .executeTakeFirstOrThrow();
      return toStored(row);
    },

    async recordFeedback(tenantId, nudgeId, aadObjectId, feedback) {
      if (!isUuid(nudgeId)) return 'unknown-nudge';
      return db.transaction().execute(async (trx) => {
        // The row lock of this update makes a second, simultaneous press find feedback already given.
        const marked = await trx
          .updateTable('nudges')
          .set({ feedback_given: true })
          .where('tenant_id', '=', tenantId)
          .where('nudge_id', '=', nudgeId)
          .where('aad_object_id', '=', aadObjectId)
          .where('state', 'in', DELIVERED)
          .where('feedback_given', '=', false)
          .returning('tip')
          .executeTakeFirst();
        if (!marked) {
          const given = await trx
            .selectFrom('nudges')
            .select('nudge_id')
            .where('tenant_id', '=', tenantId)
            .where('nudge_id', '=', nudgeId)
            .where('aad_object_id', '=', aadObjectId)
            .where('state', 'in', DELIVERED)
            .executeTakeFirst();
          return given ? 'already-given' : 'unknown-nudge';
        }
        // Counted per tip and the person's unit now; the nudge row keeps only that an answer was given.
        const unit = await trx
          .selectFrom('people as p')
          .leftJoin('units as u', (j) => j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.unit_id', '=', 'p.unit_id'))
          .select('u.path_key')
          .where('p.tenant_id', '=', tenantId)
          .where('p.aad_object_id', '=', aadObjectId)
          .executeTakeFirst();
        const column = feedback === 'helped' ? 'helped' : 'not_for_me';
        await trx
          .insertInto('nudge_tip_feedback')
          .values({ tenant_id: tenantId, tip: marked.tip, unit_key: unit?.path_key ?? '', [column]: 1 })
          .onConflict((oc) => oc.columns(['tenant_id', 'tip', 'unit_key']).doUpdateSet({ [column]: sql`${sql.ref(`nudge_tip_feedback.${column}`)} + 1` }))
          .execute();
        return 'recorded';
      });
    },

    async sentTip({ tenantId, nudgeId, aadObjectId, locale }) {
      if (!isUuid(nudgeId)) return undefined;
      const row = await db
        .selectFrom('nudges as n')
        .leftJoin('announcements as a', (j) => j.onRef('a.tenant_id', '=', 'n.tenant_id').onRef('a.announcement_id', '=', 'n.announcement_id'))
        .select(['n.tip', 'a.content'])
        .where('n.tenant_id', '=', tenantId)
        .where('n.nudge_id', '=', nudgeId)
        .where('n.aad_object_id', '=', aadObjectId)
        .where('n.state', 'in', DELIVERED)
        .executeTakeFirst();
      if (!row || !isNudgeTip(row.tip)) return undefined;
      const content = row.content as AnnouncementContent | null;
      return { tip: row.tip, ...(content ? { announcementTitle: versionFor(content, locale).version.title } : {}) };
    },
  };
}

/** A seed for the hold-out: random, and long enough that nobody can work out who is held out. */
const newSeed = () => randomBytes(16).toString('base64url');

/**
 * `updatedAt` is the row's: the first read stores the defaults, so until an admin saves, it is when
 * the rules were first read.
 */
function toStored(row: Selectable<NudgeRulesTable>): StoredNudgeRules {
  return { rules: readRules(row.rules), holdOutSeed: row.hold_out_seed, updatedAt: row.updated_at };
}

/**
 * Stored rules as today's schema reads them. Rules saved in an older shape keep every setting that
 * still fits; a setting that is missing or no longer valid takes today's default. Nothing is logged:
 * an older shape is expected after an upgrade, not an error.
 */
export function readRules(stored: unknown): NudgeRules {
  const whole = nudgeRulesSchema.safeParse(stored);
  if (whole.success) return whole.data;
  const merged = readPart(nudgeRulesSchema, DEFAULT_NUDGE_RULES, stored);
  const parsed = nudgeRulesSchema.safeParse(merged);
  return parsed.success ? parsed.data : nudgeRulesSchema.parse(DEFAULT_NUDGE_RULES);
}

/** An object of the rules (the whole, or a part such as pacing): each field that fits is kept, unknown fields are dropped. */
function readPart(schema: z.ZodObject, fallback: object, stored: unknown): Record<string, unknown> {
  const source = isRecord(stored) ? stored : {};
  const fields = schema.shape as Record<string, z.ZodType>;
  return Object.fromEntries(
    Object.entries(fallback).map(([field, value]) => {
      const fieldSchema = fields[field]!;
      if (fieldSchema instanceof z.ZodObject) {
        // A part with one bad field keeps its other fields.
        const part = readPart(fieldSchema, value as object, source[field]);
        return [field, fieldSchema.safeParse(part).success ? part : value];
      }
      const parsed = fieldSchema.safeParse(source[field]);
      return [field, parsed.success ? parsed.data : value];
    }),
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
