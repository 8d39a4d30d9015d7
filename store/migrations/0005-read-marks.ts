import { type Kysely } from 'kysely';

/**
 * The last message a person has read in their 1:1 chat with the bot, per conversation: a Teams read
 * receipt can come before the sender has written down the message id of the card it read (the card
 * arrives, the person opens it, and only then is the send settled). Settling applies the mark, so the
 * read counts once either way. One row per conversation, overwritten with the highest id: no history
 * of when anyone read anything.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // No foreign key to tenants: a receipt may come before anything else is stored for the tenant.
  await db.schema
    .createTable('read_marks')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    // Teams message ids in a 1:1 chat: numbers of up to 20 digits that grow with time.
    .addColumn('last_read_message_id', 'numeric', (c) => c.notNull())
    .addPrimaryKeyConstraint('read_marks_pk', ['tenant_id', 'conversation_id'])
    .execute();
}
