import type { z } from 'zod';
import { versionFor, type Announcement } from '../core/announcement.js';
import type { DeliveryCounts } from '../core/announcement-store.js';
import type { Locale } from '../core/locale.js';
import type { announcementDetailSchema, announcementSummarySchema, progressSchema } from './announcement-schemas.js';

type Progress = z.infer<typeof progressSchema>;
type Summary = z.infer<typeof announcementSummarySchema>;
type Detail = z.infer<typeof announcementDetailSchema>;

/** Where the fan-out stands, and how long the rest takes at the rate of the last seconds. */
export function presentProgress(counts: DeliveryCounts, ratePerSecond: number): Progress {
  const left = counts.queued + counts.inDoubt;
  return {
    ...counts,
    ratePerSecond: Math.round(ratePerSecond * 10) / 10,
    secondsLeft: ratePerSecond > 0 ? Math.ceil(left / ratePerSecond) : null,
  };
}

/**
 * The status as the tab reads it. One that is due is being sent, though the job may not have recorded
 * its recipients yet: "scheduled" says "for later", and the tab follows the progress of "sending" only.
 */
export function statusOf(announcement: Announcement, now = new Date()): Announcement['status'] {
  return announcement.status === 'scheduled' && announcement.sendAt <= now ? 'sending' : announcement.status;
}

/** An announcement in a list: its title in the caller's language (or the fallback). */
export function presentSummary(announcement: Announcement, progress: Progress, locale: Locale): Summary {
  return {
    id: announcement.id,
    title: versionFor(announcement.content, locale).version.title,
    status: statusOf(announcement),
    sendAt: announcement.sendAt.toISOString(),
    createdAt: announcement.createdAt.toISOString(),
    requiresAcknowledgement: announcement.requiresAcknowledgement,
    audience: announcement.audience,
    progress,
    reminderSentAt: announcement.reminderAt?.toISOString() ?? null,
  };
}

/** One announcement with every language version, as written. */
export function presentDetail(announcement: Announcement, progress: Progress, locale: Locale): Detail {
  return { ...presentSummary(announcement, progress, locale), content: announcement.content };
}

/** When sending began: null while scheduled, or when it was cancelled before its time. */
export function sentAtOf(announcement: Announcement): string | null {
  if (statusOf(announcement) === 'scheduled') return null;
  if (announcement.status === 'cancelled' && announcement.cancelledAt && announcement.cancelledAt < announcement.sendAt) return null;
  return announcement.sendAt.toISOString();
}
