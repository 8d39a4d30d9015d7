import type { Locale } from '../../core/locale.js';
import { NUDGE_FEEDBACK_VERB, NUDGE_MARKER_PREFIX, NUDGE_STOP_VERB, type NudgeTip, type TipFeedback } from '../../core/nudge-tips.js';
import { botText } from '../i18n.js';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/** Microsoft's page that sends a phone to the Teams app in its app store. */
export const TEAMS_APP_DOWNLOAD_URL = 'https://www.microsoft.com/microsoft-teams/download-app';

/** What a tip card shows; the same for the sender and for the bot's redraw after a press. */
export interface NudgeCardInput {
  nudgeId: string;
  tip: NudgeTip;
  /** The unit's channel in Teams: a button to it on the channel tips. */
  unitChannelUrl?: string;
  /** The unit's Viva Engage community: a button to it on the invitation. */
  engageCommunityUrl?: string;
  /** The unread announcement a reminder is about, in the person's language. */
  announcementTitle?: string;
  /** The person has answered the pair: a thank-you band takes its place. */
  feedbackGiven?: boolean;
}

/** What a tip card shows besides its nudge and the person's answer: what the store knows of a sent nudge. */
export type NudgeCardContent = Omit<NudgeCardInput, 'nudgeId' | 'feedbackGiven'>;

/** How many steps each tip has (`nudgeTips.<tip>.step1…`) and where its button goes, if anywhere. */
const TIPS: Record<NudgeTip, { steps: number; link?: (input: NudgeCardInput) => string | undefined }> = {
  'follow-unit-channel': { steps: 3, link: (input) => input.unitChannelUrl },
  'turn-on-notifications': { steps: 4 },
  'install-mobile-app': { steps: 3, link: () => TEAMS_APP_DOWNLOAD_URL },
  'find-management-news': { steps: 3 },
  'ask-in-channel': { steps: 4, link: (input) => input.unitChannelUrl },
  'welcome-to-teams': { steps: 4 },
  'engage-invitation': { steps: 3, link: (input) => input.engageCommunityUrl },
  'announcement-reminder': { steps: 3 },
};

/**
 * A usage tip in a person's 1:1 chat, written for staff new to Teams (often on a phone between
 * shifts): a heading, a few concrete steps, a "this helped / not for me" pair and a way to stop tips.
 * The outer container's id is the nudge's marker, so the simulator and tests find the card.
 */
export function nudgeCard(input: NudgeCardInput, locale: Locale): AdaptiveCard {
  const t = botText(locale);
  const key = (name: string) => `nudgeTips.${input.tip}.${name}`;
  const title =
    input.tip === 'announcement-reminder'
      ? input.announcementTitle
        ? t(key('title'), { title: input.announcementTitle })
        : t(key('titleGeneric'))
      : t(key('title'));
  const { steps, link } = TIPS[input.tip];
  const url = link?.(input);
  const items: CardElement[] = [
    heading(title),
    paragraph(t(key('intro'))),
    ...Array.from({ length: steps }, (_, i) => step(i + 1, t(key(`step${i + 1}`)))),
    ...(input.feedbackGiven ? [thanksBand(t('nudgeCard.thanks'))] : feedbackPair(input.nudgeId, t)),
    { ...paragraph(t('nudgeCard.pacing')), isSubtle: true, size: 'Small', spacing: 'Medium' },
  ];
  const actions: CardElement[] = [
    ...(url ? [{ type: 'Action.OpenUrl', title: t(key('link')), url }] : []),
    // No style: ending tips should be easy to find, not the button the eye goes to first.
    executeAction(t('nudgeCard.stop'), NUDGE_STOP_VERB, { nudgeId: input.nudgeId }),
  ];
  const card = adaptiveCard(locale, [{ type: 'Container', id: `${NUDGE_MARKER_PREFIX}${input.nudgeId}`, items }], actions);
  return { ...card, fallbackText: title };
}

/** One numbered step: the number in its own column, so wrapped lines stay indented on a narrow phone. */
function step(number: number, text: string): CardElement {
  return {
    type: 'ColumnSet',
    spacing: number === 1 ? 'Medium' : 'Small',
    columns: [
      { type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: `${number}.`, weight: 'Bolder', color: 'Accent' }] },
      // Rich text, not Markdown: a step starting with a number or a dash must not turn into a list.
      { type: 'Column', width: 'stretch', items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] }] },
    ],
  };
}

/** The question and the pair under it, inside the card, where the thanks will stand after a press. */
function feedbackPair(nudgeId: string, t: ReturnType<typeof botText>): CardElement[] {
  const answer = (feedback: TipFeedback, title: string, style?: 'positive') =>
    executeAction(title, NUDGE_FEEDBACK_VERB, { nudgeId, feedback }, style ? { style } : {});
  return [
    { ...paragraph(t('nudgeCard.question')), weight: 'Bolder', spacing: 'Large' },
    { type: 'ActionSet', spacing: 'Small', actions: [answer('helped', t('nudgeCard.helped'), 'positive'), answer('not-for-me', t('nudgeCard.notForMe'))] },
  ];
}

/** A tinted band rather than green text, which is too faint to read on white. */
function thanksBand(text: string): CardElement {
  return { type: 'Container', style: 'good', bleed: true, spacing: 'Large', items: [{ type: 'TextBlock', text, wrap: true, weight: 'Bolder' }] };
}

/** Said when the person pressed "no more tips": tips are off, and how to turn them on again. */
export function nudgesStoppedCard(locale: Locale): AdaptiveCard {
  const t = botText(locale);
  return adaptiveCard(locale, [heading(t('nudgeCard.stoppedTitle')), paragraph(t('nudges.stopped'))]);
}
