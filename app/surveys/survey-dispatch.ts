import type { Logger } from 'pino';
import type { Locale } from '../../core/locale.js';
import { isQuietTime, localDay } from '../../core/messaging-settings.js';
import { roundTimes, nextRoundAt } from '../../core/survey-schedule.js';
import type { ClaimedMessage, SendOutcome, Survey, SurveyPrompt, SurveyStore } from '../../core/survey-store.js';
import type { SurveyCards } from './survey-cards.js';
import { SendGate } from '../send-gate.js';
import { outcomeOfSendError } from './send-outcome.js';

/** Sends a card into a person's 1:1 chat (the bot's ProactiveSend, narrowed). */
export type SendCard = (reference: Record<string, unknown>, card: unknown) => Promise<unknown>;

export interface DispatchDeps {
  store: SurveyStore;
  cards: SurveyCards;
  send: SendCard;
  /** Who a round asks, resolved when it opens (units, groups or everyone). */
  audienceOf(survey: Survey): Promise<Array<{ aadObjectId: string; unitId: string | null }>>;
  defaultLocale: Locale;
  sendRate: number;
  /** The tenant's gate every Bot Connector call of this process goes through (announcements too). */
  tenantGate?: (tenantId: string) => SendGate;
  logger: Logger;
}

export interface DispatchResult {
  opened: number;
  closed: number;
  prompted: number;
  reminded: number;
  followUps: number;
  /** Tenants left for later because it is quiet time there. */
  quietTenants: number;
}

/** People claimed per query: small enough that a crash leaves few "in doubt", large enough to keep the pace. */
const CLAIM_BATCH = 50;

/**
 * One dispatch pass, as the pg-boss job runs it every minute: close rounds whose time is up, open due
 * rounds, seal answers, then, per tenant outside quiet hours, send first prompts, reminders (to those
 * who have not answered) and follow-ups, paced under the Teams limit. Each message is claimed before it
 * is sent and marked after, so a crash in between leaves it "sending" and it is never sent twice.
 */
export async function dispatchSurveys(deps: DispatchDeps, now: Date): Promise<DispatchResult> {
  const { store, logger } = deps;
  const result: DispatchResult = { opened: 0, closed: 0, prompted: 0, reminded: 0, followUps: 0, quietTenants: 0 };
  result.closed = await store.closeDueRounds(now);
  for (const survey of await store.surveysDue(now)) {
    await openNextRound(deps, survey);
    result.opened++;
  }
  if (result.opened > 0) result.closed += await store.closeDueRounds(now);
  await store.sealAnswers();

  // The gate the fan-out uses: never more than sendRate in any second of Teams' clock (a token bucket
  // let a second's burst and the next second's refill land in one window, over Teams' limit).
  const gate = new SendGate(deps.sendRate);
  const prompts = promptCache(store);
  // A pass to thousands takes minutes: it may run into quiet hours (or the next day), so the time it
  // has reached is `now` plus what it has taken, checked before each batch.
  const started = performance.now();
  const current = () => new Date(now.getTime() + (performance.now() - started));
  for (const tenantId of await store.tenantsWithWork(now)) {
    const settings = await store.messagingSettings(tenantId);
    if (isQuietTime(current(), settings)) {
      result.quietTenants++;
      continue;
    }
    /** Whether to go on sending to this tenant now, and under which day. */
    const sendingDay = (): string | null => (isQuietTime(current(), settings) ? null : localDay(current(), settings.timeZone));
    const tenantGate = deps.tenantGate?.(tenantId);
    const send = async (message: ClaimedMessage, card: unknown): Promise<{ outcome: SendOutcome; stop: boolean }> => {
      // The survey's own pace first, then the tenant's ceiling shared with whatever else is sending.
      await gate.pass();
      await tenantGate?.pass();
      try {
        await deps.send(message.conversationReference, card);
        return { outcome: 'sent', stop: false };
      } catch (error) {
        const { outcome, stopRun } = outcomeOfSendError(error);
        // Teams still said "too many" after botbuilder's own retries: the announcements sending beside us slow down too.
        if ((error as { statusCode?: unknown } | null)?.statusCode === 429) tenantGate?.throttled(undefined);
        logger.warn({ err: error, outcome }, 'A survey message was not sent');
        return { outcome, stop: stopRun };
      } finally {
        gate.answered();
        tenantGate?.answered();
      }
    };

    let stop = false;
    for (const kind of ['prompt', 'reminder'] as const) {
      while (!stop) {
        const day = sendingDay();
        if (day === null) break;
        const claimed = await store.claimPrompts(tenantId, kind, { now: current(), day, limit: CLAIM_BATCH });
        if (claimed.length === 0) break;
        for (const message of claimed) {
          if (stop || sendingDay() !== day) {
            stop = true;
            await store.finishPrompt(message, kind, 'retry', day);
            continue;
          }
          const card = deps.cards.survey({ ...(await prompts(message)), reminder: kind === 'reminder' }, message.locale ?? deps.defaultLocale);
          const sent = await send(message, card);
          await store.finishPrompt(message, kind, sent.outcome, day);
          if (sent.outcome === 'sent') result[kind === 'prompt' ? 'prompted' : 'reminded']++;
          stop = sent.stop;
        }
      }
    }

    while (!stop && sendingDay() !== null) {
      const claimed = await store.claimFollowUps(tenantId, CLAIM_BATCH);
      if (claimed.length === 0) break;
      for (const message of claimed) {
        if (stop || sendingDay() === null) {
          stop = true;
          await store.finishFollowUp(message, 'retry');
          continue;
        }
        const locale = message.locale ?? deps.defaultLocale;
        const card = deps.cards.followUp(
          { title: message.surveyTitle, text: message.followUp.text, roundOpenedOn: message.roundOpenedOn, writtenByRole: message.followUp.writtenBy.role },
          locale,
        );
        const sent = await send(message, card);
        await store.finishFollowUp(message, sent.outcome);
        if (sent.outcome === 'sent') result.followUps++;
        stop = sent.stop;
      }
    }
  }
  return result;
}

async function openNextRound(deps: DispatchDeps, survey: Survey): Promise<void> {
  const rounds = await deps.store.listRounds(survey.tenantId, survey.id);
  const number = rounds.length + 1;
  const first = new Date(survey.schedule.startsAt);
  const { timeZone } = await deps.store.messagingSettings(survey.tenantId);
  const opensAt = number === 1 ? first : (nextRoundAt(first, number - 1, survey.schedule, timeZone) ?? new Date());
  const { closesAt, remindAt } = roundTimes(opensAt, survey.schedule);
  const invitees = await deps.audienceOf(survey);
  await deps.store.openRound({ survey, number, opensAt, closesAt, remindAt, nextRoundAt: nextRoundAt(first, number, survey.schedule, timeZone), invitees });
  deps.logger.info({ surveyId: survey.id, round: number, invited: invitees.length }, 'Survey round opened');
}

/** What a round's card shows, read once per round and pass. */
function promptCache(store: SurveyStore): (message: ClaimedMessage) => Promise<Omit<SurveyPrompt, 'reminder'>> {
  const rounds = new Map<string, Promise<Omit<SurveyPrompt, 'reminder'>>>();
  return (message) => {
    let prompt = rounds.get(message.roundId);
    if (!prompt) {
      prompt = store.findRound(message.tenantId, message.roundId).then((found) => {
        if (!found) throw new Error(`Round ${message.roundId} vanished while sending`);
        return { surveyId: found.survey.id, roundId: found.round.id, definition: found.survey.definition, closesOn: found.closesOn };
      });
      rounds.set(message.roundId, prompt);
    }
    return prompt;
  };
}
