import type { PostTarget } from './post-link.js';

/** Reactions and replies to a channel post from the people placed directly in one unit (null: no known unit). */
export interface PostUnitCounts {
  unitId: string | null;
  reactions: number;
  replies: number;
  /** People who reacted or replied, each once. */
  people: number;
}

/** A post made elsewhere that an announcement's reach follows, with its latest figures. */
export interface PostElsewhere {
  id: string;
  announcementId: string;
  /** The link as the communicator gave it. */
  link: string;
  target: PostTarget;
  addedAt: Date;
  /** When the figures were last read from Graph; null before the first time. */
  refreshedAt: Date | null;
  /** Why the last refresh failed (a stable code), null when it worked. */
  problem: string | null;
  /** A SharePoint page's unique viewers and views (SharePoint gives nothing per person or unit); null for a channel post. */
  pageViews: { viewers: number; views: number } | null;
}

/** Where posts elsewhere and their figures are kept: counts per unit only, never who reacted or replied. */
export interface PostsElsewhereStore {
  /** Adds a post to an announcement; the same target twice gives the one already there. */
  add(input: { tenantId: string; announcementId: string; link: string; target: PostTarget; addedBy: string; at: Date }): Promise<PostElsewhere>;
  list(tenantId: string, announcementId: string): Promise<PostElsewhere[]>;
  /** Every post of every tenant, for the refresh job. */
  all(): Promise<Array<{ tenantId: string; post: PostElsewhere }>>;
  /** A channel post's counts per unit, replacing the last ones. */
  saveChannelCounts(tenantId: string, postId: string, counts: readonly PostUnitCounts[], at: Date): Promise<void>;
  savePageViews(tenantId: string, postId: string, views: { viewers: number; views: number }, at: Date): Promise<void>;
  saveProblem(tenantId: string, postId: string, code: string, at: Date): Promise<void>;
  /** The counts per unit of these channel posts. */
  channelCounts(tenantId: string, postIds: readonly string[]): Promise<Map<string, PostUnitCounts[]>>;
  /** Each person's unit (null: in the directory without one); people the directory does not know are absent. */
  unitsOf(tenantId: string, aadObjectIds: readonly string[]): Promise<Map<string, string | null>>;
  /** Staff in the directory per unit they are placed in directly: the group each unit's figures are about. */
  staffPerUnit(tenantId: string): Promise<Array<{ unitId: string | null; staff: number }>>;
}

/**
 * What the API asks app/ to do with posts elsewhere. Failures are DigipulsErrors: 400 from
 * parsePostLink; 404 `announcement_not_found`; 422 `post_not_found` (Graph does not find it, or the app
 * may not read it); 503 `graph_unavailable` (Graph is not configured), 502 `graph_failed`.
 */
export interface PostsElsewhereCommands {
  /** Reads the link, checks the post with Graph, keeps it and its first figures. */
  attach(tenantId: string, announcementId: string, link: string, addedBy: string, now?: Date): Promise<PostElsewhere>;
  /**
   * Has the bot post the announcement's card (in its fallback language, without an acknowledgement
   * button: a channel is no place to record names) as a new thread in a team's channel, and follows
   * that post. 422 `bot_not_in_team` when Digipuls is not installed in the team; 503 `connector_busy`.
   */
  postToChannel(tenantId: string, announcementId: string, channel: { teamId: string; channelId: string }, addedBy: string, now?: Date): Promise<PostElsewhere>;
  /** Reads the figures of every post again (the job). */
  refreshAll(now?: Date): Promise<{ refreshed: number; failed: number }>;
}
