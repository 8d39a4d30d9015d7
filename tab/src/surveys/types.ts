/**
 * The survey API's answers as the tab reads them (`/api/v1/surveys…`), mirroring core/survey*.ts. Figures
 * about people are null where the server suppressed them (a group smaller than `minGroupSize`, or hidden
 * so that a small group cannot be worked out by subtraction): the tab never fills them in.
 */
import type { Locale } from '../i18n';

export type LocalizedText = Record<Locale, string>;

export const QUESTION_KINDS = ['likert', 'single', 'multiple', 'enps', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A survey stays short: staff answer it on a phone between two tasks (core's MAX_QUESTIONS). */
export const MAX_QUESTIONS = 10;
/** Choice questions have 2–8 options (core's optionSchema). */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
export const LIKERT_VALUES = ['1', '2', '3', '4', '5'] as const;
export const ENPS_VALUES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;

export interface ChoiceOption {
  id: string;
  text: LocalizedText;
}

interface QuestionBase {
  id: string;
  text: LocalizedText;
  required: boolean;
}
export type Question =
  | (QuestionBase & { kind: 'likert' | 'enps' })
  | (QuestionBase & { kind: 'single' | 'multiple'; options: ChoiceOption[] })
  | (QuestionBase & { kind: 'text'; maxLength: number });

export interface SurveyDefinition {
  title: LocalizedText;
  intro?: LocalizedText;
  questions: Question[];
}

export const TEMPLATE_IDS = ['digital-work-environment', 'weekly-pulse', 'onboarding-check'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** `GET /surveys/templates`: the surveys shipped with Digipuls. */
export interface SurveyTemplate {
  id: TemplateId;
  description: LocalizedText;
  suggested: { recurrence: 'once' | 'weekly' | 'monthly'; openDays: number };
  definition: SurveyDefinition;
}

export type Audience = { kind: 'everyone' } | { kind: 'units'; unitIds: string[] } | { kind: 'groups'; groupIds: string[] };

export interface SurveySchedule {
  /** ISO 8601 with offset. */
  startsAt: string;
  openDays: number;
  recurrence: { every: 'once' } | { every: 'week' | 'month'; until: string };
  remindAfterDays: number | null;
}

export type SurveyStatus = 'scheduled' | 'open' | 'ended';

export interface RoundSummary {
  id: string;
  number: number;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  /** Municipality totals; null when below the group size. */
  invited: number | null;
  answered: number | null;
}

/** `GET /surveys` and `GET /surveys/:id`. */
export interface SurveySummary {
  id: string;
  templateId: TemplateId | null;
  title: LocalizedText;
  definition: SurveyDefinition;
  audience: Audience;
  /** The audience in words, as the server names units and groups. */
  audienceLabel: string;
  schedule: SurveySchedule;
  status: SurveyStatus;
  closedEarlyAt: string | null;
  createdAt: string;
  rounds: RoundSummary[];
  /** The caller may close it and write follow-ups. */
  canManage: boolean;
}

export interface SurveyList {
  surveys: SurveySummary[];
  canCreate: boolean;
}

export interface QuestionResult {
  questionId: string;
  kind: QuestionKind;
  answered: number;
  /** Count per scale point ('1'–'5', '0'–'10') or option id; free text has none. */
  distribution: Array<{ value: string; count: number }>;
  mean?: number;
  enps?: number;
  /** Free-text answers when the group is large enough and the caller may read them; 'hidden' when not allowed. */
  texts?: string[] | 'hidden';
}

export interface GroupResults {
  /** Asked in this round (the audience when it opened). */
  invited: number;
  /** Whose prompt reached their chat: those without the app installed are asked but not reached. */
  reached: number;
  answered: number;
  /** answered / reached, 0–1. */
  responseRate: number;
  questions: QuestionResult[];
}

/** Who was asked and who answered, without what they answered. */
export interface Participation {
  invited: number;
  reached: number;
  answered: number;
  responseRate: number;
}

export type Suppression = false | 'small' | 'complementary' | 'ancestor';

export interface UnitResults {
  unitId: string;
  parentId: string | null;
  name: string;
  path: string[];
  suppressed: Suppression;
  /** Counts only (no answers), so a lead sees where to encourage answers; null when fewer than the group size were asked. */
  participation: Participation | null;
  /** Null when suppressed. */
  results: GroupResults | null;
}

export type FollowUpRole = 'Communicator' | 'UnitLead' | 'AdoptionAdmin';

export interface SurveyFollowUp {
  id: string;
  roundId: string;
  text: LocalizedText;
  writtenBy: { role: FollowUpRole; name: string | null };
  writtenOn: string;
}

/** `GET /surveys/:id/results`. */
export interface SurveyResults {
  survey: SurveySummary;
  /** Null while the survey has no round yet. */
  round: { id: string; number: number; opensAt: string; closesAt: string; closedAt: string | null } | null;
  minGroupSize: number;
  municipality: GroupResults | null;
  units: UnitResults[];
  scopeUnitId: string | null;
  /** The follow-ups of every round of the survey. */
  followUps: SurveyFollowUp[];
  canFollowUp: boolean;
  readOnly: boolean;
}

export interface TrendPoint {
  roundId: string;
  number: number;
  opensAt: string;
  results: GroupResults | null;
}

/** `GET /surveys/:id/trend`. */
export interface SurveyTrend {
  unitId: string | null;
  /** Oldest first. */
  points: TrendPoint[];
}

/** A unit of the organisation, as `GET /api/v1/units` lists them. */
export interface OrgUnit {
  id: string;
  parentId: string | null;
  name: string;
  path: string[];
}

/** A body the API refused: application/problem+json. */
export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
}
