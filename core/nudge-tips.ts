/**
 * The nudges Digipuls can send, by series. Each tip is an Adaptive Card in nb, nn, sv and en (the text
 * lives in bot/locales under `nudgeTips.<key>`), written for staff who are new to Teams, with a
 * "this helped / not for me" pair. A series is sent one tip at a time, at most as often as the
 * tenant's pacing allows, and stops once the person no longer qualifies for it.
 */

/** Tips for staff who have not been active in Teams for a while, in the order they are sent. */
export const TEAMS_TIPS = ['follow-unit-channel', 'turn-on-notifications', 'install-mobile-app', 'find-management-news', 'ask-in-channel'] as const;
export type TeamsTip = (typeof TEAMS_TIPS)[number];

/** New hires get a welcome sequence instead: first the welcome, then the basics. */
export const WELCOME_TIPS = ['welcome-to-teams', 'install-mobile-app', 'follow-unit-channel', 'find-management-news'] as const;
export type WelcomeTip = (typeof WELCOME_TIPS)[number];

export const NUDGE_TIPS = ['follow-unit-channel', 'turn-on-notifications', 'install-mobile-app', 'find-management-news', 'ask-in-channel', 'welcome-to-teams', 'engage-invitation', 'announcement-reminder'] as const;
export type NudgeTip = (typeof NUDGE_TIPS)[number];

/**
 * Why a person gets a series. `teams-tips`: inactive in Teams for the rule's days; `engage-invitation`:
 * not active in their unit's Viva Engage community; `welcome`: new in the directory;
 * `announcement-reminder`: has not read an announcement after the rule's days.
 */
export const NUDGE_SERIES = ['teams-tips', 'engage-invitation', 'welcome', 'announcement-reminder'] as const;
export type NudgeSeries = (typeof NUDGE_SERIES)[number];

export function isNudgeTip(value: unknown): value is NudgeTip {
  return typeof value === 'string' && (NUDGE_TIPS as readonly string[]).includes(value);
}

/** What a person answers under a tip. */
export const TIP_FEEDBACK = ['helped', 'not-for-me'] as const;
export type TipFeedback = (typeof TIP_FEEDBACK)[number];

/** How the simulator and tests recognise a nudge card: its outermost Container's id is this prefix and the nudge's id. */
export const NUDGE_MARKER_PREFIX = 'digipuls-nudge-';
/** The Action.Execute verb of the feedback pair; its data is `{ nudgeId, feedback }`. */
export const NUDGE_FEEDBACK_VERB = 'nudge.feedback';
/** The Action.Execute verb of the card's "no more tips" button (the same as writing «stopp»); its data is `{ nudgeId }`. */
export const NUDGE_STOP_VERB = 'nudge.stop';
