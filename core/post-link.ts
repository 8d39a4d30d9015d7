import { badRequest } from './errors.js';

/** A post made outside Digipuls that an announcement's reach can follow. */
export type PostTarget =
  | { kind: 'channel_post'; teamId: string; channelId: string; messageId: string }
  | { kind: 'sharepoint_page'; url: string };

/** Teams' "Copy link" addresses come from the classic and the new domain. */
const TEAMS_HOSTS = new Set(['teams.microsoft.com', 'teams.cloud.microsoft']);
const TEAMS_PATH = /^\/l\/message\/([^/]+)\/(\d{1,20})\/?$/;
const CHANNEL_ID = /^19:[^/\s]+@thread\.(tacv2|skype)$/i;
const MESSAGE_ID = /^\d{1,20}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHAREPOINT_HOST = /^[a-z0-9-]+\.sharepoint\.com$/i;
const SITE_PAGE = /\/sitepages\/[^/]+\.aspx$/i;

/**
 * Reads a link a communicator pasted: a Teams channel message's "Copy link" address
 * (`https://teams.microsoft.com/l/message/{channelId}/{messageId}?groupId={teamId}&…`) or a SharePoint
 * page (`https://{tenant}.sharepoint.com/sites/{site}/SitePages/{page}.aspx`). A link to a reply follows
 * the post it replies to (`parentMessageId`), as reach is the post's. Anything else is a 400 naming why:
 * `post_link_invalid` (not an https address), `post_link_unsupported` (neither kind),
 * `teams_link_incomplete` (a Teams link without the team or a channel message), `sharepoint_link_not_page`.
 */
export function parsePostLink(input: string): PostTarget {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw badRequest('post_link_invalid', 'The link is not a web address');
  }
  if (url.protocol !== 'https:') throw badRequest('post_link_invalid', 'The link must be an https address');
  const host = url.hostname.toLowerCase();
  if (TEAMS_HOSTS.has(host)) return channelPost(url);
  if (SHAREPOINT_HOST.test(host)) {
    if (!SITE_PAGE.test(url.pathname)) throw badRequest('sharepoint_link_not_page', 'The SharePoint link is not to a page (…/SitePages/….aspx)');
    // The page is the same without ?web=1, a fragment or a different case in the host.
    return { kind: 'sharepoint_page', url: `https://${host}${url.pathname}` };
  }
  throw badRequest('post_link_unsupported', 'The link is neither a Teams channel message nor a SharePoint page');
}

function channelPost(url: URL): PostTarget {
  const path = TEAMS_PATH.exec(url.pathname);
  const incomplete = () => badRequest('teams_link_incomplete', 'The Teams link does not name a channel message and its team (use "Copy link" on the post)');
  if (!path) throw incomplete();
  let channelId: string;
  try {
    channelId = decodeURIComponent(path[1]!);
  } catch {
    throw incomplete();
  }
  const teamId = url.searchParams.get('groupId') ?? '';
  if (!CHANNEL_ID.test(channelId) || !GUID.test(teamId)) throw incomplete();
  const parent = url.searchParams.get('parentMessageId');
  const messageId = parent && MESSAGE_ID.test(parent) && parent !== '0' ? parent : path[2]!;
  return { kind: 'channel_post', teamId: teamId.toLowerCase(), channelId, messageId };
}

const CHANNEL_PATH = /^\/l\/channel\/([^/]+)(\/[^/]*)?\/?$/;

/**
 * Reads a channel's "Get link to channel" address
 * (`https://teams.microsoft.com/l/channel/{channelId}/{name}?groupId={teamId}&tenantId=…`) into the
 * team and channel the bot is to post in; a channel post's link names its channel too. Anything else
 * is a 400 `channel_link_invalid`.
 */
export function parseChannelLink(input: string): { teamId: string; channelId: string } {
  const refused = () => badRequest('channel_link_invalid', 'The link is not to a Teams channel (use "Get link to channel" on the channel)');
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw refused();
  }
  if (url.protocol !== 'https:' || !TEAMS_HOSTS.has(url.hostname.toLowerCase())) throw refused();
  const path = CHANNEL_PATH.exec(url.pathname) ?? TEAMS_PATH.exec(url.pathname);
  if (!path) throw refused();
  let channelId: string;
  try {
    channelId = decodeURIComponent(path[1]!);
  } catch {
    throw refused();
  }
  const teamId = url.searchParams.get('groupId') ?? '';
  if (!CHANNEL_ID.test(channelId) || !GUID.test(teamId)) throw refused();
  return { teamId: teamId.toLowerCase(), channelId };
}

/** The "Copy link" address Teams gives a channel post: what a post the bot made is listed with. */
export function channelPostLink(post: { teamId: string; channelId: string; messageId: string }, tenantId: string): string {
  const query = new URLSearchParams({ tenantId, groupId: post.teamId, parentMessageId: post.messageId });
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(post.channelId)}/${post.messageId}?${query}`;
}

/** A channel's id as Teams writes it (`19:…@thread.tacv2`). */
export const isChannelId = (value: string) => CHANNEL_ID.test(value);
