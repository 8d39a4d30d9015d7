import type { AnnouncementContent } from './announcement.js';

/** What the bot needs to redraw an announcement card after a button press. */
export interface AnnouncementForCard {
  id: string;
  content: AnnouncementContent;
  requiresAcknowledgement: boolean;
  sentAt: Date | null;
}

/** The outcome of a press on "acknowledge". */
export type AcknowledgeOutcome =
  | { status: 'acknowledged'; at: Date; announcement: AnnouncementForCard }
  | { status: 'already_acknowledged'; at: Date; announcement: AnnouncementForCard }
  /** The announcement does not exist in this tenant, was never sent to this person, or asks for no acknowledgement: the data was tampered with. */
  | { status: 'not_for_you' };

/**
 * The reach signals that arrive through the bot. Each is counted once per person: a second read
 * receipt or press changes nothing.
 */
export interface ReachSignalStore {
  acknowledge(input: { tenantId: string; announcementId: string; aadObjectId: string; at: Date }): Promise<AcknowledgeOutcome>;
  /**
   * A read receipt: every announcement sent to this person in this conversation with an activity id
   * up to `lastReadMessageId` (Teams ids in a 1:1 chat grow with time) is read. Returns how many
   * became read now. The conversation's last read id is kept too, so a card whose send is settled
   * after the receipt came counts as read then (once).
   */
  recordRead(input: { tenantId: string; aadObjectId: string; conversationId: string; lastReadMessageId: string; at: Date }): Promise<number>;
}
