import type { Request, Response } from 'restify';
import { channelPostReach, channelPostReachWithin, type ChannelPostReach } from '../../core/post-reach.js';
import type { PostElsewhere } from '../../core/posts-elsewhere.js';
import { placedAt } from '../../core/errors.js';
import { parseChannelLink } from '../../core/post-link.js';
import { MIN_GROUP_SIZE_FLOOR } from '../../core/suppression.js';
import { requireManage, type AnnouncementAccess } from '../announcement-access.js';
import { announcementOf, contextOf, type AnnouncementRouteDeps } from '../announcement-context.js';
import { attachPostSchema, channelPostSchema } from '../announcement-post-schemas.js';
import { noQuery } from '../announcement-schemas.js';
import type { Caller } from '../auth/caller.js';
import { parseJsonBody } from '../json-body.js';
import { parseQuery } from '../query.js';

/** Each channel post's figures per unit, suppressed over the whole tree, then cut to what the caller sees. */
async function present(caller: Caller, deps: AnnouncementRouteDeps, access: AnnouncementAccess, posts: readonly PostElsewhere[]) {
  const channelIds = posts.filter((p) => p.target.kind === 'channel_post').map((p) => p.id);
  const [counts, staff, units] = await Promise.all([
    deps.posts.store.channelCounts(caller.tenantId, channelIds),
    channelIds.length ? deps.posts.store.staffPerUnit(caller.tenantId) : [],
    channelIds.length ? deps.directory.listUnits(caller.tenantId) : [],
  ]);
  const channelOf = (post: PostElsewhere): ChannelPostReach | null => {
    if (post.target.kind !== 'channel_post') return null;
    const reach = channelPostReach({ counts: counts.get(post.id) ?? [], staff, units, minGroupSize: deps.minGroupSize });
    return access.manage ? reach : channelPostReachWithin(reach, access.unitPaths);
  };
  return posts.map((post) => ({
    id: post.id,
    kind: post.target.kind,
    link: post.link,
    addedAt: post.addedAt.toISOString(),
    refreshedAt: post.refreshedAt?.toISOString() ?? null,
    problem: post.problem,
    channel: channelOf(post),
    page: post.target.kind === 'sharepoint_page' ? post.pageViews : null,
  }));
}

/** GET /api/v1/announcements/:id/posts: the posts elsewhere it follows, with their figures. */
export async function listPosts(req: Request, caller: Caller, deps: AnnouncementRouteDeps) {
  parseQuery(req, noQuery);
  const { access } = await contextOf(caller, deps);
  const announcement = await announcementOf(caller, deps, req.params.id);
  const posts = await deps.posts.store.list(caller.tenantId, announcement.id);
  return { minGroupSize: Math.max(MIN_GROUP_SIZE_FLOOR, Math.floor(deps.minGroupSize)), posts: await present(caller, deps, access, posts) };
}

/** POST /api/v1/announcements/:id/posts: follows a channel post or a SharePoint page, read at once. */
export async function attachPost(req: Request, res: Response, caller: Caller, deps: AnnouncementRouteDeps) {
  const { access } = await contextOf(caller, deps);
  requireManage(access);
  const announcement = await announcementOf(caller, deps, req.params.id);
  const { link } = parseJsonBody(req, attachPostSchema);
  const post = await deps.posts.commands.attach(caller.tenantId, announcement.id, link, caller.id);
  res.status(201);
  return (await present(caller, deps, access, [post]))[0];
}

/** POST /api/v1/announcements/:id/channel-posts: the bot posts the card in a team's channel, and the post is followed. */
export async function postInChannel(req: Request, res: Response, caller: Caller, deps: AnnouncementRouteDeps) {
  const { access } = await contextOf(caller, deps);
  requireManage(access);
  const announcement = await announcementOf(caller, deps, req.params.id);
  const body = parseJsonBody(req, channelPostSchema);
  const channel = 'link' in body ? placedAt('link', () => parseChannelLink(body.link)) : body;
  const post = await deps.posts.commands.postToChannel(caller.tenantId, announcement.id, channel, caller.id);
  res.status(201);
  return (await present(caller, deps, access, [post]))[0];
}
