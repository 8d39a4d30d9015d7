import { z } from 'zod';
import { announcementAudienceSchema, announcementContentSchema, announcementRequestSchema } from '../core/announcement.js';
import { LOCALES } from '../core/locale.js';

/** What the announcement routes accept. Bodies and queries are strict: an unknown field is refused by name. */
export { announcementRequestSchema as createAnnouncementSchema };

const draftText = (max: number) => z.string().max(max, `at most ${max} characters`);
const previewVersionSchema = z.strictObject({
  title: draftText(1000),
  body: draftText(20_000),
  links: z.array(z.strictObject({ label: draftText(1000), url: draftText(10_000) })).max(20, 'at most 20 links').default([]),
});

/**
 * The preview draws a draft while it is being written: a half-typed link, an empty title or a text over
 * the limit still show as staff would see them (sending checks every rule and says what to put right).
 * Only what no card can be drawn from is refused: no version at all, or a fallback without a version.
 */
export const previewBodySchema = z.strictObject({
  content: z
    .strictObject({
      versions: z.partialRecord(z.enum(LOCALES), previewVersionSchema),
      fallbackLocale: z.enum(LOCALES, { error: `fallbackLocale is one of ${LOCALES.join(', ')}` }),
      image: z.strictObject({ url: draftText(10_000), alt: draftText(1000) }).nullable().default(null),
    })
    .superRefine((content, ctx) => {
      if (Object.keys(content.versions).length === 0) ctx.addIssue({ code: 'custom', path: ['versions'], message: 'write the announcement in at least one language' });
      else if (!content.versions[content.fallbackLocale]) ctx.addIssue({ code: 'custom', path: ['fallbackLocale'], message: `there is no ${content.fallbackLocale} version to fall back on` });
    }),
  requiresAcknowledgement: z.boolean().default(false),
});

const locale = z.enum(LOCALES, { error: `locale must be one of ${LOCALES.join(', ')}` });
export const previewQuery = z.strictObject({ locale: locale.optional() });
/** Cancel and reminder take nothing but may be sent `{}`. */
export const emptyBody = z.strictObject({});
export const noQuery = z.strictObject({});
export const briefingQuery = z.strictObject({ unitId: z.uuid({ error: 'unitId must be a unit id' }) });

/** What they answer; the source of the OpenAPI document (the tab's announcements/types.ts mirrors them). */
export const count = z.number().int().nonnegative();
export const progressSchema = z.object({
  total: count,
  queued: count,
  inDoubt: count.describe('Sends in flight when a sender stopped: looked up in the person’s chat before any resend'),
  sent: count,
  failed: count,
  unreachable: count,
  ratePerSecond: z.number().nonnegative().describe('Sends over the last 10 seconds'),
  secondsLeft: count.nullable().describe('Queued and in doubt at that rate; null when nothing is being sent'),
});

export const announcementSummarySchema = z.object({
  id: z.string(),
  title: z.string().describe('In the caller’s language, else the fallback'),
  status: z.enum(['scheduled', 'sending', 'sent', 'cancelled']),
  sendAt: z.string(),
  createdAt: z.string(),
  requiresAcknowledgement: z.boolean(),
  audience: announcementAudienceSchema,
  progress: progressSchema,
  reminderSentAt: z.string().nullable(),
});
export const announcementDetailSchema = announcementSummarySchema.extend({ content: announcementContentSchema });

const funnelSchema = z.object({
  targeted: count,
  onTeams: count.nullable().describe('Recipients × the unit’s Teams active share in the latest adoption snapshot; null without adoption data'),
  delivered: count,
  read: count,
  acknowledged: count,
  clicked: count,
});
export const hidden = z.enum(['small', 'complementary', 'ancestor']).describe('Fewer than minGroupSize recipients, hidden so such a group cannot be worked out by subtraction, or inside a hidden unit');
export const unitRef = { unitId: z.string(), parentId: z.string().nullable(), name: z.string(), path: z.array(z.string()) };

export const reachSchema = z.object({
  minGroupSize: z.number().int(),
  readReceipts: z.enum(['seen', 'none-yet']),
  sentAt: z.string().nullable(),
  municipality: funnelSchema.nullable().describe('The whole audience (a unit lead: their unit); null under minGroupSize'),
  units: z.array(z.union([z.object({ ...unitRef, funnel: funnelSchema }), z.object({ ...unitRef, hidden })])).describe('Least reached first; hidden units last'),
});

export const timelineSchema = z.object({
  points: z.array(z.object({ at: z.string(), delivered: count, read: count, acknowledged: count, clicked: count })).describe('Cumulative, hourly, for the whole audience'),
});

export const unreachedSchema = z.object({
  notReadAfterDays: z.number().int(),
  units: z.array(
    z.union([
      z.object({ ...unitRef, notOnTeams: count.nullable(), failed: count, unreachable: count, notRead: count }),
      z.object({ ...unitRef, hidden }),
    ]),
  ),
});

export const briefingSchema = z.object({
  announcement: z.object({ title: z.string(), body: z.string(), links: z.array(z.object({ label: z.string(), url: z.string() })), locale: locale }),
  unit: z.object({ id: z.string(), name: z.string(), path: z.array(z.string()) }),
  toBrief: count.describe('In the unit with its sub-units: recipients with no sign of having read it'),
  names: z.array(z.string()).nullable().describe('Only for announcements that required acknowledgement: who has not acknowledged'),
});
