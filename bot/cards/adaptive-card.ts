import type { Attachment } from 'botbuilder';
import type { Locale } from '../../core/locale.js';

/** Teams renders Adaptive Cards up to version 1.5. */
export const CARD_VERSION = '1.5';
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type CardElement = Record<string, unknown>;
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  lang: Locale;
  body: CardElement[];
  actions?: CardElement[];
}

export function adaptiveCard(locale: Locale, body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    lang: locale,
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export const heading = (text: string): CardElement => ({ type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' });
export const subheading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
export const paragraph = (text: string): CardElement => ({ type: 'TextBlock', text, wrap: true });

/**
 * A Universal Action (Action.Execute) that falls back to Action.Submit on clients without
 * Universal Actions; the Submit carries the verb in its data so both arrive at the same handler.
 */
export function executeAction(title: string, verb: string, data: Record<string, unknown> = {}): CardElement {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

export function asAttachment(card: AdaptiveCard): Attachment {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}
