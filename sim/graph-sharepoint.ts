import type { SimContext } from './context.js';
import { graphAuthorised } from './graph-auth.js';
import { graphError, sendJson, type Router } from './http.js';
import type { PostsElsewhere, SimNewsPage } from './posts-elsewhere.js';

/**
 * Graph's shares API documents Files.ReadWrite.All / Sites.ReadWrite.All for app-only calls; the read
 * permissions are accepted as well, as SharePoint does for items the app can read.
 */
const READ_SITES = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All', 'Files.Read.All', 'Files.ReadWrite.All'];

/**
 * SharePoint through Graph, for news pages: `GET /shares/u!{base64url(url)}/listItem` resolves a page's
 * address to its list item (sharepointIds only when $select asks for them, as Graph does), and
 * `GET /sites/{siteId}/lists/{listId}/items/{itemId}/analytics/allTime` gives its unique viewers.
 */
export function registerSharePoint(router: Router, ctx: SimContext, posts: PostsElsewhere): void {
  router.on('GET', '/v1.0/shares/:shareId/listItem', async (req, res) => {
    if (!(await graphAuthorised(ctx, req, res, READ_SITES)) || ctx.faults.answer('sites', res)) return;
    const shareId = req.params.shareId!;
    if (!/^u![A-Za-z0-9_-]+$/.test(shareId)) return sendJson(res, 400, graphError('invalidRequest', 'Invalid shares key.'));
    const page = posts.pageAt(Buffer.from(shareId.slice(2), 'base64url').toString('utf8'));
    if (!page) return sendJson(res, 404, graphError('itemNotFound', 'The sharing link no longer exists, or you do not have permission to access it.'));
    const select = (req.url.searchParams.get('$select') ?? '').split(',').map((f) => f.trim().toLowerCase());
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#listItem`,
      id: page.itemId,
      webUrl: page.url,
      createdDateTime: '2026-11-02T08:00:00Z',
      contentType: { id: '0x0101009D1CB255DA76424F860D91F20E6C4118', name: 'Site Page' },
      parentReference: { id: page.listId, siteId: page.siteId },
      ...(select.includes('sharepointids') ? { sharepointIds: sharePointIds(ctx, posts, page) } : {}),
    });
  });

  router.on('GET', '/v1.0/sites/:siteId/lists/:listId/items/:itemId/analytics/allTime', async (req, res) => {
    if (!(await graphAuthorised(ctx, req, res, READ_SITES)) || ctx.faults.answer('sites', res)) return;
    const page = posts.newsPages.find((p) => siteMatches(p, req.params.siteId!) && p.listId === req.params.listId && p.itemId === req.params.itemId);
    if (!page) return sendJson(res, 404, graphError('itemNotFound', 'The resource could not be found.'));
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#sites('${encodeURIComponent(page.siteId)}')/lists('${page.listId}')/items('${page.itemId}')/analytics/allTime/$entity`,
      id: `allTime-${page.itemId}`,
      access: { actionCount: page.views, actorCount: page.viewers.length, timeSpentInSeconds: page.views * 45 },
    });
  });
}

function sharePointIds(ctx: SimContext, posts: PostsElsewhere, page: SimNewsPage) {
  const [, siteGuid, webGuid] = page.siteId.split(',');
  return {
    listId: page.listId,
    listItemId: page.itemId,
    listItemUniqueId: null,
    siteId: siteGuid,
    siteUrl: `https://${posts.sharePointHost}/sites/intranett`,
    tenantId: ctx.tenantId,
    webId: webGuid,
  };
}

/** Graph takes a site by its composite id (host,site,web) or by the site collection's GUID alone. */
const siteMatches = (page: SimNewsPage, siteId: string) => page.siteId.toLowerCase() === siteId.toLowerCase() || page.siteId.split(',')[1] === siteId.toLowerCase();
