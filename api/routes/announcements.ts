import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import type { AnnouncementAudience } from '../../core/announcement.js';
import { DigipulsError } from '../../core/errors.js';
import { requireManage } from '../announcement-access.js';
import { announcementOf, contextOf, parseEmptyBody, progressOf, type AnnouncementRouteDeps } from '../announcement-context.js';
import { presentDetail, presentSummary } from '../announcement-presenter.js';
import { createAnnouncementSchema, noQuery, previewBodySchema, previewQuery } from '../announcement-schemas.js';
import type { Caller } from '../auth/caller.js';
import { jsonRoute } from '../handler.js';
import { parseJsonBody } from '../json-body.js';
import { parseQuery } from '../query.js';
import { attachPost, listPosts, postInChannel } from './announcement-posts.js';
import { getBriefing, getReach, getTimeline, getUnreached } from './announcement-reach.js';

/** GET /api/v1/announcements: newest first, each with its progress. */
export async function listAnnouncements(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  parseQuery(req, noQuery);
  const { locale } = await contextOf(caller, deps);
  const announcements = await deps.store.list(caller.tenantId);
  return { announcements: await Promise.all(announcements.map(async (a) => presentSummary(a, await progressOf(caller, deps, a), locale))) };
}

/** POST /api/v1/announcements: stores it and, unless it is for later, starts sending. */
export async function createAnnouncement(req: Request, res: Response, caller: Caller, deps: AnnouncementRouteDeps) {
  const { access, locale } = await contextOf(caller, deps);
  requireManage(access);
  const body = parseJsonBody(req, createAnnouncementSchema);
  let created;
  try {
    created = await deps.commands.create(caller.tenantId, body, { aadObjectId: caller.id, role: access.authorRole });
  } catch (error) {
    throw withFieldError(error, body.audience);
  }
  res.status(201);
  return presentDetail(created, await progressOf(caller, deps, created), locale);
}

/** Where in the body a refusal of the service belongs, when it does not say itself. */
const FIELD_OF_CODE: Record<string, (audience: AnnouncementAudience) => string> = {
  unknown_unit: () => 'audience.unitIds',
  unknown_group: (a) => (a.kind === 'team' ? 'audience.teamId' : 'audience.groupIds'),
  empty_audience: () => 'audience',
  groups_unavailable: () => 'audience',
};

/**
 * The service's refusals (nobody in the audience, a card too large) carry the field as `details.path`;
 * the tab places messages by `errors[].path`, as for a body zod refused, so it gets both.
 */
function withFieldError(error: unknown, audience: AnnouncementAudience): unknown {
  if (!(error instanceof DigipulsError) || error.status !== 400 || error.details?.errors) return error;
  const path = typeof error.details?.path === 'string' ? error.details.path : FIELD_OF_CODE[error.code]?.(audience);
  if (path === undefined) return error;
  return new DigipulsError(400, error.code, error.message, { ...error.details, path, errors: [{ path, message: error.message }] });
}

/** POST /api/v1/announcements/preview?locale=xx: the card exactly as a person reading that language gets it. */
export async function previewAnnouncement(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  const { access, locale } = await contextOf(caller, deps);
  requireManage(access);
  const query = parseQuery(req, previewQuery);
  const body = parseJsonBody(req, previewBodySchema);
  return { card: deps.commands.previewCard(body.content, body.requiresAcknowledgement, query.locale ?? locale) };
}

/** GET /api/v1/announcements/:id */
export async function getAnnouncement(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  parseQuery(req, noQuery);
  const { locale } = await contextOf(caller, deps);
  const announcement = await announcementOf(caller, deps, req.params.id);
  return presentDetail(announcement, await progressOf(caller, deps, announcement), locale);
}

/** POST /api/v1/announcements/:id/cancel: those not yet sent get nothing. */
export async function cancelAnnouncement(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  const { access, locale } = await contextOf(caller, deps);
  requireManage(access);
  parseEmptyBody(req);
  const cancelled = await deps.commands.cancel(caller.tenantId, req.params.id);
  return presentDetail(cancelled, await progressOf(caller, deps, cancelled), locale);
}

/** GET /api/v1/announcements/:id/progress: polled by the tab every 2 s while sending. */
export async function getProgress(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  parseQuery(req, noQuery);
  await contextOf(caller, deps);
  return progressOf(caller, deps, await announcementOf(caller, deps, req.params.id));
}

/** POST /api/v1/announcements/:id/reminder: the one reminder, to those delivered it who show no sign of reading it. */
export async function postReminder(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  const { access } = await contextOf(caller, deps);
  requireManage(access);
  parseEmptyBody(req);
  return deps.commands.remind(caller.tenantId, req.params.id);
}

/** Mounts /api/v1/announcements; `caller` authenticates a request. */
export function registerAnnouncementRoutes(server: Server, logger: Logger, caller: (req: Request) => Promise<Caller>, deps: AnnouncementRouteDeps): void {
  const base = '/api/v1/announcements';
  server.get(base, jsonRoute(logger, async (req) => listAnnouncements(req, await caller(req), deps)));
  server.post(base, jsonRoute(logger, async (req, res) => createAnnouncement(req, res, await caller(req), deps)));
  server.post(`${base}/preview`, jsonRoute(logger, async (req) => previewAnnouncement(req, await caller(req), deps)));
  server.get(`${base}/:id`, jsonRoute(logger, async (req) => getAnnouncement(req, await caller(req), deps)));
  server.post(`${base}/:id/cancel`, jsonRoute(logger, async (req) => cancelAnnouncement(req, await caller(req), deps)));
  server.get(`${base}/:id/progress`, jsonRoute(logger, async (req) => getProgress(req, await caller(req), deps)));
  server.post(`${base}/:id/reminder`, jsonRoute(logger, async (req) => postReminder(req, await caller(req), deps)));
  server.get(`${base}/:id/reach`, jsonRoute(logger, async (req) => getReach(req, await caller(req), deps)));
  server.get(`${base}/:id/timeline`, jsonRoute(logger, async (req) => getTimeline(req, await caller(req), deps)));
  server.get(`${base}/:id/unreached`, jsonRoute(logger, async (req) => getUnreached(req, await caller(req), deps)));
  server.get(`${base}/:id/briefing`, jsonRoute(logger, async (req) => getBriefing(req, await caller(req), deps)));
  server.get(`${base}/:id/posts`, jsonRoute(logger, async (req) => listPosts(req, await caller(req), deps)));
  server.post(`${base}/:id/posts`, jsonRoute(logger, async (req, res) => attachPost(req, res, await caller(req), deps)));
  server.post(`${base}/:id/channel-posts`, jsonRoute(logger, async (req, res) => postInChannel(req, res, await caller(req), deps)));
}
