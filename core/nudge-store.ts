import type { NudgeRules } from './nudge-rules.js';
import type { NudgeSeries, NudgeTip, TipFeedback } from './nudge-tips.js';
import type { Locale } from './locale.js';
import type { TargetingResult } from './nudge-targeting.js';

/** A tenant's rules with the seed of its hold-out (made once, never edited: the arms must stay put). */
export interface StoredNudgeRules {
  rules: NudgeRules;
  holdOutSeed: string;
  updatedAt: Date | null;
}

/** One nudge planned for a person: a step of a series, due from a local day. */
export interface PlannedNudge {
  aadObjectId: string;
  series: NudgeSeries;
  tip: NudgeTip;
  /** 0 for the first tip of a series. */
  step: number;
  /** The local day (YYYY-MM-DD) from which it may be sent; pacing may move it later. */
  dueDay: string;
  /** The announcement a reminder is about. */
  announcementId?: string;
}

/** A nudge claimed for sending, with what the sender needs to reach the person. */
export interface ClaimedNudge {
  tenantId: string;
  nudgeId: string;
  aadObjectId: string;
  series: NudgeSeries;
  tip: NudgeTip;
  announcementId: string | null;
  conversationReference: Record<string, unknown>;
  locale: Locale | null;
}

export type NudgeOutcome = 'sent' | 'retry' | 'unreachable';

export type FeedbackResult = 'recorded' | 'already-given' | 'unknown-nudge';

/** The port to the nudge tables; implemented in store/. */
export interface NudgeStore {
  getRules(tenantId: string): Promise<StoredNudgeRules>;
  saveRules(tenantId: string, rules: NudgeRules, now: Date): Promise<StoredNudgeRules>;
  /** Records the press of "this helped" / "not for me" under a nudge the person got: once per nudge, counted per tip and unit. */
  recordFeedback(tenantId: string, nudgeId: string, aadObjectId: string, feedback: TipFeedback): Promise<FeedbackResult>;
}

/** The open cohort of the Teams tips: the report day it began, and its line (last active before this day, or never, qualified). */
export interface OpenCohort {
  cohortDay: string;
  inactiveBefore: string;
}

/** The port to the nudges planned, claimed and sent; implemented in store/. */
export interface NudgeSchedule {
  /** People new to the directory who have not had their welcome sequence planned (or been held out of it). */
  newHires(tenantId: string): Promise<Set<string>>;
  /** The cohort being measured (the first ingestion after nudges were turned on began it). */
  openCohort(tenantId: string): Promise<OpenCohort | null>;
  /**
   * Applies an ingestion's targeting in one transaction: plans series for newly qualifying people,
   * calls off what those who no longer qualify still had waiting, and begins or measures the cohort.
   */
  applyTargeting(tenantId: string, targeting: TargetingResult, rules: NudgeRules, options: { today: string; now: Date }): Promise<TargetingApplied>;
  /** One pending nudge per person who may get one today; each is claimed (and the person's day taken) before it is sent. */
  claimDue(tenantId: string, options: { now: Date; today: string; perWeek: number; limit: number }): Promise<ClaimedNudge[]>;
  finish(nudge: ClaimedNudge, outcome: NudgeOutcome, options: { now: Date; today: string }): Promise<void>;
  /**
   * People who were sent an announcement more than `afterDays` ago and have given no sign of reading it
   * (no read receipt, acknowledgement or click), and have had no reminder of it: the candidates for the
   * one reminder. At most `limit`, oldest first, leaving out the hold-out; announcements older than 30
   * days are left alone.
   */
  unreadAnnouncements(tenantId: string, options: { now: Date; afterDays: number; limit: number; holdOut: { seed: string; percent: number } }): Promise<Array<{ aadObjectId: string; announcementId: string }>>;
  /** Plans one reminder each (due today); a person and announcement already planned are skipped. */
  planReminders(tenantId: string, reminders: ReadonlyArray<{ aadObjectId: string; announcementId: string }>, today: string): Promise<number>;
  /** The latest cohort's counts per unit and arm, or null before nudges have begun. */
  cohortFigures(tenantId: string): Promise<CohortFigures | null>;
  /** Tenants with nudges turned on: the sender's pass looks at each (reminders are planned there too). */
  tenantsWithNudgesOn(): Promise<string[]>;
}

export interface TargetingApplied {
  planned: number;
  calledOff: number;
  cohort: 'begun' | 'measured' | 'waiting' | 'none';
}

/** One unit's arm of a cohort as stored: counts only. */
export interface CohortArmRow {
  unitKey: string;
  arm: 'nudged' | 'held-out';
  eligible: number;
  /** Null until the cohort has been measured. */
  stillInactive: number | null;
  reached: number | null;
}

/** The Teams tips' cohort as the effect view reads it. */
export interface CohortFigures {
  cohortDay: string;
  inactiveBefore: string;
  /** The report day of the latest measurement, or null before the first. */
  measuredOn: string | null;
  arms: CohortArmRow[];
}
