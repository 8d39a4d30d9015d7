import type { AcknowledgeOutcome, AnnouncementForCard, ReachSignalStore } from '../../core/announcement-signals.js';

/** One announcement sent to one person: where it landed (their 1:1 chat) and the message id Teams gave it. */
export interface MemoryDelivery {
  tenantId: string;
  announcementId: string;
  aadObjectId: string;
  conversationId: string;
  activityId: string;
  readAt?: Date;
  acknowledgedAt?: Date;
}

/**
 * A ReachSignalStore in memory, for bot tests: the same rules the database store keeps (an
 * acknowledgement only for an announcement sent to this person that asks for one; each signal
 * once per person), with every call recorded so tests can show that a refusal recorded nothing.
 */
export class MemoryReachStore implements ReachSignalStore {
  readonly announcements = new Map<string, AnnouncementForCard & { tenantId: string }>();
  readonly deliveries: MemoryDelivery[] = [];
  /** The last message read per conversation (`tenant\u0000conversation`), applied to cards sent later. */
  private readonly readMarks = new Map<string, bigint>();
  /** Every call, in order, as the bot made it. */
  readonly calls: Array<{ method: 'acknowledge' | 'recordRead'; input: Record<string, unknown> }> = [];

  /** The sender's part: the announcement went to these people's chats with these message ids. */
  sent(tenantId: string, announcement: AnnouncementForCard, to: ReadonlyArray<{ aadObjectId: string; conversationId: string; activityId: string }>): void {
    this.announcements.set(announcement.id, { ...announcement, tenantId });
    for (const person of to) {
      // A receipt that came before the send was settled (the card opened at once) counts now.
      const mark = this.readMarks.get(`${tenantId}\u0000${person.conversationId}`);
      const readAt = mark !== undefined && /^\d+$/.test(person.activityId) && BigInt(person.activityId) <= mark ? { readAt: new Date() } : {};
      this.deliveries.push({ tenantId, announcementId: announcement.id, ...person, ...readAt });
    }
  }

  async acknowledge(input: { tenantId: string; announcementId: string; aadObjectId: string; at: Date }): Promise<AcknowledgeOutcome> {
    this.calls.push({ method: 'acknowledge', input });
    const announcement = this.announcements.get(input.announcementId);
    const delivery = this.deliveries.find((d) => d.tenantId === input.tenantId && d.announcementId === input.announcementId && d.aadObjectId === input.aadObjectId);
    if (!announcement || announcement.tenantId !== input.tenantId || !delivery || !announcement.requiresAcknowledgement) return { status: 'not_for_you' };
    const { tenantId: _tenantId, ...forCard } = announcement;
    if (delivery.acknowledgedAt) return { status: 'already_acknowledged', at: delivery.acknowledgedAt, announcement: forCard };
    delivery.acknowledgedAt = input.at;
    return { status: 'acknowledged', at: input.at, announcement: forCard };
  }

  async recordRead(input: { tenantId: string; aadObjectId: string; conversationId: string; lastReadMessageId: string; at: Date }): Promise<number> {
    this.calls.push({ method: 'recordRead', input });
    const upTo = BigInt(input.lastReadMessageId);
    const key = `${input.tenantId}\u0000${input.conversationId}`;
    if ((this.readMarks.get(key) ?? -1n) < upTo) this.readMarks.set(key, upTo);
    let read = 0;
    for (const d of this.deliveries) {
      const mine = d.tenantId === input.tenantId && d.aadObjectId === input.aadObjectId && d.conversationId === input.conversationId;
      if (!mine || d.readAt || !/^\d+$/.test(d.activityId) || BigInt(d.activityId) > upTo) continue;
      d.readAt = input.at;
      read++;
    }
    return read;
  }

  /** How many people acknowledged and read an announcement. */
  counts(announcementId: string): { acknowledged: number; read: number } {
    const mine = this.deliveries.filter((d) => d.announcementId === announcementId);
    return { acknowledged: mine.filter((d) => d.acknowledgedAt).length, read: mine.filter((d) => d.readAt).length };
  }
}
