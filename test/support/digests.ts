import { DIGEST_MARKER } from '../../bot/cards/digest-card.js';
import { localDay, zonedTime } from '../../core/messaging-settings.js';
import type { RecordedActivity } from '../../sim/index.js';
import { cardOf, cardText } from './activities.js';
import type { TestStack } from './stack.js';

export const OSLO = 'Europe/Oslo';

/** A local day (YYYY-MM-DD) moved by whole days. */
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The instant of a wall-clock time (HH:MM) on a local day in Oslo. */
export const osloAt = (day: string, hhmm: string) => zonedTime(day, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), OSLO);

/**
 * The Monday (YYYY-MM-DD, Oslo) of a week at least `daysAhead` days after the real clock: announcements
 * and surveys made now through the API (which checks dates against the real clock) are then "the latest"
 * and settled when the digest is sent on the test's own clock.
 */
export function mondayAhead(daysAhead = 4): string {
  let day = localDay(new Date(Date.now() + daysAhead * 86_400_000), OSLO);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1) day = addDays(day, 1);
  return day;
}

/** The digests the simulator's Bot Connector received, by person (aad id), oldest first. */
export function digestsByPerson(stack: TestStack): Map<string, RecordedActivity[]> {
  const found = new Map<string, RecordedActivity[]>();
  for (const a of stack.sim.connector.activities) {
    if (!JSON.stringify(a.activity.attachments ?? []).includes(DIGEST_MARKER)) continue;
    const id = a.conversationId.replace(/^a:chat-/, '');
    found.set(id, [...(found.get(id) ?? []), a]);
  }
  return found;
}

/** The lines of a digest as the lead reads them (every TextBlock and TextRun, in order). */
export function digestLines(recorded: RecordedActivity): string[] {
  const lines: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') lines.push(o.text.replace(/^• /, ''));
    for (const [key, value] of Object.entries(o)) if (key !== 'fallback') walk(value);
  };
  walk(cardOf(recorded.activity)?.body);
  return lines;
}

export { cardText };
