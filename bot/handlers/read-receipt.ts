import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { isPersonalChat, type BotDeps } from '../chat.js';
import { tenantOf } from '../tenant-guard.js';

/** A read receipt's value: Teams message ids in a 1:1 chat are numbers that grow with time. */
const readReceiptSchema = z.object({ lastReadMessageId: z.string().regex(/^\d{1,20}$/) });

/**
 * A Teams read receipt (event `application/vnd.microsoft.readReceipt`): the person has read the chat
 * up to a message, so every announcement sent there up to it counts as read (once per person; the
 * store decides). Teams sends these only in 1:1 chats and only when the person and the tenant allow
 * read receipts; anything else, or a malformed value, is logged and ignored.
 */
export async function onReadReceipt(context: TurnContext, deps: BotDeps): Promise<void> {
  const { activity } = context;
  if (!isPersonalChat(context)) {
    deps.logger.warn({ conversationType: activity.conversation?.conversationType }, 'Ignored a read receipt outside a 1:1 chat');
    return;
  }
  const parsed = readReceiptSchema.safeParse(activity.value);
  const tenantId = tenantOf(activity);
  const aadObjectId = activity.from?.aadObjectId;
  if (!parsed.success || !tenantId || !aadObjectId) {
    deps.logger.warn({ valid: parsed.success, tenant: Boolean(tenantId), person: Boolean(aadObjectId) }, 'Ignored a read receipt without a usable message id, tenant or person');
    return;
  }
  const read = await deps.reach.recordRead({
    tenantId,
    aadObjectId,
    conversationId: activity.conversation.id,
    lastReadMessageId: parsed.data.lastReadMessageId,
    at: deps.now(),
  });
  deps.logger.debug({ read }, 'Read receipt recorded');
}
