import type { Attachment } from 'botbuilder';
import type { Locale } from '../../core/locale.js';

/** Teams renders Adaptive Cards up to version 1.5. */
export const CARD_VERSION = '1.5';
/** The attachment content type of Adaptive Cards. */
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Any element or action of a card; the cards are plain JSON built in code. */
export type CardElement = Record<string, unknown>;
/** An Adaptive Card as Digipuls sends it. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  lang: Locale;
  /** What clients that cannot render the card show instead (and what screen readers may start with). */
  fallbackText?: string;
  body: CardElement[];
  actions?: CardElement[];
}

/** A card in one language; the first heading doubles as the fallback text. */
export function adaptiveCard(locale: Locale, body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  const first = body.find((element) => typeof element.text === 'string');
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    lang: locale,
    ...(first ? { fallbackText: first.text as string } : {}),
    body,
    ...(actions.length ? { actions } : {}),
  };
}

/** Text elements, always wrapping: many staff read on phones. */
export const heading = (text: string): CardElement => ({ type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' });
export const subheading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
export const paragraph = (text: string): CardElement => ({ type: 'TextBlock', text, wrap: true });

/**
 * A Universal Action (Action.Execute) that falls back to Action.Submit on clients without
 * Universal Actions; the Submit carries the verb in its data so both arrive at the same handler.
 */
export function executeAction(title: string, verb: string, data: Record<string, unknown> = {}, options: ActionOptions = {}): CardElement {
  const extra = {
    ...(options.inputs === 'none' ? { associatedInputs: 'none' } : {}),
    ...(options.style ? { style: options.style } : {}),
  };
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...extra,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...extra },
  };
}

export interface ActionOptions {
  /**
   * 'none': the button sends none of the card's inputs, so the client neither checks required
   * inputs nor sends half-filled answers (e.g. "Back", "What happens with my answers?").
   */
  inputs?: 'auto' | 'none';
  /** 'positive' marks the main button of a card (Teams draws it in the accent colour). */
  style?: 'positive' | 'destructive';
}

/** The card as a message attachment. */
export function asAttachment(card: AdaptiveCard): Attachment {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}
