import type { TurnContext } from 'botbuilder';
import { versionFor } from '../../core/announcement.js';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { announcementCard } from '../cards/announcement-card.js';
import { acknowledgementRefusedCard } from '../cards/announcement-refusal-card.js';
import { isPersonalChat, localeOf, type BotDeps } from '../chat.js';
import { tenantOf } from '../tenant-guard.js';

/**
 * "Acknowledge" on an announcement card. The store decides, in the person's tenant, whether this
 * announcement was sent to this person and asks for an acknowledgement; only then is it recorded
 * (once: a second press shows the same card). The answer replaces the pressed card: the
 * announcement again, the button replaced by when it was acknowledged.
 */
export async function acknowledgeAnnouncement(context: TurnContext, deps: BotDeps, announcementId: string): Promise<AdaptiveCard> {
  const locale = await localeOf(context, deps);
  const tenantId = tenantOf(context.activity);
  const aadObjectId = context.activity.from?.aadObjectId;
  // Announcements go to 1:1 chats only; a press elsewhere (or without an Entra id) cannot be anyone's own.
  if (!tenantId || !aadObjectId || !isPersonalChat(context)) {
    deps.logger.warn('Refused an acknowledgement outside a 1:1 chat or without a person');
    return acknowledgementRefusedCard(locale);
  }
  const outcome = await deps.reach.acknowledge({ tenantId, announcementId, aadObjectId, at: deps.now() });
  if (outcome.status === 'not_for_you') {
    deps.logger.warn({ announcementId }, 'Refused an acknowledgement that matches no announcement sent to this person');
    return acknowledgementRefusedCard(locale);
  }
  const { announcement } = outcome;
  const [settings, rewrite] = await Promise.all([
    deps.surveys.messagingSettings(tenantId),
    deps.announcementLinks?.({ tenantId, announcementId: announcement.id, aadObjectId }),
  ]);
  return announcementCard(
    {
      announcementId: announcement.id,
      content: announcement.content,
      requiresAcknowledgement: true,
      acknowledgedAt: outcome.at,
      timeZone: settings.timeZone,
      ...(rewrite ? { linkUrls: versionFor(announcement.content, locale).version.links.map((link) => rewrite(link.url)), bodyLinkRewrite: rewrite } : {}),
    },
    locale,
  );
}
