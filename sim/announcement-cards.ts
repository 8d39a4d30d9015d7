/** How the simulator recognises Digipuls's announcement cards (core/announcement.ts deliveryMarker) and nudge cards (core/nudge-tips.ts) in what the bot sends. */
import { NUDGE_FEEDBACK_VERB, NUDGE_MARKER_PREFIX } from '../core/nudge-tips.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
export const ANNOUNCEMENT_MARKER_PREFIX = 'digipuls-announcement-';
export const ACKNOWLEDGE_VERB = 'announcement.acknowledge';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface AnnouncementCard {
  announcementId: string;
  card: Json;
}

export interface NudgeCard {
  nudgeId: string;
  card: Json;
}

/**
 * The announcement an activity carries: an Adaptive Card attachment whose body has, at its outermost
 * level, a Container with id `digipuls-announcement-{announcementId}`.
 */
export function announcementIn(activity: Record<string, unknown>): AnnouncementCard | undefined {
  const marked = markedCardIn(activity, ANNOUNCEMENT_MARKER_PREFIX);
  return marked && { announcementId: marked.id, card: marked.card };
}

/** The nudge (a usage tip) an activity carries: as announcementIn, with a Container `digipuls-nudge-{nudgeId}`. */
export function nudgeIn(activity: Record<string, unknown>): NudgeCard | undefined {
  const marked = markedCardIn(activity, NUDGE_MARKER_PREFIX);
  return marked && { nudgeId: marked.id, card: marked.card };
}

/** The first Adaptive Card attachment with an outermost Container whose id is the prefix and a non-empty rest. */
function markedCardIn(activity: Record<string, unknown>, prefix: string): { id: string; card: Json } | undefined {
  if (!Array.isArray(activity.attachments)) return undefined;
  for (const attachment of activity.attachments) {
    if (!isObject(attachment) || attachment.contentType !== ADAPTIVE_CARD) continue;
    const card = typeof attachment.content === 'string' ? parse(attachment.content) : attachment.content;
    if (!isObject(card) || !Array.isArray(card.body)) continue;
    for (const element of card.body) {
      if (isObject(element) && element.type === 'Container' && typeof element.id === 'string' && element.id.startsWith(prefix)) {
        const id = element.id.slice(prefix.length);
        if (id) return { id, card };
      }
    }
  }
  return undefined;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every action on the card, in document order: card actions and those in ActionSets (and Action.ShowCard cards) anywhere in the body. */
export function actionsOf(card: Json): Json[] {
  const found: Json[] = [];
  const visitActions = (actions: unknown) => {
    if (!Array.isArray(actions)) return;
    for (const action of actions) {
      if (!isObject(action)) continue;
      found.push(action);
      if (isObject(action.card)) visitCard(action.card);
    }
  };
  const visitElements = (elements: unknown) => {
    if (!Array.isArray(elements)) return;
    for (const element of elements) {
      if (!isObject(element)) continue;
      if (element.type === 'ActionSet') visitActions(element.actions);
      visitElements(element.items);
      if (Array.isArray(element.columns)) for (const column of element.columns) if (isObject(column)) visitElements(column.items);
    }
  };
  const visitCard = (c: Json) => {
    visitElements(c.body);
    visitActions(c.actions);
  };
  visitCard(card);
  return found;
}

/** The card's acknowledge button (Action.Execute with verb announcement.acknowledge), if it has one. */
export function acknowledgeActionOf(card: Json): Json | undefined {
  return actionsOf(card).find((a) => a.type === 'Action.Execute' && a.verb === ACKNOWLEDGE_VERB);
}

/** The url of the card's first Action.OpenUrl, if any. */
export function firstLinkOf(card: Json): string | undefined {
  const link = actionsOf(card).find((a) => a.type === 'Action.OpenUrl' && typeof a.url === 'string');
  return link?.url as string | undefined;
}

/** The card's "this helped" or "not for me" button (Action.Execute with verb nudge.feedback and that feedback in its data), if it has one. */
export function feedbackActionOf(card: Json, feedback: 'helped' | 'not-for-me'): Json | undefined {
  return actionsOf(card).find((a) => a.type === 'Action.Execute' && a.verb === NUDGE_FEEDBACK_VERB && isObject(a.data) && a.data.feedback === feedback);
}
