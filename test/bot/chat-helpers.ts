import { randomUUID } from 'node:crypto';
import type { RecordedActivity } from '../../sim/index.js';
import { cardOf, cardText, messageActivity, postActivity } from '../support/activities.js';
import type { TestStack } from '../support/stack.js';

/** A person the bot talks to: someone from the synthetic directory, or a newcomer it has never seen. */
export interface ChatPerson {
  id: string;
  displayName: string;
}

/** Someone who is not (yet) in the directory, so only their Teams client says which language they use. */
export function newcomer(): ChatPerson {
  return { id: randomUUID(), displayName: 'Ny Ansatt' };
}

/** The 1:1 conversation id messageActivity gives a person. */
export const chatOf = (person: ChatPerson) => `a:chat-${person.id}`;

/** The person writes `text` in their chat; resolves with what the bot sent back to the connector. */
export async function say(stack: TestStack, person: ChatPerson, text: string, extra: Record<string, unknown> = {}): Promise<RecordedActivity> {
  const sentBefore = stack.sim.connector.activities.length;
  const response = await postActivity(stack, messageActivity(stack, person, text, extra));
  if (response.status !== 200) throw new Error(`The bot answered ${response.status}: ${await response.text()}`);
  return nextReply(stack, person, sentBefore);
}

/** The first activity sent to the person's chat after `sentBefore` activities had been recorded. */
export function nextReply(stack: TestStack, person: ChatPerson, sentBefore: number): Promise<RecordedActivity> {
  return stack.sim.connector.waitFor((a) => a.conversationId === chatOf(person) && stack.sim.connector.activities.indexOf(a) >= sentBefore);
}

/** The person presses an Action.Execute button: the invoke Teams posts, and the card that replaces the pressed one. */
export async function press(stack: TestStack, person: ChatPerson, value: unknown, locale = 'nb-NO') {
  const invoke = messageActivity(stack, person, '', { type: 'invoke', name: 'adaptiveCard/action', text: undefined, locale, value });
  const response = await postActivity(stack, invoke);
  const body = (await response.json()) as { statusCode?: number; type?: string; value?: Parameters<typeof cardText>[0] };
  return { status: response.status, body, text: cardText(body.value) };
}

/** The person's Teams client installs the app: the conversationUpdate that adds the bot to their chat. */
export function installFor(stack: TestStack, person: ChatPerson, locale: string) {
  return postActivity(
    stack,
    messageActivity(stack, person, '', { type: 'conversationUpdate', text: undefined, locale, membersAdded: [{ id: `28:${stack.sim.app.clientId}` }] }),
  );
}

/** The visible text of what the bot sent: a card's text, or the message text. */
export function shown(recorded: RecordedActivity): string {
  const card = cardOf(recorded.activity);
  return card ? cardText(card) : String(recorded.activity.text ?? '');
}
