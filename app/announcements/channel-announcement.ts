import type { Announcement } from '../../core/announcement.js';
import { DigipulsError, unavailable } from '../../core/errors.js';
import { CARD_CONTENT_TYPE } from '../../bot/cards/adaptive-card.js';
import { announcementCard } from '../../bot/cards/announcement-card.js';
import type { BotConnector } from '../../bot/connector-client.js';

/**
 * Posts the announcement's card as a new thread in a team's channel through the Bot Connector and
 * answers the post's message id (the id Graph knows it by). One call, no retry: a second try after a
 * lost answer could post twice, and a communicator can simply try again.
 */
export async function postAnnouncementToChannel(
  connector: BotConnector,
  ctx: { serviceUrl: string; botAppId: string; tenantId: string },
  announcement: Announcement,
  channelId: string,
): Promise<string> {
  const card = announcementCard({ announcementId: announcement.id, content: announcement.content, requiresAcknowledgement: false }, announcement.content.fallbackLocale);
  const answer = await connector.createChannelConversation(ctx.serviceUrl, {
    tenantId: ctx.tenantId,
    channelId,
    botId: ctx.botAppId,
    activity: { type: 'message', attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }] },
  });
  if (answer.status >= 200 && answer.status < 300 && answer.activityId) return answer.activityId;
  if (answer.status === 403 || answer.status === 404) {
    throw new DigipulsError(422, 'bot_not_in_team', 'Digipuls is not installed in that team, or the channel does not exist: add the app to the team first', { path: 'channelId' });
  }
  if (answer.status === 429 || answer.status >= 500) throw unavailable('connector_busy', 'Teams is busy: try posting again in a minute');
  throw new DigipulsError(502, 'connector_failed', `The Bot Connector refused the post (${answer.status}${answer.code ? ` ${answer.code}` : ''})`);
}
