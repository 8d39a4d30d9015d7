import type { Logger } from 'pino';
import { announcementRequestSchema, type Announcement, type AnnouncementContent } from '../../core/announcement.js';
import type { AnnouncementCommands } from '../../core/announcement-commands.js';
import { contentUrls } from '../../core/announcement-links.js';
import type { AnnouncementStore } from '../../core/announcement-store.js';
import type { DirectoryRepository } from '../../core/directory.js';
import { badRequest, conflict, notFound } from '../../core/errors.js';
import { LOCALES } from '../../core/locale.js';
import type { SurveyStore } from '../../core/survey-store.js';
import { announcementCard, cardBytes, TEAMS_MESSAGE_LIMIT_BYTES } from '../../bot/cards/announcement-card.js';
import { connectorFromConfig, type BotConnector } from '../../bot/connector-client.js';
import type { Config } from '../config.js';
import { canCallGraph, connectGraph } from '../graph-connection.js';
import { resolveAudience } from '../surveys/survey-audience.js';
import { createClickLinks, type ClickLinks } from './click-links.js';
import { runAnnouncement, type RunOutcome } from './fan-out.js';
import { createRecipientChats } from './recipient-chats.js';
import { TenantSendGates } from '../send-gate.js';

/** An announcement is sent at most this far ahead. */
const MAX_AHEAD_MS = 366 * 24 * 3600 * 1000;

/** Announcements as app/ runs them: the API's commands, click links, and the fan-out the job runs. */
export interface AnnouncementService extends AnnouncementCommands {
  store: AnnouncementStore;
  links: ClickLinks;
  /** Sends every due announcement (scheduled and due, unfinished, or with a reminder queued), one after another. */
  runDue(now?: Date): Promise<Array<{ id: string; outcome: RunOutcome }>>;
}

export function createAnnouncementService(deps: {
  config: Config;
  store: AnnouncementStore;
  directory: DirectoryRepository;
  people: Pick<SurveyStore, 'audiencePeople'>;
  /** Where staff reach this server (click links); default config.publicUrl. */
  publicUrl?: () => string;
  /** Asks the job to run soon (after a create or a reminder). */
  kick: () => Promise<void>;
  /** The process's send gates, shared with the survey dispatch (default: its own, at the announcement ceiling). */
  gates?: TenantSendGates;
  /** The Bot Connector (default: Teams', or BOT_CONNECTOR_URL, with the bot's token). */
  connector?: BotConnector;
  logger: Logger;
}): AnnouncementService {
  const { config, store, logger } = deps;
  const links = createClickLinks(store, deps.publicUrl ?? (() => config.publicUrl));
  const connector = deps.connector ?? connectorFromConfig(config);
  // One gate per tenant for the process: the adapted rate carries over from one run to the next.
  const gates = deps.gates ?? new TenantSendGates(config.announcements.sendCeiling);
  const audienceOf = (tenantId: string, audience: Announcement['audience']) => resolveAudience(config, deps.people, deps.directory, tenantId, audience);
  const getAnnouncement = async (tenantId: string, id: string) => {
    const found = await store.get(tenantId, id);
    if (!found) throw notFound('announcement_not_found', 'No such announcement');
    return found;
  };

  const run = async (tenantId: string, id: string): Promise<RunOutcome> => {
    const catalogId = config.announcements.teamsAppCatalogId;
    const graph = canCallGraph(config) ? connectGraph(config) : undefined;
    try {
      return await runAnnouncement(
        {
          store,
          links,
          connector,
          gate: gates.of(tenantId),
          ...(graph && catalogId ? { chats: createRecipientChats(graph.graph, catalogId, config.bot.appId) } : {}),
          ...(config.bot.appId ? { botAppId: config.bot.appId } : {}),
          serviceUrl: config.announcements.serviceUrl,
          audienceOf: (announcement) => audienceOf(tenantId, announcement.audience),
          defaultLocale: config.defaultLocale,
          maxAttempts: config.announcements.maxAttempts,
          logger,
        },
        tenantId,
        id,
      );
    } finally {
      await graph?.close();
    }
  };

  return {
    store,
    links,

    async create(tenantId, request, author, now = new Date()) {
      // Parsed here as well as at the API edge: the demo and the CLI call the service directly.
      const parsed = announcementRequestSchema.safeParse(request);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw badRequest('invalid_announcement', issue.message, { path: issue.path.join('.') });
      }
      const { content, audience, requiresAcknowledgement } = parsed.data;
      const sendAt = parsed.data.sendAt ? new Date(parsed.data.sendAt) : now;
      if (sendAt.getTime() - now.getTime() > MAX_AHEAD_MS) throw badRequest('invalid_send_at', 'An announcement is sent at most a year ahead', { path: 'sendAt' });
      checkCardSize(content, requiresAcknowledgement, config.publicUrl);
      const recipients = await audienceOf(tenantId, audience);
      if (recipients.length === 0) throw badRequest('empty_audience', 'Nobody is in this audience: choose units, groups or a team with people in them', { path: 'audience' });
      await deps.directory.ensureTenant(tenantId);
      const created = await store.create({ tenantId, content, audience, sendAt: sendAt < now ? now : sendAt, requiresAcknowledgement, createdBy: author.aadObjectId, createdByRole: author.role });
      if (created.sendAt <= now) await deps.kick();
      logger.info({ announcementId: created.id, audience: audience.kind, recipients: recipients.length, sendAt: created.sendAt }, 'Announcement created');
      return created;
    },

    async cancel(tenantId, id, now = new Date()) {
      const cancelled = await store.cancel(tenantId, id, now);
      if (cancelled) return cancelled;
      const found = await getAnnouncement(tenantId, id);
      throw conflict('announcement_finished', `The announcement is already ${found.status}`);
    },

    async remind(tenantId, id, now = new Date()) {
      const found = await getAnnouncement(tenantId, id);
      const queued = await store.queueReminder(tenantId, id, now);
      if (queued === 'already') throw conflict('reminder_already_sent', 'The one reminder for this announcement was sent already');
      if (queued === 'not_sent') throw conflict(found.status === 'cancelled' ? 'announcement_finished' : 'announcement_still_sending', 'A reminder goes out once the announcement has been sent to everyone');
      if (queued.queued > 0) await deps.kick();
      return queued;
    },

    previewCard: (content, requiresAcknowledgement, locale) => announcementCard({ announcementId: 'preview', content, requiresAcknowledgement }, locale),

    async runDue(now = new Date()) {
      const outcomes: Array<{ id: string; outcome: RunOutcome }> = [];
      for (const due of await store.due(now)) {
        const outcome = await run(due.tenantId, due.id);
        outcomes.push({ id: due.id, outcome });
        if (outcome === 'unfinished') logger.warn({ announcementId: due.id }, 'Announcement not finished: some sends wait for the next run');
      }
      return outcomes;
    },
  };
}

/**
 * Teams refuses a message over about 28 KB. Each language version is measured as the card staff get,
 * with every link replaced by a click link as long as ours, so a card never fails at sending.
 */
function checkCardSize(content: AnnouncementContent, requiresAcknowledgement: boolean, publicUrl: string): void {
  const clickLink = `${publicUrl}/r/00000000-0000-0000-0000-000000000000/0.${'x'.repeat(22)}`;
  const rewrite = () => clickLink;
  const linkCount = contentUrls(content).length;
  for (const locale of LOCALES) {
    const version = content.versions[locale];
    if (!version) continue;
    const card = announcementCard(
      { announcementId: '00000000-0000-0000-0000-000000000000', content: { ...content, fallbackLocale: locale }, requiresAcknowledgement, linkUrls: version.links.map(rewrite), bodyLinkRewrite: rewrite },
      locale,
    );
    if (cardBytes(card) > TEAMS_MESSAGE_LIMIT_BYTES - 2048) {
      throw badRequest('card_too_large', `The ${locale} version makes a card larger than Teams accepts: shorten the text${linkCount > 0 ? ' or use fewer links' : ''}`, { path: `content.versions.${locale}.body` });
    }
  }
}
