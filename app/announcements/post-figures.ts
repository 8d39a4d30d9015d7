import { DigipulsError } from '../../core/errors.js';
import { countPerUnit } from '../../core/post-activity.js';
import type { PostTarget } from '../../core/post-link.js';
import type { PostsElsewhereStore, PostUnitCounts } from '../../core/posts-elsewhere.js';
import { channelPostActivity } from '../../graph/channel-posts.js';
import { GraphError, type GraphClient } from '../../graph/graph-client.js';
import { resolveSharePointPage, sharePointPageViews } from '../../graph/sharepoint-pages.js';

/** A post's figures as they are kept: per unit for a channel post (nobody named), totals for a page. */
export type ReadFigures = { kind: 'channel_post'; counts: PostUnitCounts[] } | { kind: 'sharepoint_page'; views: { viewers: number; views: number } };

/**
 * Reads a post's figures from Graph. A channel post's reactors and repliers are mapped to their units
 * here and then dropped, so no person reaches the database. Graph's refusals become errors the API
 * can answer: 422 `post_not_found` (Graph does not find it), 422 `post_not_permitted` (the app may not
 * read it), 502 `graph_failed` (anything else, retried by the job).
 */
export async function readPostFigures(graph: GraphClient, store: Pick<PostsElsewhereStore, 'unitsOf'>, tenantId: string, target: PostTarget): Promise<ReadFigures> {
  try {
    if (target.kind === 'channel_post') {
      const activity = await channelPostActivity(graph, target);
      const units = await store.unitsOf(tenantId, [...activity.reactions, ...activity.replies]);
      return { kind: 'channel_post', counts: countPerUnit(activity, units) };
    }
    return { kind: 'sharepoint_page', views: await sharePointPageViews(graph, await resolveSharePointPage(graph, target.url)) };
  } catch (error) {
    throw asPostError(error, target);
  }
}

/** Keeps what was read. */
export async function savePostFigures(store: PostsElsewhereStore, tenantId: string, postId: string, figures: ReadFigures, at: Date): Promise<void> {
  if (figures.kind === 'channel_post') await store.saveChannelCounts(tenantId, postId, figures.counts, at);
  else await store.savePageViews(tenantId, postId, figures.views, at);
}

function asPostError(error: unknown, target: PostTarget): unknown {
  if (!(error instanceof GraphError)) return error;
  const what = target.kind === 'channel_post' ? 'the channel post' : 'the SharePoint page';
  if (error.status === 404 || error.status === 400) return new DigipulsError(422, 'post_not_found', `Microsoft Graph does not find ${what}: check the link, and that the post was not deleted`, { path: 'link' });
  if (error.status === 403) return new DigipulsError(422, 'post_not_permitted', `Digipuls may not read ${what}: the tenant has not granted it the permission (ChannelMessage.Read.All or Sites.Read.All)`, { path: 'link' });
  return new DigipulsError(502, 'graph_failed', `Microsoft Graph failed reading ${what}: ${error.message}`);
}
