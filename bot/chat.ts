import { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ReachSignalStore } from '../core/announcement-signals.js';
import type { DigestStore } from '../core/digest-store.js';
import type { DirectoryRepository, Person } from '../core/directory.js';
import type { NudgeStore } from '../core/nudge-store.js';
import type { Role } from '../core/roles.js';
import type { SurveyAnswerStore, SurveyStore } from '../core/survey-store.js';
import { localeFromTag, type Locale } from '../core/locale.js';
import { asAttachment, type AdaptiveCard } from './cards/adaptive-card.js';
import type { NudgeCardContent } from './cards/nudge-card.js';
import { personLocale } from './person-locale.js';
import { tenantOf } from './tenant-guard.js';

/** What every bot handler needs. */
export interface BotDeps {
  directory: DirectoryRepository;
  defaultLocale: Locale;
  /** The smallest group results are shown for; the welcome and privacy cards state it. */
  minGroupSize: number;
  /** Who may read free-text survey answers; the privacy notice names them. */
  freeTextRoles: readonly Role[];
  /** Survey rounds and where answers are recorded (apart from who answered); the tenant's time zone for dates on cards. */
  surveys: BotSurveyStore;
  /** Where acknowledgements and read receipts of announcements are counted (once per person). */
  reach: ReachSignalStore;
  /**
   * The link rewriting the sender applied for this person (click counting), so that the card redrawn
   * after "acknowledge" keeps counting clicks. Without it the redrawn card opens the original links.
   */
  announcementLinks?: AnnouncementLinks;
  /**
   * Where "this helped" / "not for me" under a usage tip is counted, and what the tip showed, to redraw
   * it. Without it (a deployment that sends no tips) a press on the pair gets the error card.
   */
  nudges?: BotNudgeStore;
  /** Unit leads' digest preferences: «sammendrag av/på» and the digest's "turn off" button. Without it those answer that the digest is for unit leads. */
  digests?: Pick<DigestStore, 'setEnabled' | 'getPreferences'>;
  /** The clock: when an answer arrives (tests set it to answer after a round closed). */
  now: () => Date;
  logger: Logger;
}

/** What the bot reads and writes of the survey tables. */
export type BotSurveyStore = SurveyAnswerStore & Pick<SurveyStore, 'messagingSettings'>;

/** What the bot reads and writes of the nudge tables. */
export interface BotNudgeStore extends Pick<NudgeStore, 'recordFeedback'> {
  /**
   * A nudge sent to this person, as its card showed it (the tip, the announcement's title in their
   * language, links), so the card can be redrawn after a press; undefined when it is not theirs.
   */
  sentTip(input: { tenantId: string; nudgeId: string; aadObjectId: string; locale: Locale }): Promise<NudgeCardContent | undefined>;
}

/** How one person's announcement links are rewritten: the url of a link (a button or a link in the body) → the url on the card. */
export type AnnouncementLinks = (input: { tenantId: string; announcementId: string; aadObjectId: string }) => Promise<(url: string) => string>;

/** Digipuls talks to staff one to one; in group chats and channels it stores nothing. */
export function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === undefined || type === 'personal';
}

/**
 * Stores where the person can be reached (their 1:1 chat), creating them when the directory has
 * not got them yet. Returns undefined outside a personal chat or without a tenant and Entra id.
 */
export async function rememberChat(context: TurnContext, directory: DirectoryRepository): Promise<Person | undefined> {
  const { activity } = context;
  const tenantId = tenantOf(activity);
  const aadObjectId = activity.from?.aadObjectId;
  if (!tenantId || !aadObjectId || !isPersonalChat(context)) return undefined;
  const reference = TurnContext.getConversationReference(activity) as unknown as Record<string, unknown>;
  return directory.saveChatContact(tenantId, {
    aadObjectId,
    displayName: activity.from.name ?? null,
    locale: localeFromTag(activity.locale) ?? null,
    conversationReference: reference,
  });
}

/** The language to answer this turn in (see personLocale). */
export function localeOf(context: TurnContext, deps: BotDeps, wroteIn?: readonly Locale[]): Promise<Locale> {
  return personLocale(context, deps.directory, deps.defaultLocale, wroteIn);
}

/** Sends a card as a new message in the conversation. */
export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({ type: 'message', attachments: [asAttachment(card)] });
}
