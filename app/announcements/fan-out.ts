import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { deliveryMarker, versionFor, type Announcement } from '../../core/announcement.js';
import type { AnnouncementStore, DeliveryResult, DeliveryTarget } from '../../core/announcement-store.js';
import type { Locale } from '../../core/locale.js';
import { announcementCard } from '../../bot/cards/announcement-card.js';
import { asAttachment } from '../../bot/cards/adaptive-card.js';
import type { ClickLinks } from './click-links.js';
import { runPool, type Handled } from './delivery-pool.js';
import type { RecipientChats } from './recipient-chats.js';
import { sendOnce, type SendContext } from './send-one.js';

/** A run holds the announcement this long, renewing it while alive; a dead run's lease runs out soon after. */
const LEASE_MS = 5000;
const RENEW_MS = 1000;
/** Tries per person in one claim before they go back in the queue (behind the others). */
const MAX_TRIES = 6;
/** The reason a delivery given up after maxAttempts tries carries. */
export const TOO_MANY_ATTEMPTS = 'too_many_attempts';

export interface FanOutDeps extends Omit<SendContext, 'tenantId' | 'chats' | 'saveReference'> {
  store: AnnouncementStore;
  links: ClickLinks;
  /** Who the announcement is for, resolved when sending starts (group members as they are then). */
  audienceOf(announcement: Announcement): Promise<Array<{ aadObjectId: string; unitId: string | null }>>;
  /** Microsoft Graph for this run (installing the app, checking chats), or undefined without it. */
  chats?: RecipientChats;
  defaultLocale: Locale;
  /** Tries per person (over every run, the reminder included) before they are given up as failed. */
  maxAttempts: number;
  logger: Logger;
}

export type RunOutcome = 'busy' | 'gone' | 'finished' | 'unfinished' | 'stopped';

/**
 * Sends one announcement to everyone it is for, resumably: under a lease (one run at a time), with
 * the recipients recorded once, sends left in doubt by a dead run looked up in the person's chat
 * before anything is sent again, then the queue, then the one reminder if one was asked for. Ends
 * 'finished' when nobody is left, 'unfinished' when some wait for the next run (in doubt that could
 * not be checked, or throttled too long), 'stopped' when cancelled or the lease was lost.
 */
export async function runAnnouncement(deps: FanOutDeps, tenantId: string, id: string): Promise<RunOutcome> {
  const { store, logger } = deps;
  const owner = randomUUID();
  const until = () => new Date(Date.now() + LEASE_MS);
  if (!(await store.lease(tenantId, id, owner, new Date(), until()))) return 'busy';
  let lost = false;
  const renewal = setInterval(() => {
    store.lease(tenantId, id, owner, new Date(), until()).then(
      (held) => (lost ||= !held),
      (error: unknown) => logger.warn({ err: error, announcementId: id }, 'Could not renew the announcement lease'),
    );
  }, RENEW_MS);
  try {
    const announcement = await store.get(tenantId, id);
    if (!announcement || announcement.status === 'cancelled') return 'gone';
    if (announcement.status === 'scheduled') {
      const recipients = await deps.audienceOf(announcement);
      await store.start(tenantId, id, recipients, new Date());
      logger.info({ announcementId: id, recipients: recipients.length }, 'Announcement sending started');
    }
    const run = createRun(deps, announcement, () => lost);
    const options = poolOptions(deps.gate.ceiling, () => lost);
    await runPool(
      {
        claim: (limit) => store.inDoubt(tenantId, id, limit),
        handle: run.resolveInDoubt,
        settle: (results) => store.settle(tenantId, id, results, new Date()),
      },
      // Those Graph cannot tell about now stay in doubt, so one look each per run.
      { ...options, concurrency: Math.min(options.concurrency, 16), claimBatch: 10_000, claimOnce: true },
    );
    await runPool(
      {
        claim: (limit) => store.claim(tenantId, id, limit),
        handle: (target) => run.deliver(target, false),
        settle: (results) => store.settle(tenantId, id, results, new Date()),
        requeue: (target): DeliveryResult => ({ aadObjectId: target.aadObjectId, state: 'queued' }),
      },
      options,
    );
    if (lost) return 'stopped';
    if (announcement.status !== 'sent' && !(await store.finishIfDone(tenantId, id, new Date()))) return 'unfinished';
    if (announcement.status === 'sending' || announcement.status === 'scheduled') logger.info({ announcementId: id }, 'Announcement sent to everyone');

    const current = await store.get(tenantId, id);
    if (current?.reminderAt) {
      await store.abandonReminders(tenantId, id);
      await runPool(
        {
          claim: (limit) => store.claimReminders(tenantId, id, limit),
          handle: async (target) => {
            const outcome = await run.deliver(target, true);
            const state = outcome?.result.state;
            const attempts: number | undefined = outcome?.result.attempts;
            return { result: { aadObjectId: target.aadObjectId, state: state === 'sent' || state === 'queued' ? state : ('failed' as const), ...(attempts ? { attempts } : {}) } };
          },
          settle: (results) => store.settleReminders(tenantId, id, results),
          requeue: (target) => ({ aadObjectId: target.aadObjectId, state: 'queued' as const }),
        },
        options,
      );
    }
    return lost ? 'stopped' : 'finished';
  } finally {
    clearInterval(renewal);
    await store.release(tenantId, id, owner).catch((error: unknown) => logger.warn({ err: error }, 'Could not release the announcement lease'));
  }
}

/** As many sends in flight as the rate needs (Teams answers in about 100–300 ms), within reason. */
function poolOptions(ceiling: number, stopped: () => boolean) {
  const concurrency = Math.min(64, Math.max(8, Math.ceil(ceiling / 4)));
  return { concurrency, claimBatch: Math.min(250, Math.max(2 * concurrency, Math.ceil(ceiling / 2))), shouldStop: stopped };
}

/** What one run does with one person. */
function createRun(deps: FanOutDeps, announcement: Announcement, stopped: () => boolean) {
  const { store, logger } = deps;
  const { tenantId, id } = announcement;
  const marker = deliveryMarker(id);
  const ctx: SendContext = {
    ...deps,
    tenantId,
    // Each call tells the gate when it was answered: it holds its place in the tenant's second until a second after.
    connector: deps.gate.track(deps.connector),
    ...(deps.chats ? { chats: deps.chats } : {}),
    saveReference: (aadObjectId, reference) => store.saveChat(tenantId, aadObjectId, { conversationReference: reference }),
  };

  let rewriters: ReturnType<ClickLinks['rewriters']> | undefined;
  const activityFor = async (target: DeliveryTarget, reminder: boolean) => {
    const locale = target.locale ?? deps.defaultLocale;
    rewriters ??= deps.links.rewriters(tenantId, announcement.content);
    const rewrite = (await rewriters)(target.deliveryKey);
    const card = announcementCard(
      {
        announcementId: id,
        content: announcement.content,
        requiresAcknowledgement: announcement.requiresAcknowledgement,
        linkUrls: versionFor(announcement.content, locale).version.links.map((link) => rewrite(link.url)),
        bodyLinkRewrite: rewrite,
        reminder,
      },
      locale,
    );
    return { type: 'message', attachments: [asAttachment(card)] };
  };

  /** Whether the card is in the person's chat: 'sent' (with its id), 'absent', or null when Graph could not tell. */
  const lookInChat = async (target: DeliveryTarget): Promise<{ activityId: string } | 'absent' | null> => {
    if (!deps.chats) return null;
    try {
      const found = await deps.chats.findSent(target, marker);
      if (found.graphChatId && found.graphChatId !== target.graphChatId) await store.saveChat(tenantId, target.aadObjectId, { graphChatId: found.graphChatId });
      return found.messageId ? { activityId: found.messageId } : 'absent';
    } catch (error) {
      logger.warn({ err: error, announcementId: id }, 'Could not look in a chat for a send in doubt');
      return null;
    }
  };

  const conversationOf = (target: DeliveryTarget) => {
    const conversation = (target.conversationReference as { conversation?: { id?: unknown } } | null)?.conversation;
    return typeof conversation?.id === 'string' ? { conversationId: conversation.id } : {};
  };

  return {
    /** A send a dead run left unfinished: found in the chat → sent; not there → back in the queue; unknown → stays in doubt. */
    async resolveInDoubt(target: DeliveryTarget): Promise<Handled<DeliveryResult>> {
      const seen = await lookInChat(target);
      if (seen === null) return null;
      if (seen === 'absent') return { result: { aadObjectId: target.aadObjectId, state: 'queued' } };
      return { result: { aadObjectId: target.aadObjectId, state: 'sent', activityId: seen.activityId, ...conversationOf(target) } };
    },

    async deliver(target: DeliveryTarget, reminder: boolean): Promise<Handled<DeliveryResult>> {
      const activity = await activityFor(target, reminder);
      const person = target.aadObjectId;
      /** The tries of this claim go with every result, so the person's count survives a requeue. */
      const result = (attempts: number, outcome: Omit<DeliveryResult, 'aadObjectId' | 'attempts'>): Handled<DeliveryResult> => ({ result: { aadObjectId: person, attempts, ...outcome } });
      /** After a try that got nothing delivered: give up for good at the cap, else back in the queue after MAX_TRIES. */
      const exhausted = (attempt: number) => {
        if (target.attempts + attempt >= deps.maxAttempts) {
          logger.warn({ announcementId: id, attempts: target.attempts + attempt }, 'Announcement delivery given up after too many tries');
          return result(attempt, { state: 'failed', reason: TOO_MANY_ATTEMPTS });
        }
        return attempt >= MAX_TRIES ? result(attempt, { state: 'queued' }) : undefined;
      };
      for (let attempt = 1; ; attempt++) {
        if (stopped()) return result(attempt - 1, { state: 'queued' });
        const outcome = await sendOnce(ctx, target, activity);
        // Back-off grows over every try for this person, not only this claim's: a connector that keeps failing is asked less and less often.
        const wait = backOffMs(target.attempts + attempt);
        switch (outcome.kind) {
          case 'sent':
            return result(attempt, { state: 'sent', conversationId: outcome.conversationId, ...(outcome.activityId ? { activityId: outcome.activityId } : {}) });
          case 'unreachable':
          case 'failed':
            return result(attempt, { state: outcome.kind, reason: outcome.reason });
          case 'retry': {
            if (outcome.throttled) deps.gate.throttled(outcome.retryAfterMs);
            else deps.gate.backOff(wait);
            const done = exhausted(attempt);
            if (done) return done;
            continue;
          }
          case 'unknown': {
            deps.gate.backOff(wait);
            // A reminder carries the announcement's marker: the chat cannot tell it from the first card.
            if (reminder) return result(attempt, { state: 'failed', reason: outcome.reason });
            await new Promise((resolve) => setTimeout(resolve, wait));
            const seen = await lookInChat(target);
            if (seen !== null && seen !== 'absent') return result(attempt, { state: 'sent', activityId: seen.activityId, conversationId: outcome.conversationId });
            if (seen === null) {
              // Graph could not tell: the next run asks again.
              if (deps.chats) return null;
              // No Graph to ask: a 5xx the connector answered delivered nothing, but silence may have; never send twice.
              if (outcome.reason === 'no_answer') return result(attempt, { state: 'failed', reason: 'unknown_outcome' });
            }
            const done = exhausted(attempt);
            if (done) return done;
            continue;
          }
        }
      }
    },
  };
}

/** 0.5 s, 1 s, 2 s … up to 30 s. */
const backOffMs = (attempt: number) => Math.min(30_000, 500 * 2 ** (attempt - 1));
