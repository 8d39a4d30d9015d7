import { randomUUID } from 'node:crypto';
import type { TestStack } from './stack.js';

/** A standard Teams 1:1 message activity as the Bot Connector posts it to a bot. */
export function messageActivity(stack: TestStack, person: { id: string; displayName: string }, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${stack.sim.url}/`,
    from: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
    recipient: { id: `28:${stack.sim.app.clientId}`, name: 'Digipuls' },
    conversation: { id: `a:chat-${person.id}`, conversationType: 'personal', tenantId: stack.sim.tenantId },
    channelData: { tenant: { id: stack.sim.tenantId } },
    locale: 'nb-NO',
    text,
    ...extra,
  };
}

/** Posts an activity to the bot endpoint as the Bot Connector would. */
export function postActivity(stack: TestStack, activity: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stack.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
}

/** The Adaptive Card in a recorded activity, if any. */
export function cardOf(activity: Record<string, unknown>): { version: string; lang: string; body: Array<{ text?: string }>; actions?: Array<{ title: string; verb?: string; data?: unknown }> } | undefined {
  const attachments = activity.attachments as Array<{ contentType: string; content: unknown }> | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return card?.content as ReturnType<typeof cardOf>;
}

/** All the text of a card, for assertions about what a person reads. */
export function cardText(card: ReturnType<typeof cardOf>): string {
  return JSON.stringify(card?.body ?? []);
}
