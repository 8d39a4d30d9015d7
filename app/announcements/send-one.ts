import { z } from 'zod';
import type { DeliveryTarget } from '../../core/announcement-store.js';
import type { BotConnector, ConnectorAnswer } from '../../bot/connector-client.js';
import type { RecipientChats } from './recipient-chats.js';
import type { SendGate } from '../send-gate.js';

/** What one attempt to put a card in a person's chat came to. */
export type SendOutcome =
  | { kind: 'sent'; activityId?: string; conversationId: string }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'failed'; reason: string }
  /** Nothing arrived (429, or a conversation that could not be opened yet): try again later. */
  | { kind: 'retry'; retryAfterMs?: number; throttled: boolean }
  /** A 5xx or no answer: it may or may not have arrived. Only the chat can tell. */
  | { kind: 'unknown'; reason: string; conversationId: string };

/** The Bot Framework refused our credentials: no send can succeed, so the run stops. */
export class ConnectorAuthError extends Error {
  constructor(status: number) {
    super(`The Bot Connector refused the bot's token (HTTP ${status}): check MicrosoftAppId and MicrosoftAppPassword`);
    this.name = 'ConnectorAuthError';
  }
}

/** A stored conversation reference, as far as sending needs it. */
const reachableReference = z.looseObject({
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: z.string().min(1) }),
});

export interface SendContext {
  tenantId: string;
  connector: BotConnector;
  gate: SendGate;
  /** Graph, when configured with the app's catalog id: installs the app for those without a chat. */
  chats?: RecipientChats;
  botAppId?: string;
  /** Where new conversations are opened. */
  serviceUrl: string;
  /** Remembers a newly opened conversation, so the next announcement goes straight to it. */
  saveReference(aadObjectId: string, reference: Record<string, unknown>): Promise<void>;
}

/**
 * One try at delivering an activity to one person: through their stored 1:1 conversation, or, when
 * they never opened the bot, by installing the app for them and opening the conversation. Every call
 * to the connector waits at the gate first. Exactly one message call is made: whether to try again
 * is the caller's decision, made with what this returns.
 */
export async function sendOnce(ctx: SendContext, target: DeliveryTarget, activity: Record<string, unknown>): Promise<SendOutcome> {
  let reference = target.conversationReference;
  if (!reference) {
    const opened = await openConversation(ctx, target);
    if ('kind' in opened) return opened;
    reference = opened.reference;
  }
  const parsed = reachableReference.safeParse(reference);
  if (!parsed.success) return { kind: 'failed', reason: 'bad_reference' };
  const conversationId = parsed.data.conversation.id;
  await ctx.gate.pass();
  let answer: ConnectorAnswer;
  try {
    answer = await ctx.connector.sendToConversation(parsed.data.serviceUrl, conversationId, activity);
  } catch {
    return { kind: 'unknown', reason: 'no_answer', conversationId };
  }
  if (answer.status === 200 || answer.status === 201) return { kind: 'sent', ...(answer.id ? { activityId: answer.id } : {}), conversationId };
  if (answer.status === 429) return { kind: 'retry', throttled: true, ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}) };
  if (answer.status >= 500) return { kind: 'unknown', reason: `http_${answer.status}`, conversationId };
  if (answer.status === 401) throw new ConnectorAuthError(answer.status);
  // 403: the person blocked the bot or removed the app; 404: the conversation is gone.
  if (answer.status === 403 || answer.status === 404) return { kind: 'unreachable', reason: answer.code ?? `http_${answer.status}` };
  return { kind: 'failed', reason: answer.code ?? `http_${answer.status}` };
}

/** Installs the app for the person (if the tenant lets us) and opens the 1:1 conversation. */
async function openConversation(ctx: SendContext, target: DeliveryTarget): Promise<{ reference: Record<string, unknown> } | SendOutcome> {
  if (!ctx.chats) return { kind: 'unreachable', reason: 'no_chat' };
  const installed = await ctx.chats.install(target.aadObjectId);
  if (installed === 'blocked') return { kind: 'unreachable', reason: 'install_blocked' };
  if (installed === 'not_found') return { kind: 'unreachable', reason: 'not_found' };
  await ctx.gate.pass();
  let answer: ConnectorAnswer;
  try {
    answer = await ctx.connector.createPersonalConversation(ctx.serviceUrl, { tenantId: ctx.tenantId, aadObjectId: target.aadObjectId, botId: ctx.botAppId ?? '' });
  } catch {
    // Opening a 1:1 conversation gives the same one every time: safe to try again.
    return { kind: 'retry', throttled: false };
  }
  if (answer.status === 429) return { kind: 'retry', throttled: true, ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}) };
  if (answer.status >= 500) return { kind: 'retry', throttled: false };
  if (answer.status === 401) throw new ConnectorAuthError(answer.status);
  if ((answer.status !== 200 && answer.status !== 201) || !answer.id) return { kind: 'unreachable', reason: answer.code ?? `http_${answer.status}` };
  const reference = {
    serviceUrl: ctx.serviceUrl,
    channelId: 'msteams',
    conversation: { id: answer.id, conversationType: 'personal', tenantId: ctx.tenantId },
    bot: { id: ctx.botAppId ?? '' },
    user: { id: target.aadObjectId, aadObjectId: target.aadObjectId },
  };
  await ctx.saveReference(target.aadObjectId, reference);
  return { reference };
}
