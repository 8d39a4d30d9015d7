import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { ADAPTIVE_CARD } from './announcement-cards.js';
import type { BotChats, ChatEntry } from './bot-chats.js';
import type { SimContext } from './context.js';
import { graphAuthorised } from './graph-auth.js';
import { graphError, jsonOf, sendJson, type Router, type SimRequest } from './http.js';
import type { SimPerson } from './municipality.js';
import type { TeamsAppState } from './teams-app.js';

/** Graph lets these install apps for users (the first is what Digipuls asks for). */
const INSTALL_FOR_USERS = [
  'TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ReadWriteForUser.All',
  'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All', 'TeamsAppInstallation.ReadWriteAndConsentForUser.All',
];
/** …and these read a user's installed apps and the chat with one. */
const READ_INSTALLED = [
  'TeamsAppInstallation.ReadForUser.All', 'TeamsAppInstallation.Read.All', 'TeamsAppInstallation.ReadWriteSelectedForUser.All', ...INSTALL_FOR_USERS,
];
const READ_CHAT_MESSAGES = ['Chat.Read.All', 'Chat.ReadWrite.All', 'ChatMessage.Read.All'];

const BIND = /\/appCatalogs\/teamsApps\/([^/?#()']+)$|\/appCatalogs\/teamsApps\('([^/?#()']+)'\)$/;
const installBody = z.looseObject({ 'teamsApp@odata.bind': z.string({ error: "the body needs 'teamsApp@odata.bind', a link to the app in the catalog" }) });
/** The $filter clauses the simulator understands on installedApps. */
const APP_FILTER = /^\s*teamsApp\/(externalId|id)\s+eq\s+'((?:[^']|'')*)'\s*$/i;
const messagesTop = z.coerce
  .number({ error: '$top must be a number' })
  .int('$top must be a whole number')
  .min(1, 'Invalid page size specified: $top must be between 1 and 50 inclusive.')
  .max(50, 'Invalid page size specified: $top must be between 1 and 50 inclusive.')
  .default(20);

/**
 * Graph for proactive reach: the app's installations in people's personal scope
 * (`/users/{id}/teamwork/installedApps`, POST and GET, and `/{installationId}/chat`) and the bot's
 * messages in a person's 1:1 chat (`/chats/{chatId}/messages`, newest first, paged).
 */
export function registerTeamwork(router: Router, ctx: SimContext, app: TeamsAppState, chats: BotChats): void {
  const authorised = async (req: SimRequest, res: ServerResponse, permissions: readonly string[]) =>
    (await graphAuthorised(ctx, req, res, permissions)) && !ctx.faults.answer('teamwork', res);
  const userOf = (req: SimRequest, res: ServerResponse): SimPerson | undefined => {
    const person = ctx.personById(req.params.id!);
    if (!person) sendJson(res, 404, graphError('NotFound', `User '${req.params.id}' was not found.`));
    return person;
  };
  const teamsApp = () => ({ id: app.catalogId, externalId: app.externalId, displayName: app.displayName, distributionMethod: 'organization' });

  const install = async (req: SimRequest, res: ServerResponse) => {
    if (!(await authorised(req, res, INSTALL_FOR_USERS))) return;
    const person = userOf(req, res);
    if (!person) return;
    const body = installBody.safeParse(jsonOf(req));
    if (!body.success) return sendJson(res, 400, graphError('BadRequest', body.error.issues[0]?.message ?? 'The body is not JSON'));
    const match = BIND.exec(body.data['teamsApp@odata.bind']);
    if (!match) return sendJson(res, 400, graphError('BadRequest', `'teamsApp@odata.bind' must be a link like https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{id}`));
    const catalogId = match[1] ?? match[2]!;
    if (catalogId.toLowerCase() !== app.catalogId.toLowerCase()) return sendJson(res, 404, graphError('NotFound', `The app '${catalogId}' is not in the app catalog.`));
    if (app.isInstalled(person)) return sendJson(res, 409, graphError('Conflict', 'The app is already installed for this user.'));
    if (!app.installAllowed) return sendJson(res, 403, graphError('Forbidden', "The tenant's app permission policy does not allow installing this app for users."));
    app.install(person);
    // (writeHead is not chained: restify, in the same process as the app, makes it return nothing.)
    res.writeHead(201, { 'cache-control': 'no-store', 'content-length': '0' });
    res.end();
  };

  const list = async (req: SimRequest, res: ServerResponse) => {
    if (!(await authorised(req, res, READ_INSTALLED))) return;
    const person = userOf(req, res);
    if (!person) return;
    const q = req.url.searchParams;
    let matches = true;
    const filter = q.get('$filter');
    if (filter !== null) {
      const clause = APP_FILTER.exec(filter);
      if (!clause) return sendJson(res, 400, graphError('BadRequest', `Unsupported or invalid query filter clause specified: ${filter}`));
      const value = clause[2]!.replace(/''/g, "'");
      matches = clause[1]!.toLowerCase() === 'id' ? value.toLowerCase() === app.catalogId.toLowerCase() : value === app.externalId;
    }
    const expand = (q.get('$expand') ?? '').split(',').map((e) => e.trim().toLowerCase());
    const value =
      matches && app.isInstalled(person)
        ? [{ id: app.installationId(person), ...(expand.includes('teamsapp') ? { teamsApp: teamsApp() } : {}) }]
        : [];
    sendJson(res, 200, { '@odata.context': `${req.origin}/v1.0/$metadata#users('${person.id}')/teamwork/installedApps`, value });
  };

  const chatOfInstallation = async (req: SimRequest, res: ServerResponse) => {
    if (!(await authorised(req, res, READ_INSTALLED))) return;
    const person = userOf(req, res);
    if (!person) return;
    const owner = app.personOfInstallation(req.params.installationId!);
    if (!owner || owner.id !== person.id) {
      return sendJson(res, 404, graphError('NotFound', `No app installation '${req.params.installationId}' for this user.`));
    }
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#chats/$entity`,
      id: app.chatId(person),
      topic: null,
      chatType: 'oneOnOne',
      tenantId: ctx.tenantId,
      webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(app.chatId(person))}/0?tenantId=${ctx.tenantId}`,
    });
  };

  const messages = async (req: SimRequest, res: ServerResponse) => {
    if (!(await authorised(req, res, READ_CHAT_MESSAGES))) return;
    const chatId = req.params.chatId!;
    const person = app.personOfChat(chatId);
    if (!person || !(app.isInstalled(person) || chats.has(person.id))) return sendJson(res, 404, graphError('NotFound', `Chat '${chatId}' was not found.`));
    const q = req.url.searchParams;
    const top = messagesTop.safeParse(q.get('$top') ?? undefined);
    if (!top.success) return sendJson(res, 400, graphError('BadRequest', top.error.issues[0]!.message));
    const orderby = q.get('$orderby');
    if (orderby !== null && !/^\s*createdDateTime\s+desc\s*$/i.test(orderby)) {
      return sendJson(res, 400, graphError('BadRequest', `The simulator orders chat messages by createdDateTime desc only, not '${orderby}'.`));
    }
    let before = Infinity;
    if (q.has('$skiptoken')) {
      const token = /^sim-chat-messages:(\d{1,16})$/.exec(Buffer.from(q.get('$skiptoken')!, 'base64url').toString('utf8'));
      if (!token) return sendJson(res, 400, graphError('BadRequest', 'The specified page token value has expired or is invalid.'));
      before = Number(token[1]);
    }
    const all = chats.messages(person.id);
    // Oldest first in the store: walk back from the newest before the page's start.
    let i = all.length - 1;
    while (i >= 0 && all[i]!.order >= before) i--;
    const page: ChatEntry[] = [];
    for (; i >= 0 && page.length < top.data; i--) page.push(all[i]!);
    let nextLink: string | undefined;
    if (i >= 0 && page.length > 0) {
      const next = new URL(req.url);
      next.searchParams.set('$skiptoken', Buffer.from(`sim-chat-messages:${page[page.length - 1]!.order}`).toString('base64url'));
      nextLink = next.toString();
    }
    sendJson(res, 200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#chats('${encodeURIComponent(chatId)}')/messages`,
      '@odata.count': page.length,
      ...(nextLink ? { '@odata.nextLink': nextLink } : {}),
      value: page.map((entry) => chatMessage(entry, chatId, ctx.app.clientId)),
    });
  };

  // Graph's paths are case-insensitive; both spellings appear in its documentation and SDKs.
  for (const installed of ['installedApps', 'installedapps']) {
    router.on('POST', `/v1.0/users/:id/teamwork/${installed}`, install);
    router.on('GET', `/v1.0/users/:id/teamwork/${installed}`, list);
    router.on('GET', `/v1.0/users/:id/teamwork/${installed}/:installationId/chat`, chatOfInstallation);
  }
  router.on('GET', '/v1.0/chats/:chatId/messages', messages);
}

/** A chatMessage as Graph shows a bot's message: cards as attachments referenced from the html body. */
function chatMessage(entry: ChatEntry, chatId: string, appId: string) {
  const activity = entry.activity;
  const attachments = (Array.isArray(activity.attachments) ? activity.attachments : []).map((a: { contentType?: unknown; content?: unknown; name?: unknown }, index: number) => ({
    id: attachmentId(entry.id, index),
    contentType: typeof a.contentType === 'string' ? a.contentType : ADAPTIVE_CARD,
    contentUrl: null,
    content: typeof a.content === 'string' ? a.content : JSON.stringify(a.content ?? null),
    name: typeof a.name === 'string' ? a.name : null,
    thumbnailUrl: null,
  }));
  const text = typeof activity.text === 'string' ? activity.text : '';
  return {
    id: entry.id,
    replyToId: null,
    etag: String(entry.modifiedAt.getTime()),
    messageType: 'message',
    createdDateTime: entry.createdAt.toISOString(),
    lastModifiedDateTime: entry.modifiedAt.toISOString(),
    lastEditedDateTime: entry.modifiedAt > entry.createdAt ? entry.modifiedAt.toISOString() : null,
    deletedDateTime: null,
    subject: null,
    summary: null,
    chatId,
    importance: 'normal',
    locale: 'en-us',
    webUrl: null,
    channelIdentity: null,
    from: { application: { id: appId, displayName: 'Digipuls', applicationIdentityType: 'bot' }, device: null, user: null },
    body: attachments.length
      ? { contentType: 'html', content: `${text ? `${escapeHtml(text)}` : ''}${attachments.map((a) => `<attachment id="${a.id}"></attachment>`).join('')}` }
      : { contentType: 'text', content: text },
    attachments,
    mentions: [],
    reactions: [],
  };
}

/** Graph's attachment ids are 32 hex characters; here derived from the message id and position. */
const attachmentId = (messageId: string, index: number) => `${Number(messageId).toString(16).padStart(16, '0')}${index.toString(16).padStart(16, '0')}`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
