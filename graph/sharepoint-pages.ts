import { z } from 'zod';
import { documented } from './documented.js';
import type { GraphClient } from './graph-client.js';

/** A SharePoint page as a list item: where its analytics are asked for. */
export interface SharePointItem {
  siteId: string;
  listId: string;
  itemId: string;
}

const listItem = z.object({
  id: z.string().min(1),
  parentReference: z.object({ siteId: z.string().min(1) }),
  sharepointIds: z.object({ listId: z.string().min(1), listItemId: z.string().min(1) }),
});
const analytics = z.object({ access: z.object({ actionCount: z.number().int().nonnegative(), actorCount: z.number().int().nonnegative() }) });

/** The shares API's key for an address: `u!` and the unpadded base64url of the URL (Graph's "encoding sharing URLs"). */
export const shareIdOf = (url: string) => `u!${Buffer.from(url, 'utf8').toString('base64url')}`;

/**
 * The list item behind a page's address (`GET /shares/u!…/listItem`; Graph returns sharepointIds only
 * when selected). One call instead of resolving the site by path and searching its pages library. An
 * address that is no item the app can read is a GraphError 404.
 */
export async function resolveSharePointPage(graph: GraphClient, url: string): Promise<SharePointItem> {
  const item = documented(listItem, await graph.get(`/shares/${shareIdOf(url)}/listItem?$select=id,webUrl,parentReference,sharepointIds`), 'shares listItem');
  return { siteId: item.parentReference.siteId, listId: item.sharepointIds.listId, itemId: item.sharepointIds.listItemId };
}

/**
 * Unique viewers and views of a page since it was made (`…/items/{id}/analytics/allTime`,
 * permission Sites.Read.All). SharePoint gives only the totals: nothing per person or unit.
 */
export async function sharePointPageViews(graph: GraphClient, item: SharePointItem): Promise<{ viewers: number; views: number }> {
  const path = `/sites/${encodeURIComponent(item.siteId)}/lists/${encodeURIComponent(item.listId)}/items/${encodeURIComponent(item.itemId)}/analytics/allTime`;
  const stats = documented(analytics, await graph.get(path), 'item analytics');
  return { viewers: stats.access.actorCount, views: stats.access.actionCount };
}
