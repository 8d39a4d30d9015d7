import type { Logger } from 'pino';
import type { AnnouncementStore } from '../../core/announcement-store.js';
import { DigipulsError, notFound, placedAt, unavailable } from '../../core/errors.js';
import { channelPostLink, parsePostLink } from '../../core/post-link.js';
import type { PostsElsewhereCommands, PostsElsewhereStore } from '../../core/posts-elsewhere.js';
import type { BotConnector } from '../../bot/connector-client.js';
import type { TenantSendGates } from '../send-gate.js';
import type { GraphClient } from '../../graph/graph-client.js';
import { postAnnouncementToChannel } from './channel-announcement.js';
import { readPostFigures, savePostFigures } from './post-figures.js';

/** Graph for one tenant; closed after each use. */
export type GraphFor = () => { graph: GraphClient; tenantId: string; close(): Promise<void> } | undefined;

/** Posts elsewhere as app/ runs them: attached through the API, refreshed by the job. */
export interface PostsElsewhereService extends PostsElsewhereCommands {
  store: PostsElsewhereStore;
}

export function createPostsElsewhereService(deps: {
  store: PostsElsewhereStore;
  announcements: Pick<AnnouncementStore, 'get'>;
  graph: GraphFor;
  /** Where the bot posts in channels, and as whom. */
  connector: BotConnector;
  /** The tenant's send gate: a channel post counts against the same ceiling as the fan-out. */
  gates?: TenantSendGates;
  serviceUrl: string;
  botAppId: string | undefined;
  logger: Logger;
}): PostsElsewhereService {
  const { store, logger } = deps;
  const announcementOf = async (tenantId: string, id: string) => {
    const found = await deps.announcements.get(tenantId, id);
    if (!found) throw notFound('announcement_not_found', 'No such announcement');
    return found;
  };

  const withGraph = async <T>(tenantId: string, use: (graph: GraphClient) => Promise<T>): Promise<T> => {
    const connection = deps.graph();
    if (!connection || connection.tenantId !== tenantId) {
      await connection?.close();
      throw unavailable('graph_unavailable', 'Posts elsewhere are read through Microsoft Graph: set MicrosoftAppTenantId and app credentials');
    }
    try {
      return await use(connection.graph);
    } finally {
      await connection.close();
    }
  };

  return {
    store,

    async attach(tenantId, announcementId, link, addedBy, now = new Date()) {
      await announcementOf(tenantId, announcementId);
      const target = placedAt('link', () => parsePostLink(link));
      // Read before keeping: a link Graph cannot follow is refused, not stored.
      const figures = await withGraph(tenantId, (graph) => readPostFigures(graph, store, tenantId, target));
      const post = await store.add({ tenantId, announcementId, link: link.trim(), target, addedBy, at: now });
      await savePostFigures(store, tenantId, post.id, figures, now);
      logger.info({ announcementId, postId: post.id, kind: target.kind }, 'Post elsewhere attached');
      return (await store.list(tenantId, announcementId)).find((p) => p.id === post.id) ?? post;
    },

    async postToChannel(tenantId, announcementId, channel, addedBy, now = new Date()) {
      const announcement = await announcementOf(tenantId, announcementId);
      const gate = deps.gates?.of(tenantId);
      await gate?.pass();
      const messageId = await postAnnouncementToChannel(gate ? gate.track(deps.connector) : deps.connector, { serviceUrl: deps.serviceUrl, botAppId: deps.botAppId ?? '', tenantId }, announcement, channel.channelId);
      const target = { kind: 'channel_post' as const, teamId: channel.teamId.toLowerCase(), channelId: channel.channelId, messageId };
      const post = await store.add({ tenantId, announcementId, link: channelPostLink(target, tenantId), target, addedBy, at: now });
      logger.info({ announcementId, postId: post.id, channelId: channel.channelId }, 'Announcement posted in a channel');
      // Followed from now on; a Graph that cannot read it yet leaves that to the job, the post stands.
      try {
        await withGraph(tenantId, async (graph) => savePostFigures(store, tenantId, post.id, await readPostFigures(graph, store, tenantId, target), now));
      } catch (error) {
        const code = error instanceof DigipulsError ? error.code : 'refresh_failed';
        await store.saveProblem(tenantId, post.id, code, now);
        logger.warn({ postId: post.id, code, err: error }, 'A post the bot made could not be read yet');
      }
      return (await store.list(tenantId, announcementId)).find((p) => p.id === post.id) ?? post;
    },

    async refreshAll(now = new Date()) {
      let refreshed = 0;
      let failed = 0;
      const connection = deps.graph();
      if (!connection) return { refreshed, failed };
      try {
        for (const { tenantId, post } of await store.all()) {
          if (tenantId !== connection.tenantId) continue;
          try {
            await savePostFigures(store, tenantId, post.id, await readPostFigures(connection.graph, store, tenantId, post.target), now);
            refreshed++;
          } catch (error) {
            failed++;
            const code = error instanceof DigipulsError ? error.code : 'refresh_failed';
            await store.saveProblem(tenantId, post.id, code, now);
            logger.warn({ postId: post.id, code, err: error }, 'A post elsewhere could not be refreshed');
          }
        }
      } finally {
        await connection.close();
      }
      return { refreshed, failed };
    },
  };
}
