import type { Announcement, AnnouncementAudience, AnnouncementContent, DeliveryState } from './announcement.js';
import type { ReachSignalStore } from './announcement-signals.js';
import type { Locale } from './locale.js';

/**
 * How many recipients stand where. `queued` are those not yet sent, including those a live run is
 * sending right now; `inDoubt` are those a dead run claimed: sent or not, the chat will tell.
 */
export interface DeliveryCounts {
  total: number;
  queued: number;
  inDoubt: number;
  sent: number;
  failed: number;
  unreachable: number;
}

/** One recipient as the sender needs them. */
export interface DeliveryTarget {
  aadObjectId: string;
  /** Names this delivery in the person's click links. */
  deliveryKey: string;
  unitId: string | null;
  locale: Locale | null;
  /** Where the bot reaches them (their 1:1 chat), when they have one. */
  conversationReference: Record<string, unknown> | null;
  /** The Graph id of that chat, once looked up. */
  graphChatId: string | null;
  /** Tries made so far to get this announcement (and its reminder) to this person, over every run. */
  attempts: number;
}

/** What became of one send. 'queued' puts the recipient back for a later try. */
export interface DeliveryResult {
  aadObjectId: string;
  state: Exclude<DeliveryState, 'sending'>;
  activityId?: string;
  conversationId?: string;
  /** Why a delivery failed or the person is unreachable, in a word ('not_installed', 'blocked', 'http_403'). */
  reason?: string;
  /** Tries made in this claim, added to the person's count. */
  attempts?: number;
}

/** Per unit: how many were targeted and how far the announcement got with them (each person once). */
export interface UnitReachCounts {
  unitId: string | null;
  targeted: number;
  delivered: number;
  read: number;
  acknowledged: number;
  clicked: number;
  failed: number;
  unreachable: number;
  /** Delivered before `notReadBefore` and with no sign of reading (no receipt, acknowledgement or click). */
  notRead: number;
}

export interface NewAnnouncement {
  tenantId: string;
  content: AnnouncementContent;
  audience: AnnouncementAudience;
  sendAt: Date;
  requiresAcknowledgement: boolean;
  createdBy: string;
  createdByRole: string;
}

export interface AnnouncementStore extends ReachSignalStore {
  create(input: NewAnnouncement): Promise<Announcement>;
  get(tenantId: string, id: string): Promise<Announcement | undefined>;
  list(tenantId: string): Promise<Announcement[]>;
  /** Stops an announcement that is scheduled or sending; those not yet sent stay unsent. Undefined when it was already done. */
  cancel(tenantId: string, id: string, at: Date): Promise<Announcement | undefined>;

  /** Announcements a sender should take up now: scheduled and due, sending or with reminders queued, and no live run (its lease ran out). */
  due(now: Date): Promise<Array<{ tenantId: string; id: string }>>;
  /** Takes the announcement for a run until `until`, when no other run holds it; false otherwise. Renewing is taking again by the same owner. */
  lease(tenantId: string, id: string, owner: string, now: Date, until: Date): Promise<boolean>;
  release(tenantId: string, id: string, owner: string): Promise<void>;
  /** Records who is to get it (once: a second call adds nobody) and marks it sending. */
  start(tenantId: string, id: string, recipients: ReadonlyArray<{ aadObjectId: string; unitId: string | null }>, at: Date): Promise<void>;
  /** Recipients a dead run left in doubt (state 'sending'). */
  inDoubt(tenantId: string, id: string, limit: number): Promise<DeliveryTarget[]>;
  /** Claims up to `limit` queued recipients (queued → sending) for this run. */
  claim(tenantId: string, id: string, limit: number): Promise<DeliveryTarget[]>;
  /** Records what became of sends; 'sent' also records the delivered signal. */
  settle(tenantId: string, id: string, results: readonly DeliveryResult[], at: Date): Promise<void>;
  /** Marks it sent when nobody is left queued or in doubt; true when it did. */
  finishIfDone(tenantId: string, id: string, at: Date): Promise<boolean>;
  /** Where the recipients stand at `now` (default: the clock). */
  counts(tenantId: string, id: string, now?: Date): Promise<DeliveryCounts>;
  /** Sends settled per second over the last `seconds`. */
  recentRate(tenantId: string, id: string, now: Date, seconds: number): Promise<number>;

  /**
   * Queues the one reminder: to those it was delivered to who show no sign of reading it. Once per
   * announcement: 'already' when a reminder was queued before, 'not_sent' before the fan-out ended.
   */
  queueReminder(tenantId: string, id: string, at: Date): Promise<{ queued: number } | 'already' | 'not_sent'>;
  /** Claims up to `limit` queued reminders (queued → sending). */
  claimReminders(tenantId: string, id: string, limit: number): Promise<DeliveryTarget[]>;
  /**
   * Records what became of reminders. A reminder a dead run left 'sending' is given up as failed: a
   * second reminder is worse than a missing one, and its card carries the same marker as the first.
   */
  settleReminders(tenantId: string, id: string, results: ReadonlyArray<{ aadObjectId: string; state: 'sent' | 'failed' | 'queued'; attempts?: number }>): Promise<void>;
  /** Gives up reminders left 'sending' by a dead run (see settleReminders). */
  abandonReminders(tenantId: string, id: string): Promise<number>;

  /** Remembers where a person is reached (after the app was installed for them) and the Graph chat id. */
  saveChat(tenantId: string, aadObjectId: string, chat: { conversationReference?: Record<string, unknown>; graphChatId?: string }): Promise<void>;

  /** The delivery a click link names, for the redirect to check and count. */
  deliveryByKey(deliveryKey: string): Promise<{ tenantId: string; announcementId: string; aadObjectId: string; content: AnnouncementContent } | undefined>;
  /** The delivery key of the announcement sent to this person (to redraw their card with their links). */
  deliveryKeyOf(tenantId: string, announcementId: string, aadObjectId: string): Promise<string | undefined>;
  /** A click on a link sent to this person: counted the first time; true when it was new. */
  recordClick(input: { tenantId: string; announcementId: string; aadObjectId: string; at: Date }): Promise<boolean>;
  /** The tenant's key for signing click links, made on first use. */
  linkSecret(tenantId: string): Promise<string>;

  reachByUnit(tenantId: string, id: string, notReadBefore: Date): Promise<UnitReachCounts[]>;
  /** Signals by hour since sending, counted from the events (no person). */
  signalsByHour(tenantId: string, id: string): Promise<Array<{ hour: Date; signal: 'delivered' | 'read' | 'acknowledged' | 'clicked'; count: number }>>;
  /** Names of those in these units who were sent it and have not acknowledged (only asked for announcements that said so up front). */
  notAcknowledged(tenantId: string, id: string, unitIds: readonly string[]): Promise<string[]>;
}
