/**
 * The announcement API's answers as the tab reads them (`/api/v1/announcements…`), mirroring
 * core/announcement.ts and the issue 6 contract. Figures about people come only for groups the server
 * shows (at least `minGroupSize`); a hidden unit carries `hidden` instead of figures, and the tab never
 * fills them in.
 */
import type { Locale } from '../i18n';

/** core's MAX_TITLE, MAX_BODY and MAX_LINKS: a card that reads well on a phone and fits a Teams message. */
export const MAX_TITLE = 120;
export const MAX_BODY = 4000;
export const MAX_LINKS = 5;
export const MAX_LINK_LABEL = 80;
export const MAX_IMAGE_ALT = 250;

export interface AnnouncementLink {
  label: string;
  url: string;
}

/** One language version: the body is Markdown as Adaptive Cards render it. */
export interface AnnouncementVersion {
  title: string;
  body: string;
  links: AnnouncementLink[];
}

export interface AnnouncementContent {
  versions: Partial<Record<Locale, AnnouncementVersion>>;
  fallbackLocale: Locale;
  image: { url: string; alt: string } | null;
}

export type AnnouncementAudience =
  | { kind: 'everyone' }
  | { kind: 'units'; unitIds: string[] }
  | { kind: 'groups'; groupIds: string[] }
  | { kind: 'team'; teamId: string };

/** `POST /announcements`. */
export interface AnnouncementRequest {
  content: AnnouncementContent;
  audience: AnnouncementAudience;
  /** ISO 8601 with offset; null sends now. */
  sendAt: string | null;
  requiresAcknowledgement: boolean;
}

export type AnnouncementStatus = 'scheduled' | 'sending' | 'sent' | 'cancelled';

/** `GET /announcements/{id}/progress`: where the fan-out stands. */
export interface Progress {
  total: number;
  queued: number;
  /** Sends in flight when the sender stopped: checked in the person's chat before any resend. */
  inDoubt: number;
  sent: number;
  failed: number;
  unreachable: number;
  ratePerSecond: number;
  secondsLeft: number | null;
}

export interface AnnouncementSummary {
  id: string;
  /** In the caller's language (or the fallback). */
  title: string;
  status: AnnouncementStatus;
  sendAt: string;
  createdAt: string;
  requiresAcknowledgement: boolean;
  audience: AnnouncementAudience;
  progress: Progress;
  /** When the one reminder went out, if the API says so (not in the contract: the 409 tells otherwise). */
  reminderSentAt?: string | null;
}

export interface AnnouncementDetail extends AnnouncementSummary {
  content: AnnouncementContent;
}

export interface AnnouncementList {
  announcements: AnnouncementSummary[];
}

/** Each stage of the funnel in people; `onTeams` is null without adoption data. */
export interface Funnel {
  targeted: number;
  onTeams: number | null;
  delivered: number;
  read: number;
  acknowledged: number;
  clicked: number;
}

export type HiddenReason = 'small' | 'complementary' | 'ancestor';

interface UnitBase {
  unitId: string;
  name: string;
  path: string[];
  parentId?: string | null;
}
export type UnitFunnel = (UnitBase & { funnel: Funnel }) | (UnitBase & { hidden: HiddenReason });

/** `GET /announcements/{id}/reach`: units least reached first. */
export interface Reach {
  minGroupSize: number;
  /** 'none-yet': no read receipt has come at all, so "read" is unknown rather than zero. */
  readReceipts: 'seen' | 'none-yet';
  sentAt: string | null;
  municipality: Funnel | null;
  units: UnitFunnel[];
}

export interface TimelinePoint {
  at: string;
  delivered: number;
  read: number;
  acknowledged: number;
  clicked: number;
}

/** `GET /announcements/{id}/timeline`: cumulative counts in hourly buckets since sending. */
export interface Timeline {
  points: TimelinePoint[];
}

export type UnreachedUnit =
  | (UnitBase & { notOnTeams: number | null; failed: number; unreachable: number; notRead: number })
  | (UnitBase & { hidden: HiddenReason });

/** `GET /announcements/{id}/unreached`. */
export interface Unreached {
  units: UnreachedUnit[];
  notReadAfterDays: number;
}

/** `GET /announcements/{id}/briefing?unitId=`: a sheet for the unit lead to brief in person. */
export interface Briefing {
  announcement: { title: string; body: string; links: AnnouncementLink[]; locale: Locale };
  unit: { id: string; name: string; path: string[] };
  toBrief: number;
  /** Only for announcements that require acknowledgement: those who have not acknowledged. */
  names: string[] | null;
}

export const isShownUnit = (unit: UnitFunnel): unit is UnitBase & { funnel: Funnel } => 'funnel' in unit;
export const isShownUnreached = (unit: UnreachedUnit): unit is Exclude<UnreachedUnit, { hidden: HiddenReason }> => !('hidden' in unit);
