import type { Request } from 'restify';
import type { ReportPeriod } from '../core/adoption.js';
import type { Announcement } from '../core/announcement.js';
import type { AnnouncementCommands } from '../core/announcement-commands.js';
import type { AnnouncementStore } from '../core/announcement-store.js';
import type { AdoptionStore } from '../core/adoption-store.js';
import type { DirectoryRepository } from '../core/directory.js';
import { notFound } from '../core/errors.js';
import type { Locale } from '../core/locale.js';
import type { PostsElsewhereCommands, PostsElsewhereStore } from '../core/posts-elsewhere.js';
import { announcementAccess, type AnnouncementAccess } from './announcement-access.js';
import { presentProgress } from './announcement-presenter.js';
import { emptyBody } from './announcement-schemas.js';
import type { Caller } from './auth/caller.js';
import { parseJsonBody } from './json-body.js';

/** What the announcement routes need. */
export interface AnnouncementRouteDeps {
  store: AnnouncementStore;
  commands: AnnouncementCommands;
  directory: DirectoryRepository;
  adoption: Pick<AdoptionStore, 'getSnapshot'>;
  /** The adoption period whose Teams active share estimates "on Teams". */
  adoptionPeriod: ReportPeriod;
  minGroupSize: number;
  /** Delivered this many days ago without a sign of reading counts as "not read". */
  notReadAfterDays: number;
  defaultLocale: Locale;
  /** Posts made elsewhere (a channel post, a SharePoint page) whose reach the announcement follows. */
  posts: { store: PostsElsewhereStore; commands: PostsElsewhereCommands };
}

/** The progress rate is taken over this many seconds: long enough to smooth the send gate's bursts. */
const RATE_WINDOW_SECONDS = 10;

/** The caller's rights and language (their own choice, else the tenant's default). */
export async function contextOf(caller: Caller, deps: AnnouncementRouteDeps): Promise<{ access: AnnouncementAccess; locale: Locale }> {
  const [access, person] = await Promise.all([announcementAccess(caller, deps.directory), deps.directory.findPerson(caller.tenantId, caller.id)]);
  return { access, locale: person?.preferredLocale ?? deps.defaultLocale };
}

export async function announcementOf(caller: Caller, deps: AnnouncementRouteDeps, id: string): Promise<Announcement> {
  const found = await deps.store.get(caller.tenantId, id);
  if (!found) throw notFound('announcement_not_found', 'No such announcement');
  return found;
}

export async function progressOf(caller: Caller, deps: AnnouncementRouteDeps, announcement: Announcement, now = new Date()) {
  const counts = await deps.store.counts(caller.tenantId, announcement.id);
  // Only a fan-out under way has a rate; asking for it costs a query per announcement in a list.
  const rate = announcement.status === 'sending' ? await deps.store.recentRate(caller.tenantId, announcement.id, now, RATE_WINDOW_SECONDS) : 0;
  return presentProgress(counts, rate);
}

/** Cancel and reminder take no body; a JSON one must be empty (`{}`, as the tab sends). */
export function parseEmptyBody(req: Request): void {
  if (req.body === undefined || req.body === null || req.body === '') return;
  parseJsonBody(req, emptyBody);
}
