import type { Logger } from 'pino';
import { digestModel, type DigestModel } from '../../core/digest-content.js';
import { digestClock } from '../../core/digest-due.js';
import type { ClaimedDigest, DigestOutcome, DigestStore } from '../../core/digest-store.js';
import type { Locale } from '../../core/locale.js';
import type { MessagingSettings } from '../../core/messaging-settings.js';
import type { SendGate } from '../send-gate.js';
import { outcomeOfSendError } from '../surveys/send-outcome.js';
import type { SendCard } from '../surveys/survey-dispatch.js';
import type { LeadFigures } from './digest-figures.js';

export interface DigestDispatchDeps {
  store: DigestStore;
  settings(tenantId: string): Promise<MessagingSettings>;
  /** The tenant's figures, read once per pass, cut per lead. */
  figures(tenantId: string, now: Date): Promise<LeadFigures>;
  card(model: DigestModel, locale: Locale): unknown;
  send: SendCard;
  defaultLocale: Locale;
  /** The tenant's gate every Bot Connector call of this process goes through. */
  tenantGate?: (tenantId: string) => SendGate;
  logger: Logger;
}

export interface DigestDispatchResult {
  sent: number;
  /** Leads with no chat with the bot, or who removed it: nothing sent this week. */
  unreachable: number;
  /** Passing failures: tried again at a later pass the same day. */
  retry: number;
}

/** Leads claimed per query: a crash leaves at most this many "sending" (then taken as sent: never twice). */
const CLAIM_BATCH = 50;

/**
 * One pass of the digest sender, as its job runs it every quarter of an hour: per tenant, the leads whose
 * weekday it is and whose time has come, who have had no digest this ISO week, are claimed (the week's
 * row is written first, so it never goes twice) and sent their digest through the tenant's gate.
 */
export async function dispatchDigests(deps: DigestDispatchDeps, now: Date): Promise<DigestDispatchResult> {
  const result: DigestDispatchResult = { sent: 0, unreachable: 0, retry: 0 };
  for (const tenantId of await deps.store.tenantsWithLeads()) {
    const { timeZone } = await deps.settings(tenantId);
    const clock = digestClock(now, timeZone);
    if (clock.weekday > 5) continue;
    let figures: LeadFigures | undefined;
    const gate = deps.tenantGate?.(tenantId);
    for (;;) {
      const claimed = await deps.store.claimDue(tenantId, { week: clock.week, weekday: clock.weekday, minutes: clock.minutes, now, limit: CLAIM_BATCH });
      if (claimed.length === 0) break;
      try {
        figures ??= await deps.figures(tenantId, now);
      } catch (error) {
        // Nothing was sent: let the claims go, so the next pass tries again.
        for (const digest of claimed) await deps.store.finish(digest, 'retry', new Date());
        throw error;
      }
      let stop = false;
      let letGo = false;
      for (const digest of claimed) {
        const attempt: Attempt = stop ? { outcome: 'retry', halt: true } : await sendOne(deps, digest, figures, gate);
        if (attempt.halt) stop = true;
        const { outcome } = attempt;
        if (outcome === 'retry') letGo = true;
        await deps.store.finish(digest, outcome, new Date());
        result[outcome === 'sent' ? 'sent' : outcome === 'retry' ? 'retry' : 'unreachable']++;
      }
      // A throttle or an outage: the rest wait for the next pass (let go, so it claims them again). A digest
      // let go is claimable at once, so this pass stops after its batch rather than claim it again and again.
      if (stop || letGo) break;
    }
  }
  return result;
}

/** What one send came to, and whether the rest of the pass must wait (the connector throttles or is down). */
interface Attempt {
  outcome: DigestOutcome;
  halt: boolean;
}

async function sendOne(deps: DigestDispatchDeps, digest: ClaimedDigest, figures: LeadFigures, gate: SendGate | undefined): Promise<Attempt> {
  if (!digest.conversationReference) {
    // The app was never installed for them, so the bot has no chat to write in; said once a week, not every pass.
    deps.logger.info({ tenantId: digest.tenantId, lead: digest.aadObjectId, week: digest.week }, 'A unit lead has no chat with the bot: no digest this week');
    return { outcome: 'unreachable', halt: false };
  }
  const locale = digest.locale ?? deps.defaultLocale;
  let card: unknown;
  try {
    card = deps.card(digestModel(await figures(digest.aadObjectId, locale)), locale);
  } catch (error) {
    // This lead's figures or card: tried again at the next pass, and the other leads still get theirs.
    deps.logger.error({ err: error, lead: digest.aadObjectId }, 'A digest could not be made');
    return { outcome: 'retry', halt: false };
  }
  await gate?.pass();
  try {
    await deps.send(digest.conversationReference, card);
    return { outcome: 'sent', halt: false };
  } catch (error) {
    const { outcome } = outcomeOfSendError(error);
    if ((error as { statusCode?: unknown } | null)?.statusCode === 429) gate?.throttled(undefined);
    deps.logger.warn({ err: error, outcome, lead: digest.aadObjectId }, 'A digest was not sent');
    return outcome === 'unreachable' ? { outcome: 'unreachable', halt: false } : { outcome: 'retry', halt: true };
  } finally {
    gate?.answered();
  }
}
