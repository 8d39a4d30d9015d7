import { ACKNOWLEDGE_VERB, deliveryMarker, versionFor, type AnnouncementContent } from '../../core/announcement.js';
import { rewriteMarkdownLinks } from '../../core/announcement-links.js';
import type { Locale } from '../../core/locale.js';
import { DEFAULT_MESSAGING_SETTINGS, localDay } from '../../core/messaging-settings.js';
import { formatDay } from '../format-date.js';
import { botText } from '../i18n.js';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';
import { reminderBanner } from './survey-card.js';

/** Teams refuses a message larger than about 28 KB (the card plus the activity around it). */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;

/** What an announcement card shows; the same for the sender, the tab's preview and the bot's redraw after a press. */
export interface AnnouncementCardInput {
  announcementId: string;
  content: AnnouncementContent;
  requiresAcknowledgement: boolean;
  /**
   * The url each link button opens, in the order of the version's links: the sender's click-counting
   * redirects. Missing entries (a preview) open the original link.
   */
  linkUrls?: readonly string[];
  /**
   * Rewrites each `[text](url)` link in the body (click counting). Leave it out when the body was
   * rewritten before the card is built: a link must not be rewritten twice.
   */
  bodyLinkRewrite?: (url: string) => string;
  /** The reminder to those who have not read it yet: a band on top says so. */
  reminder?: boolean;
  /** When the person acknowledged it: the button gives way to "Acknowledged ✓ {day}". */
  acknowledgedAt?: Date | null;
  /** The tenant's time zone, for the day of the acknowledgement (default Europe/Oslo). */
  timeZone?: string;
}

/**
 * An announcement as a staff member gets it in their 1:1 chat, in the version for their language
 * (else the fallback), with Digipuls' own words in their language. The outer container's id is the
 * delivery marker: how the sender finds this very message in a chat after a crash. A pure function,
 * so the tab's preview shows exactly what staff will see.
 */
export function announcementCard(input: AnnouncementCardInput, locale: Locale): AdaptiveCard {
  const t = botText(locale);
  const { version } = versionFor(input.content, locale);
  const { image } = input.content;
  const acknowledgedAt = input.requiresAcknowledgement ? (input.acknowledgedAt ?? null) : null;
  const items: CardElement[] = [
    ...(input.reminder ? [reminderBanner(t('announcement.reminder'))] : []),
    heading(version.title),
    // Said before anything is pressed: an acknowledgement is the one reach signal kept by name.
    ...(input.requiresAcknowledgement ? [{ ...paragraph(t('announcement.recordedByName')), isSubtle: true, spacing: 'Small' }] : []),
    ...(image ? [{ type: 'Image', url: image.url, altText: image.alt, size: 'Stretch', spacing: 'Medium' }] : []),
    { ...paragraph(input.bodyLinkRewrite ? rewriteMarkdownLinks(version.body, input.bodyLinkRewrite) : version.body), spacing: 'Medium' },
    ...(acknowledgedAt ? [acknowledgedBand(t('announcement.acknowledged', { date: acknowledgedOn(acknowledgedAt, input.timeZone, locale) }))] : []),
  ];
  const actions: CardElement[] = [
    ...(input.requiresAcknowledgement && !acknowledgedAt
      ? [executeAction(t('announcement.acknowledge'), ACKNOWLEDGE_VERB, { announcementId: input.announcementId }, { style: 'positive' })]
      : []),
    ...version.links.map((link, index) => ({ type: 'Action.OpenUrl', title: link.label, url: input.linkUrls?.[index] ?? link.url })),
  ];
  const card = adaptiveCard(locale, [{ type: 'Container', id: deliveryMarker(input.announcementId), items }], actions);
  // The chat list and screen readers start with the fallback text: the title (and that it is a reminder).
  return { ...card, fallbackText: input.reminder ? `${t('announcement.reminder')} ${version.title}` : version.title };
}

/** The card's size as Teams counts it: UTF-8 bytes of its JSON. */
export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** A tinted band rather than green text, which is too faint to read on white. */
function acknowledgedBand(text: string): CardElement {
  return { type: 'Container', style: 'good', bleed: true, spacing: 'Medium', items: [{ type: 'TextBlock', text, wrap: true, weight: 'Bolder' }] };
}

/** The day of the acknowledgement in the tenant's time zone, as the person writes dates. */
function acknowledgedOn(at: Date, timeZone: string | undefined, locale: Locale): string {
  return formatDay(localDay(at, timeZone ?? DEFAULT_MESSAGING_SETTINGS.timeZone), locale);
}
