import { z } from 'zod';
import { LOCALES, type Locale } from './locale.js';
import { audienceSchema } from './survey-plan.js';

/** A title fits a card header on a phone. */
export const MAX_TITLE = 120;
/**
 * Teams refuses a message over about 28 KB, and a card read on a phone should not scroll for ever:
 * the body of one language version stays under this many characters.
 */
export const MAX_BODY = 4000;
export const MAX_LINKS = 5;

/** Only web links: a card button or a link in the body must open in a browser, never run anything. */
const webUrl = z
  .url({ protocol: /^https?$/, error: 'a link is an http(s) address' })
  .max(2000, 'a link is at most 2000 characters');

export const linkSchema = z.strictObject({
  label: z.string().trim().min(1, 'a link needs a label').max(80, 'a link label is at most 80 characters'),
  url: webUrl,
});
export type AnnouncementLink = z.infer<typeof linkSchema>;

/** One language version of an announcement. The body is Markdown as Adaptive Cards render it: **bold**, _italic_, lists, [links](https://…). */
export const versionSchema = z.strictObject({
  title: z.string().trim().min(1, 'the title must not be empty').max(MAX_TITLE, `a title is at most ${MAX_TITLE} characters`),
  body: z.string().trim().min(1, 'the body must not be empty').max(MAX_BODY, `the body is too long for a card: at most ${MAX_BODY} characters`),
  links: z.array(linkSchema).max(MAX_LINKS, `at most ${MAX_LINKS} links`).default([]),
});
export type AnnouncementVersion = z.infer<typeof versionSchema>;

/**
 * What staff read: one version per language the communicator wrote (at least one), the version those
 * without theirs get, and an optional image (https, with a text for screen readers).
 */
export const announcementContentSchema = z
  .strictObject({
    versions: z.partialRecord(z.enum(LOCALES), versionSchema),
    fallbackLocale: z.enum(LOCALES, { error: `fallbackLocale is one of ${LOCALES.join(', ')}` }),
    image: z
      .strictObject({
        url: z.url({ protocol: /^https$/, error: 'an image is an https address' }).max(2000),
        alt: z.string().trim().min(1, 'describe the image for those who cannot see it').max(250),
      })
      .nullable()
      .default(null),
  })
  .superRefine((content, ctx) => {
    if (Object.keys(content.versions).length === 0) ctx.addIssue({ code: 'custom', path: ['versions'], message: 'write the announcement in at least one language' });
    else if (!content.versions[content.fallbackLocale]) {
      ctx.addIssue({ code: 'custom', path: ['fallbackLocale'], message: `there is no ${content.fallbackLocale} version to fall back on` });
    }
  });
export type AnnouncementContent = z.infer<typeof announcementContentSchema>;

/** Everyone, units with their sub-units, Entra ID groups, or the members of a Teams team. */
export const announcementAudienceSchema = z.union([
  audienceSchema,
  z.strictObject({ kind: z.literal('team'), teamId: z.uuid({ error: 'a team id is the team’s Entra group id (a uuid)' }) }),
]);
export type AnnouncementAudience = z.infer<typeof announcementAudienceSchema>;

/** What a communicator sends: content, audience, when, and whether acknowledgements are recorded by name. */
export const announcementRequestSchema = z.strictObject({
  content: announcementContentSchema,
  audience: announcementAudienceSchema,
  /** ISO 8601 with offset; null sends now. */
  sendAt: z.iso.datetime({ offset: true, error: 'sendAt is an ISO 8601 date and time, e.g. 2026-12-01T09:00:00+01:00' }).nullable().default(null),
  requiresAcknowledgement: z.boolean().default(false),
});
export type AnnouncementRequest = z.infer<typeof announcementRequestSchema>;

/** The version a person reads: theirs, else the fallback. */
export function versionFor(content: AnnouncementContent, locale: Locale): { locale: Locale; version: AnnouncementVersion } {
  const own = content.versions[locale];
  if (own) return { locale, version: own };
  return { locale: content.fallbackLocale, version: content.versions[content.fallbackLocale]! };
}

export type AnnouncementStatus = 'scheduled' | 'sending' | 'sent' | 'cancelled';

/** Where one recipient's delivery stands. 'sending' after a crash means "in doubt" until the chat is checked. */
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed', 'unreachable'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The reach signals, each counted once per person. */
export const REACH_SIGNALS = ['delivered', 'read', 'acknowledged', 'clicked'] as const;
export type ReachSignal = (typeof REACH_SIGNALS)[number];

export interface Announcement {
  id: string;
  tenantId: string;
  content: AnnouncementContent;
  audience: AnnouncementAudience;
  sendAt: Date;
  requiresAcknowledgement: boolean;
  status: AnnouncementStatus;
  createdBy: string;
  createdAt: Date;
  cancelledAt: Date | null;
  /** When the last recipient was settled (sent, failed or unreachable). */
  finishedAt: Date | null;
  /** When the one reminder was queued, if it was. */
  reminderAt: Date | null;
}

/** The Action.Execute verb of the acknowledge button; its data carries only the announcement id. */
export const ACKNOWLEDGE_VERB = 'announcement.acknowledge';
/** The id of the card's outer container: how the sender recognises its own message in a chat after a crash. */
export const deliveryMarker = (announcementId: string) => `digipuls-announcement-${announcementId}`;
