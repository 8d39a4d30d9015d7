/**
 * The nudge API's answers as the tab reads them (`/api/v1/nudges/…`), mirroring core/nudge-rules.ts,
 * core/nudge-tips.ts and core/nudge-effect-view.ts. Figures about people come only for groups the
 * server has found large enough; a hidden unit has no figures at all.
 */

/** The Teams tips, in the order core sends them by default. */
export const TEAMS_TIPS = ['follow-unit-channel', 'turn-on-notifications', 'install-mobile-app', 'find-management-news', 'ask-in-channel'] as const;
export type TeamsTip = (typeof TEAMS_TIPS)[number];

/** Every nudge staff can answer "this helped / not for me" under. */
export const NUDGE_TIPS = [...TEAMS_TIPS, 'welcome-to-teams', 'engage-invitation', 'announcement-reminder'] as const;
export type NudgeTip = (typeof NUDGE_TIPS)[number];

export interface NudgeRules {
  enabled: boolean;
  teamsTips: { enabled: boolean; inactiveDays: number; tips: TeamsTip[] };
  engageInvitation: { enabled: boolean };
  announcementReminder: { enabled: boolean; afterDays: number };
  welcome: { enabled: boolean };
  pacing: { perWeek: number; sendFrom: string };
  holdOutPercent: number;
  measureAfterDays: number;
}

/** `GET` and `PUT /api/v1/nudges/rules`. */
export interface StoredRules {
  rules: NudgeRules;
  updatedAt: string | null;
}

/** The estimate for a group; shares and effect are fractions (0.15 = 15 points). */
export interface EffectEstimate {
  nudgedShare: number;
  heldOutShare: number;
  reachedShare: number;
  effect: number;
  low: number;
  high: number;
  significant: boolean;
}

export interface EffectFigures {
  nudgedEligible: number;
  reached: number;
  nudgedStarted: number;
  heldOutEligible: number;
  heldOutStarted: number;
  estimate: EffectEstimate | null;
}

export type HiddenReason = 'small' | 'complementary' | 'ancestor';

export interface EffectUnit {
  unitId: string;
  parentId: string | null;
  name: string;
  path: string[];
  figures: EffectFigures | null;
  hidden: HiddenReason | false;
}

export interface EffectView {
  cohortDay: string;
  inactiveBefore: string;
  measuredOn: string | null;
  whole: EffectFigures | null;
  units: EffectUnit[];
}

export interface TipFeedback {
  tip: NudgeTip | string;
  /** Null while fewer than the group size have answered under the tip. */
  answers: number | null;
  helped: number | null;
  notForMe: number | null;
}

/** `GET /api/v1/nudges/effect`. */
export interface NudgeEffect {
  minGroupSize: number;
  cohort: EffectView | null;
  tips: TipFeedback[];
}

export const rulesPath = '/api/v1/nudges/rules';
export const effectPath = '/api/v1/nudges/effect';

export const isShownUnit = (unit: EffectUnit): unit is EffectUnit & { figures: EffectFigures; hidden: false } => unit.hidden === false && unit.figures !== null;
