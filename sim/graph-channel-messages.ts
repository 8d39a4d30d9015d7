import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SimContext } from './context.js';
import { graphAuthorised } from './graph-auth.js';
import { badPageToken, nextLinkFor, pageOffset } from './graph-query.js';
import { graphError, sendJson, type Router, type SimRequest } from './http.js';
import type { SimPerson } from './municipality.js';
import type { PostsElsewhere, SimChannelPost } from './posts-elsewhere.js';

/** Graph lets these read channel messages app-only (the first is what Digipuls asks for). */
const READ_CHANNEL_MESSAGES = ['ChannelMessage.Read.All', 'ChannelMessage.Read.Group', 'Group.Read.All', 'Group.ReadWrite.All'];
/** Replies come 1–50 a page, 20 when $top is absent (as channel message lists do in Graph). */
const repliesTop = z.coerce
  .number({ error: '$top must be a number' })
  .int('$top must be a whole number')
  .min(1, 'Invalid page size specified: $top must be between 1 and 50 inclusive.')
  .max(50, 'Invalid page size specified: $top must be between 1 and 50 inclusive.')
  .default(20);

/**
 * Graph for posts in team channels: `GET /teams/{teamId}/channels/{channelId}/messages/{messageId}`
 * (the root post with its reactions) and `…/replies` (paged by @odata.nextLink). Unknown team,
 * channel or message: 404 as Graph answers it.
 */
export function registerChannelMessages(router: Router, ctx: SimContext, posts: PostsElsewhere): void {
  const found = async (req: SimRequest, res: ServerResponse): Promise<SimChannelPost | undefined> => {
    if (!(await graphAuthorised(ctx, req, res, READ_CHANNEL_MESSAGES)) || ctx.faults.answer('teamwork', res)) return undefined;
    const post = posts.post(req.params.teamId!, req.params.channelId!, req.params.messageId!);
    if (!post) sendJson(res, 404, graphError('NotFound', `Resource not found for the segment 'messages'.`));
    return post;
  };

  router.on('GET', '/v1.0/teams/:teamId/channels/:channelId/messages/:messageId', async (req, res) => {
    const post = await found(req, res);
    if (!post) return;
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#teams('${post.teamId}')/channels('${encodeURIComponent(post.channelId)}')/messages/$entity`,
      ...message(ctx, post, post.messageId, null, post.createdDateTime, null, `<p>${post.subject}</p>`),
      subject: post.subject,
      reactions: post.reactions.map((r) => ({
        reactionType: r.reactionType,
        displayName: null,
        reactionContentUrl: null,
        createdDateTime: r.createdDateTime,
        // Graph names reactors by id only.
        user: { application: null, device: null, user: userIdentity(ctx, r.person, false) },
      })),
    });
  });

  router.on('GET', '/v1.0/teams/:teamId/channels/:channelId/messages/:messageId/replies', async (req, res) => {
    const post = await found(req, res);
    if (!post) return;
    const q = req.url.searchParams;
    const top = repliesTop.safeParse(q.get('$top') ?? undefined);
    if (!top.success) return sendJson(res, 400, graphError('BadRequest', top.error.issues[0]!.message));
    const skip = q.has('$skiptoken') ? pageOffset('replies', q.get('$skiptoken')!) : 0;
    if (skip === undefined) return sendJson(res, 400, badPageToken());
    const end = Math.min(skip + top.data, post.replies.length);
    const value = post.replies.slice(skip, end).map((r) => ({ ...message(ctx, post, r.id, post.messageId, r.createdDateTime, r.person, `<p>${r.text}</p>`), subject: null, reactions: [] }));
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#teams('${post.teamId}')/channels('${encodeURIComponent(post.channelId)}')/messages('${post.messageId}')/replies`,
      '@odata.count': value.length,
      ...(end < post.replies.length ? { '@odata.nextLink': nextLinkFor(req, 'replies', end) } : {}),
      value,
    });
  });
}

/** The fields every chatMessage in a channel has; root posts are the communicator's. */
function message(ctx: SimContext, post: SimChannelPost, id: string, replyToId: string | null, created: string, author: SimPerson | null, html: string) {
  return {
    id,
    replyToId,
    etag: id,
    messageType: 'message',
    createdDateTime: created,
    lastModifiedDateTime: created,
    lastEditedDateTime: null,
    deletedDateTime: null,
    summary: null,
    chatId: null,
    importance: 'normal',
    locale: 'en-us',
    webUrl: post.link,
    channelIdentity: { teamId: post.teamId, channelId: post.channelId },
    from: { application: null, device: null, user: userIdentity(ctx, author ?? ctx.municipality.demoPersons.communicator, true) },
    body: { contentType: 'html', content: html },
    attachments: [],
    mentions: [],
  };
}

const userIdentity = (ctx: SimContext, person: SimPerson, named: boolean) => ({
  '@odata.type': '#microsoft.graph.teamworkUserIdentity',
  id: person.id,
  displayName: named ? person.displayName : null,
  userIdentityType: 'aadUser',
  tenantId: ctx.tenantId,
});
