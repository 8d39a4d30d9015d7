import type { RecordedActivity } from './connector.js';

/** One message the bot posted in a person's 1:1 chat: the accepted activity, updated in place by PUTs. */
export interface ChatEntry {
  id: string;
  /** The id as a number (ids grow with time), for paging. */
  order: number;
  createdAt: Date;
  modifiedAt: Date;
  activity: RecordedActivity['activity'];
}

/**
 * The bot's messages per person, as Graph shows them in the 1:1 chat: every message activity the
 * connector accepted for any of the person's conversations, oldest first. Entries hold the recorded
 * activity itself (no copy).
 */
export class BotChats {
  private readonly byPerson = new Map<string, ChatEntry[]>();
  private readonly byActivityId = new Map<string, ChatEntry>();

  add(personId: string, recorded: RecordedActivity): void {
    if (recorded.activity.type !== 'message') return;
    const entry: ChatEntry = {
      id: recorded.activity.id,
      order: Number(recorded.activity.id),
      createdAt: recorded.receivedAt,
      modifiedAt: recorded.receivedAt,
      activity: recorded.activity,
    };
    let entries = this.byPerson.get(personId);
    if (!entries) this.byPerson.set(personId, (entries = []));
    entries.push(entry);
    this.byActivityId.set(entry.id, entry);
  }

  /** A PUT replaces the message's content (when it is one of this person's messages). */
  update(personId: string, recorded: RecordedActivity): void {
    const entry = this.byActivityId.get(recorded.activity.id);
    if (!entry || !this.byPerson.get(personId)?.includes(entry)) return;
    entry.activity = recorded.activity;
    entry.modifiedAt = recorded.receivedAt;
  }

  /** Oldest first. */
  messages(personId: string): readonly ChatEntry[] {
    return this.byPerson.get(personId) ?? [];
  }

  has(personId: string): boolean {
    return this.byPerson.has(personId);
  }
}
