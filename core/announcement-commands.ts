import type { Announcement, AnnouncementContent, AnnouncementRequest } from './announcement.js';
import type { Author } from './survey-commands.js';
import type { Locale } from './locale.js';

/**
 * What the API asks app/ to do with announcements (app/announcements implements it). Failures are
 * DigipulsErrors: 400 `empty_audience` (nobody in it), `unknown_unit`, `unknown_group`,
 * `groups_unavailable`; 404 `announcement_not_found`; 409 `announcement_finished` (cancel after it was
 * sent), `reminder_already_sent`, `announcement_still_sending` (a reminder before the fan-out ended).
 */
export interface AnnouncementCommands {
  /** Stores it and, when `sendAt` is null or past, starts sending at once. */
  create(tenantId: string, request: AnnouncementRequest, author: Omit<Author, 'name'>, now?: Date): Promise<Announcement>;
  /** Stops a scheduled or sending announcement; those not yet sent get nothing. */
  cancel(tenantId: string, id: string, now?: Date): Promise<Announcement>;
  /** Queues the one reminder to those it was delivered to who show no sign of reading it (no receipt, acknowledgement or click). */
  remind(tenantId: string, id: string, now?: Date): Promise<{ queued: number }>;
  /** The card exactly as a person reading `locale` gets it (click links shown as the plain targets). */
  previewCard(content: AnnouncementContent, requiresAcknowledgement: boolean, locale: Locale): unknown;
}
