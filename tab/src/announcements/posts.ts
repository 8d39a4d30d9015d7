import { useLoad } from '../adoption/use-load';
import { useSession } from '../session';
import { announcementPath } from './queries';
import type { HiddenReason } from './types';

/** Reactions, replies and the people behind them (each once), for a unit with its sub-units or the whole. */
export interface PostFigures {
  reactions: number;
  replies: number;
  people: number;
}
export type PostUnit = { unitId: string; parentId: string | null; name: string; path: string[] } & ({ figures: PostFigures } | { hidden: HiddenReason });

/** A post made elsewhere that the announcement's reach follows (`GET /announcements/{id}/posts`). */
export interface PostElsewhere {
  id: string;
  kind: 'channel_post' | 'sharepoint_page';
  link: string;
  addedAt: string;
  refreshedAt: string | null;
  /** Why the last refresh failed (a stable code); the figures are from the refresh before. */
  problem: string | null;
  channel: { whole: PostFigures | null; units: PostUnit[] } | null;
  page: { viewers: number; views: number } | null;
}
export interface PostsElsewhere {
  minGroupSize: number;
  posts: PostElsewhere[];
}

export const postsPath = (announcementId: string) => `${announcementPath(announcementId)}/posts`;
export const channelPostsPath = (announcementId: string) => `${announcementPath(announcementId)}/channel-posts`;
export const isShownPostUnit = (unit: PostUnit): unit is Extract<PostUnit, { figures: PostFigures }> => 'figures' in unit;

/** The posts elsewhere of an announcement; `version` reloads them (after one is added). */
export function usePostsElsewhere(announcementId: string, version: number) {
  const { api } = useSession();
  return useLoad(`${announcementId}|posts|${version}`, () => api.get<PostsElsewhere>(postsPath(announcementId)));
}

/** Refusals the form explains in the reader's language; anything else is shown as the server said it. */
export const POST_LINK_PROBLEMS = ['post_link_invalid', 'post_link_unsupported', 'teams_link_incomplete', 'sharepoint_link_not_page', 'post_not_found', 'post_not_permitted', 'graph_unavailable'] as const;
export const CHANNEL_LINK_PROBLEMS = ['channel_link_invalid', 'bot_not_in_team', 'connector_busy'] as const;
