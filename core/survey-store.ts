import type { Locale } from './locale.js';
import type { MessagingSettings } from './messaging-settings.js';
import type { Answers, LocalizedText, SurveyDefinition, TemplateId } from './survey.js';

/** Who a survey goes to: everyone, units with all their sub-units, or Entra ID groups (transitive members). */
export type Audience = { kind: 'everyone' } | { kind: 'units'; unitIds: string[] } | { kind: 'groups'; groupIds: string[] };

/** When a survey runs: once, or every week or month until a last date. Each run is a round. */
export interface SurveySchedule {
  /** When the first round opens (ISO 8601 with offset). */
  startsAt: string;
  /** How many days each round stays open. */
  openDays: number;
  recurrence: { every: 'once' } | { every: 'week' | 'month'; until: string };
  /** Days after a round opens that those who have not answered get one reminder; null for none. */
  remindAfterDays: number | null;
}

export type SurveyStatus = 'scheduled' | 'open' | 'ended';

export interface Survey {
  id: string;
  tenantId: string;
  templateId: TemplateId | null;
  definition: SurveyDefinition;
  audience: Audience;
  schedule: SurveySchedule;
  status: SurveyStatus;
  /** Set when someone closed the survey before its schedule ended. */
  closedEarlyAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

/** One run of a survey: who was asked is recorded per round; answers belong to a round. */
export interface SurveyRound {
  id: string;
  surveyId: string;
  number: number;
  opensAt: Date;
  closesAt: Date;
  /** Set when the round was closed (on time or early). */
  closedAt: Date | null;
}

/** What the bot needs to put a round's questions in front of a person. */
export interface SurveyPrompt {
  surveyId: string;
  roundId: string;
  definition: SurveyDefinition;
  /** The last day answers are taken (YYYY-MM-DD, in the tenant's time zone). */
  closesOn: string;
  /** A reminder says so on the card. */
  reminder: boolean;
}

/** What happened to a person's answers. */
export type RecordOutcome =
  | { status: 'recorded' }
  | { status: 'already_answered' }
  | { status: 'closed'; closedOn: string }
  | { status: 'not_invited' }
  | { status: 'unknown_round' };

/** A "you said, we did" follow-up on a round, written by a communicator or unit lead. */
export interface SurveyFollowUp {
  id: string;
  roundId: string;
  text: LocalizedText;
  /** Role of the writer, shown next to the text; never their name in staff's chat. */
  writtenBy: { role: 'Communicator' | 'UnitLead' | 'AdoptionAdmin'; name: string | null };
  writtenOn: string;
}

/**
 * The part of the survey tables the bot uses while a person answers. Answers are stored apart from
 * participation: recording marks the person's invitation answered and writes the answers as a row of
 * their own, with the unit they were invited in and only the day, never who or when exactly.
 */
export interface SurveyAnswerStore {
  /** The round and what it asks; undefined when there is no such round in the tenant. */
  findRound(tenantId: string, roundId: string): Promise<{ round: SurveyRound; survey: Survey; closesOn: string } | undefined>;
  recordAnswers(input: { tenantId: string; roundId: string; aadObjectId: string; answers: Answers; now: Date }): Promise<RecordOutcome>;
}

/** A survey as it is created; storage gives it its id and status. */
export interface NewSurvey {
  templateId: TemplateId | null;
  definition: SurveyDefinition;
  audience: Audience;
  schedule: SurveySchedule;
  createdBy: string;
  createdByRole: string;
}

/** A round with its municipality-wide participation counts. */
export interface RoundWithCounts extends SurveyRound {
  invited: number;
  answered: number;
}

/** A person a prompt, reminder or follow-up is about to go to (claimed: no other worker sends it). */
export interface ClaimedMessage {
  tenantId: string;
  roundId: string;
  aadObjectId: string;
  conversationReference: Record<string, unknown>;
  locale: Locale | null;
}

/** How a claimed send ended: sent; not sent and worth another try later; or the person cannot be reached. */
export type SendOutcome = 'sent' | 'retry' | 'unreachable';

/** Everything surveys keep, behind one port; implemented in store/. */
export interface SurveyStore extends SurveyAnswerStore {
  messagingSettings(tenantId: string): Promise<MessagingSettings>;
  saveMessagingSettings(tenantId: string, settings: MessagingSettings): Promise<void>;

  createSurvey(tenantId: string, input: NewSurvey): Promise<Survey>;
  getSurvey(tenantId: string, surveyId: string): Promise<Survey | undefined>;
  listSurveys(tenantId: string): Promise<Survey[]>;
  listRounds(tenantId: string, surveyId: string): Promise<RoundWithCounts[]>;
  /** Ends a survey now: no further rounds, an open round closes. */
  closeSurvey(tenantId: string, surveyId: string, now: Date): Promise<void>;

  /**
   * The staff a round asks: enabled people from the directory, everyone or those in the given units
   * (with all their sub-units) or with the given Entra object ids; each with the unit they are in now.
   */
  audiencePeople(tenantId: string, filter: { unitIds?: readonly string[]; aadObjectIds?: readonly string[] }): Promise<Array<{ aadObjectId: string; unitId: string | null }>>;
  /** Surveys whose next round is due. */
  surveysDue(now: Date): Promise<Survey[]>;
  /** Opens a round and records who is asked; moves the survey's next round on (null: none). Idempotent per round number. */
  openRound(input: { survey: Survey; number: number; opensAt: Date; closesAt: Date; remindAt: Date | null; nextRoundAt: Date | null; invitees: Array<{ aadObjectId: string; unitId: string | null }> }): Promise<SurveyRound>;
  /** Closes rounds whose time is up; ends surveys with no round to come. */
  closeDueRounds(now: Date): Promise<number>;
  /** Tenants with open rounds or follow-ups to send. */
  tenantsWithWork(now: Date): Promise<string[]>;
  /**
   * Claims up to `limit` first prompts (kind 'prompt') or reminders (kind 'reminder') for a tenant: each
   * claimed person gets `day` recorded as their prompt day, so nobody is claimed twice on one day.
   */
  claimPrompts(tenantId: string, kind: 'prompt' | 'reminder', input: { now: Date; day: string; limit: number }): Promise<ClaimedMessage[]>;
  finishPrompt(message: ClaimedMessage, kind: 'prompt' | 'reminder', outcome: SendOutcome, day: string): Promise<void>;
  /** Moves answers from the inbox to survey_answers in random order, in one transaction. */
  sealAnswers(): Promise<number>;

  /** Invited and answered per unit (the unit each was invited in). */
  participation(tenantId: string, roundId: string): Promise<Array<{ unitId: string | null; invited: number; reached: number; answered: number }>>;
  answers(tenantId: string, roundId: string): Promise<Array<{ unitId: string | null; answers: Answers }>>;

  addFollowUp(tenantId: string, roundId: string, input: Omit<SurveyFollowUp, 'id' | 'roundId'>): Promise<SurveyFollowUp>;
  listFollowUps(tenantId: string, roundIds: readonly string[]): Promise<SurveyFollowUp[]>;
  claimFollowUps(tenantId: string, limit: number): Promise<Array<ClaimedMessage & { followUp: SurveyFollowUp; surveyTitle: LocalizedText; roundOpenedOn: string }>>;
  finishFollowUp(message: ClaimedMessage & { followUp: SurveyFollowUp }, outcome: SendOutcome): Promise<void>;
}
