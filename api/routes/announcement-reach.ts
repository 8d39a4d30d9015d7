import type { Request } from 'restify';
import { versionFor, type Announcement } from '../../core/announcement.js';
import { announcementReach, reachWithin, toBrief } from '../../core/announcement-reach.js';
import { reachTimeline } from '../../core/announcement-timeline.js';
import { forbidden, notFound } from '../../core/errors.js';
import { MIN_GROUP_SIZE_FLOOR } from '../../core/suppression.js';
import { teamsShares } from '../../core/teams-share.js';
import { isWithinUnit, type Unit } from '../../core/units.js';
import type { AnnouncementAccess } from '../announcement-access.js';
import { seesUnit } from '../announcement-access.js';
import { announcementOf, contextOf, type AnnouncementRouteDeps } from '../announcement-context.js';
import { sentAtOf } from '../announcement-presenter.js';
import { briefingQuery, noQuery } from '../announcement-schemas.js';
import type { Caller } from '../auth/caller.js';
import { parseQuery } from '../query.js';

const DAY = 24 * 3600_000;

/** The reach of every unit, suppressed over the whole tree, then cut to what the caller sees. */
async function reachFor(caller: Caller, deps: AnnouncementRouteDeps, announcement: Announcement, access: AnnouncementAccess, now = new Date()) {
  const [counts, units, snapshot] = await Promise.all([
    deps.store.reachByUnit(caller.tenantId, announcement.id, new Date(now.getTime() - deps.notReadAfterDays * DAY)),
    deps.directory.listUnits(caller.tenantId),
    deps.adoption.getSnapshot(caller.tenantId, deps.adoptionPeriod),
  ]);
  const reach = announcementReach({ counts, units, minGroupSize: deps.minGroupSize, teams: teamsShares(snapshot) });
  return { units, reach: access.manage ? reach : reachWithin(reach, access.unitPaths) };
}

async function reachRequest(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  parseQuery(req, noQuery);
  const { access } = await contextOf(caller, deps);
  const announcement = await announcementOf(caller, deps, req.params.id);
  return { access, announcement, ...(await reachFor(caller, deps, announcement, access)) };
}

/** The group size in force: never below the floor, whatever the setting says. */
const minGroupSizeOf = (deps: AnnouncementRouteDeps) => Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(deps.minGroupSize));

/** GET /api/v1/announcements/:id/reach: the funnel, and units least reached first. */
export async function getReach(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  const { announcement, reach } = await reachRequest(req, caller, deps);
  return {
    minGroupSize: minGroupSizeOf(deps),
    readReceipts: reach.readReceipts,
    sentAt: sentAtOf(announcement),
    municipality: reach.municipality,
    units: reach.units,
  };
}

/** GET /api/v1/announcements/:id/unreached: per unit, how many were not reached and why. */
export async function getUnreached(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  const { reach } = await reachRequest(req, caller, deps);
  return { units: reach.unreached, notReadAfterDays: deps.notReadAfterDays };
}

/**
 * GET /api/v1/announcements/:id/timeline: cumulative counts per hour for the whole audience (the store
 * keeps signals per unit, but not per hour and unit), none when the audience is under the group size.
 */
export async function getTimeline(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  parseQuery(req, noQuery);
  await contextOf(caller, deps);
  const announcement = await announcementOf(caller, deps, req.params.id);
  const [rows, counts] = await Promise.all([deps.store.signalsByHour(caller.tenantId, announcement.id), deps.store.counts(caller.tenantId, announcement.id)]);
  return { points: reachTimeline(rows, counts.total >= minGroupSizeOf(deps)) };
}

/**
 * GET /api/v1/announcements/:id/briefing?unitId=: a sheet for the unit's lead to brief in person: the
 * text in the caller's language, how many in the unit (with sub-units) show no sign of reading it, and
 * names only when the announcement told recipients up front that acknowledgements are recorded by name.
 * A unit too small to show gets no sheet (403), as it gets no figures.
 */
export async function getBriefing(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  const { unitId } = parseQuery(req, briefingQuery);
  const { access, locale } = await contextOf(caller, deps);
  const announcement = await announcementOf(caller, deps, req.params.id);
  const { units, reach } = await reachFor(caller, deps, announcement, access);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw notFound('unit_not_found', 'No such unit');
  if (!seesUnit(access, unit)) throw forbidden('forbidden', 'That unit is not one of yours');
  const row = reach.units.find((u) => u.unitId === unitId);
  if (row && 'hidden' in row) {
    throw forbidden('group_too_small', `Fewer than ${minGroupSizeOf(deps)} people in this unit got the announcement, or its figures would give such a group away: it is counted in the unit above`);
  }
  const names = announcement.requiresAcknowledgement ? await deps.store.notAcknowledged(caller.tenantId, announcement.id, subtreeIds(units, unit)) : null;
  const { locale: shownIn, version } = versionFor(announcement.content, locale);
  return {
    announcement: { title: version.title, body: version.body, links: version.links, locale: shownIn },
    unit: { id: unit.id, name: unit.name, path: unit.path },
    // A unit nobody was sent it to has nobody to brief.
    toBrief: row ? toBrief(row.funnel) : 0,
    names,
  };
}

const subtreeIds = (units: readonly Unit[], root: Unit) => units.filter((u) => isWithinUnit(u.path, root.path)).map((u) => u.id);
