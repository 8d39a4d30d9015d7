import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import restify from 'restify';
import type { AnnouncementContent } from '../../core/announcement.js';
import type { AnnouncementForCard } from '../../core/announcement-signals.js';
import type { AnnouncementLinks } from '../../bot/chat.js';
import { registerBotRoutes, type BotRuntime } from '../../bot/routes.js';
import { cardOf, cardText, messageActivity, postActivity } from '../support/activities.js';
import type { ReachSignalStore } from '../../core/announcement-signals.js';
import type { TestStack } from '../support/stack.js';
import { chatOf, type ChatPerson } from './chat-helpers.js';

/** An announcement in all four languages, with two links in the body and two as buttons. */
export const fourLanguages: AnnouncementContent = {
  versions: {
    nb: {
      title: 'Nytt turnusprogram fra 1. mars',
      body: 'Fra **1. mars** gjelder ny turnus. Les [retningslinjene](https://intranett.example.no/turnus) før du melder ønsker.',
      links: [{ label: 'Turnusplanen', url: 'https://intranett.example.no/plan' }, { label: 'Spørsmål og svar', url: 'https://intranett.example.no/faq' }],
    },
    nn: {
      title: 'Nytt turnusprogram frå 1. mars',
      body: 'Frå **1. mars** gjeld ny turnus. Les [retningslinene](https://intranett.example.no/turnus) før du melder ønske.',
      links: [{ label: 'Turnusplanen', url: 'https://intranett.example.no/plan' }, { label: 'Spørsmål og svar', url: 'https://intranett.example.no/faq' }],
    },
    sv: {
      title: 'Nytt schema från 1 mars',
      body: 'Från **1 mars** gäller nytt schema. Läs [riktlinjerna](https://intranett.example.no/turnus) innan du lämnar önskemål.',
      links: [{ label: 'Schemat', url: 'https://intranett.example.no/plan' }, { label: 'Frågor och svar', url: 'https://intranett.example.no/faq' }],
    },
    en: {
      title: 'New rota from 1 March',
      body: 'From **1 March** a new rota applies. Read [the guidelines](https://intranett.example.no/turnus) before you send your wishes.',
      links: [{ label: 'The rota', url: 'https://intranett.example.no/plan' }, { label: 'Questions and answers', url: 'https://intranett.example.no/faq' }],
    },
  },
  fallbackLocale: 'nb',
  image: { url: 'https://intranett.example.no/bilder/turnus.png', alt: 'Kalender med vakter markert' },
};

/** Only in bokmål: everyone else reads the fallback. */
export const bokmalOnly: AnnouncementContent = { versions: { nb: fourLanguages.versions.nb! }, fallbackLocale: 'nb', image: null };

/** An announcement as the store hands it to the bot. */
export function announcementOf(content: AnnouncementContent, requiresAcknowledgement: boolean): AnnouncementForCard {
  return { id: randomUUID(), content, requiresAcknowledgement, sentAt: new Date() };
}

/** The click-counting link the test app makes for a person: recognisable, so tests see it kept. */
export const countedLink = (announcementId: string, aadObjectId: string, url: string) =>
  `https://digipuls.example.no/r/${announcementId}/${aadObjectId.slice(0, 8)}?to=${encodeURIComponent(url)}`;
export const testLinks: AnnouncementLinks = async ({ announcementId, aadObjectId }) => (url) => countedLink(announcementId, aadObjectId, url);

/**
 * The real bot routes (token validation on, as in Teams) over the stack's directory and survey store
 * and a reach store of the test's own, on a server of their own.
 */
export async function startReachBot(stack: TestStack, reach: ReachSignalStore, options: { logger?: pino.Logger; now?: () => Date } = {}) {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  const runtime: BotRuntime = registerBotRoutes(server, {
    config: stack.config,
    directory: stack.directory,
    surveys: stack.app.surveys.store,
    reach,
    announcementLinks: testLinks,
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(options.now ? { now: options.now } : {}),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, runtime, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
export type ReachBot = Awaited<ReturnType<typeof startReachBot>>;

/** Posts an activity as the Bot Connector does: with a channel token for the activity's serviceUrl. */
export async function postSigned(stack: TestStack, bot: ReachBot, activity: Record<string, unknown>) {
  const token = await stack.sim.issueChannelToken({ appId: stack.sim.app.clientId, serviceUrl: String(activity.serviceUrl) });
  return postActivity({ ...stack, url: bot.url }, activity, { authorization: `Bearer ${token}` });
}

/** The 1:1 chat reference the sender uses to reach a person (as installing the app stores it). */
export function chatReference(stack: TestStack, person: ChatPerson): Partial<ConversationReference> {
  return {
    channelId: 'msteams',
    serviceUrl: `${stack.sim.url}/`,
    user: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
    bot: { id: `28:${stack.sim.app.clientId}`, name: 'Digipuls' },
    conversation: { id: chatOf(person), conversationType: 'personal', tenantId: stack.sim.tenantId, isGroup: false, name: '' },
  };
}

/** The person presses a button (Action.Execute) in their chat: the card that replaces the pressed one. */
export async function pressIn(stack: TestStack, bot: ReachBot, person: ChatPerson, value: unknown, options: { locale?: string; extra?: Record<string, unknown> } = {}) {
  const invoke = messageActivity(stack, person, '', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, locale: options.locale ?? 'nb-NO', value, ...options.extra });
  const response = await postSigned(stack, bot, invoke);
  const body = (await response.json()) as { statusCode?: number; type?: string; value?: AnnouncementCardJson };
  return { status: response.status, body, card: body.value, text: cardText(body.value) };
}

/** A read receipt event as Teams posts it. */
export function readReceipt(stack: TestStack, person: ChatPerson, value: unknown, extra: Record<string, unknown> = {}) {
  return messageActivity(stack, person, '', { type: 'event', name: 'application/vnd.microsoft.readReceipt', text: undefined, value, ...extra });
}

/** An Adaptive Card as JSON, with what the tests look at. */
export type AnnouncementCardJson = NonNullable<ReturnType<typeof cardOf>> & { body: Array<Record<string, unknown>>; fallbackText?: string };

/** The invoke value Teams posts for a button of a card. */
export function pressedButton(button: { verb?: string; data?: unknown } | undefined) {
  if (!button?.verb) throw new Error('No such button');
  return { action: { type: 'Action.Execute', id: randomUUID(), verb: button.verb, data: button.data }, trigger: 'manual' };
}
