import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely. Every table carries tenant_id (ready for distribution by tenant). */
export interface Schema {
  tenants: TenantsTable;
  units: UnitsTable;
  people: PeopleTable;
  adoption_snapshots: AdoptionSnapshotsTable;
  adoption_unit_figures: AdoptionUnitFiguresTable;
  adoption_communities: AdoptionCommunitiesTable;
  unit_mappings: UnitMappingsTable;
  surveys: SurveysTable;
  survey_rounds: SurveyRoundsTable;
  survey_invitations: SurveyInvitationsTable;
  survey_answer_inbox: SurveyAnswersTable;
  survey_answers: SurveyAnswersTable;
  survey_follow_ups: SurveyFollowUpsTable;
  survey_follow_up_deliveries: SurveyFollowUpDeliveriesTable;
  prompt_days: PromptDaysTable;
  announcements: AnnouncementsTable;
  announcement_deliveries: AnnouncementDeliveriesTable;
  reach_events: ReachEventsTable;
  read_marks: ReadMarksTable;
  posts_elsewhere: PostsElsewhereTable;
  post_unit_figures: PostUnitFiguresTable;
  nudge_rules: NudgeRulesTable;
  nudges: NudgesTable;
  nudge_tip_feedback: NudgeTipFeedbackTable;
  nudge_cohorts: NudgeCohortsTable;
  digest_preferences: DigestPreferencesTable;
  digests_sent: DigestsSentTable;
}

type CreatedAt = ColumnType<Date, never, never>;
type UpdatedAt = ColumnType<Date, Date | undefined, Date>;

export interface TenantsTable {
  tenant_id: string;
  name: string | null;
  /** IANA time zone for quiet hours and the day answers are stamped with. */
  time_zone: Generated<string>;
  /** Quiet hours (HH:MM, local): no prompts from start to end. */
  quiet_start: Generated<string>;
  quiet_end: Generated<string>;
  weekends_quiet: Generated<boolean>;
  /** Signs click links (base64url), made on first use. */
  link_secret: string | null;
  /** The process sending to the tenant's Bot Connector now, and until when (core/send-lease.ts). */
  send_lease_owner: string | null;
  send_lease_until: Date | null;
  created_at: Generated<Date> & CreatedAt;
}

export interface UnitsTable {
  tenant_id: string;
  unit_id: Generated<string>;
  parent_id: string | null;
  name: string;
  /** Names from the root to this unit. */
  path: string[];
  /** The path joined with ' / ', unique per tenant: the natural key directory sync matches on. */
  path_key: string;
  created_at: Generated<Date> & CreatedAt;
}

export interface PeopleTable {
  tenant_id: string;
  aad_object_id: string;
  upn: string | null;
  display_name: string | null;
  unit_id: string | null;
  /** The language the person chose in chat; wins over the directory's. */
  chosen_locale: string | null;
  /** The directory's preferredLanguage, mapped to one of our locales. */
  directory_locale: string | null;
  account_enabled: boolean;
  /** False for people who reached the bot but are not (yet) in a directory sync. */
  in_directory: boolean;
  /** The person wrote "stopp": no usage tips until they write "start". */
  nudges_paused: Generated<boolean>;
  /** Joined the directory after the tenant's first sync and not yet given the welcome sequence. */
  welcome_pending: Generated<boolean>;
  conversation_reference: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  /** The Graph id of the 1:1 chat with the bot, once looked up. */
  graph_chat_id: string | null;
  updated_at: Generated<Date> & UpdatedAt;
}

type Json<T> = ColumnType<T, string, string>;

export interface AdoptionSnapshotsTable {
  tenant_id: string;
  snapshot_id: Generated<string>;
  period: string;
  /** The report's refresh date (YYYY-MM-DD); read back as text. */
  report_date: ColumnType<string, string, string>;
  source: 'graph' | 'import';
  concealed: boolean;
  min_group_size: number;
  /** Municipality totals; null when the municipality itself is below the group size. */
  staff: number | null;
  active: Json<Record<string, number>> | null;
  devices: Json<Record<string, number>> | null;
  summary: Json<Record<string, unknown>>;
  ingested_at: Generated<Date> & CreatedAt;
}

export interface AdoptionUnitFiguresTable {
  tenant_id: string;
  snapshot_id: string;
  unit_id: string;
  suppressed: 'small' | 'complementary' | 'ancestor' | null;
  staff: number | null;
  active: Json<Record<string, number>> | null;
  devices: Json<Record<string, number>> | null;
}

export interface AdoptionCommunitiesTable {
  tenant_id: string;
  snapshot_id: string;
  kind: 'teams' | 'engage';
  external_id: string;
  name: string;
  unit_id: string | null;
  suppressed: boolean;
  active_users: number | null;
  members: number | null;
  posts: number | null;
}

export interface UnitMappingsTable {
  tenant_id: string;
  source: 'department' | 'office';
  value_key: string;
  value: string;
  unit_path: string[];
}

/** Dates (YYYY-MM-DD) are read back as text with to_char. */
type Day = ColumnType<string, string, string>;

export interface SurveysTable {
  tenant_id: string;
  survey_id: Generated<string>;
  template_id: string | null;
  definition: Json<unknown>;
  audience: Json<unknown>;
  schedule: Json<unknown>;
  status: 'scheduled' | 'open' | 'ended';
  next_round_at: Date | null;
  closed_early_at: Date | null;
  created_by: string;
  created_by_role: string;
  created_at: Generated<Date> & CreatedAt;
}

export interface SurveyRoundsTable {
  tenant_id: string;
  round_id: Generated<string>;
  survey_id: string;
  number: number;
  opens_at: Date;
  closes_at: Date;
  remind_at: Date | null;
  closed_at: Date | null;
}

export interface SurveyInvitationsTable {
  tenant_id: string;
  round_id: string;
  aad_object_id: string;
  unit_id: string | null;
  prompt: Generated<'pending' | 'sending' | 'sent' | 'unreachable'>;
  prompted_on: Day | null;
  reminder: Generated<'none' | 'sending' | 'sent'>;
  answered: Generated<boolean>;
}

export interface SurveyAnswersTable {
  tenant_id: string;
  answer_id: Generated<string>;
  round_id: string;
  unit_id: string | null;
  answered_on: Day;
  answers: Json<Record<string, unknown>>;
}

export interface SurveyFollowUpsTable {
  tenant_id: string;
  follow_up_id: Generated<string>;
  round_id: string;
  text: Json<Record<string, string>>;
  written_by_role: string;
  written_by_name: string | null;
  written_on: Day;
}

export interface SurveyFollowUpDeliveriesTable {
  tenant_id: string;
  follow_up_id: string;
  aad_object_id: string;
  state: Generated<'pending' | 'sending' | 'sent' | 'unreachable'>;
}

export interface PromptDaysTable {
  tenant_id: string;
  aad_object_id: string;
  day: Day;
}

export interface AnnouncementsTable {
  tenant_id: string;
  announcement_id: Generated<string>;
  content: Json<unknown>;
  audience: Json<unknown>;
  send_at: Date;
  requires_ack: boolean;
  status: 'scheduled' | 'sending' | 'sent' | 'cancelled';
  created_by: string;
  created_by_role: string;
  created_at: Generated<Date> & CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
  cancelled_at: Date | null;
  reminder_at: Date | null;
  /** The run sending it, and until when its lease holds: another run may take over only after. */
  lease_owner: string | null;
  lease_until: Date | null;
}

export interface AnnouncementDeliveriesTable {
  tenant_id: string;
  announcement_id: string;
  aad_object_id: string;
  delivery_key: Generated<string>;
  unit_id: string | null;
  state: Generated<'queued' | 'sending' | 'sent' | 'failed' | 'unreachable'>;
  reason: string | null;
  attempts: Generated<number>;
  conversation_id: string | null;
  activity_id: string | null;
  sent_at: Date | null;
  read_at: Date | null;
  acknowledged_at: Date | null;
  clicked_at: Date | null;
  reminder: Generated<'none' | 'queued' | 'sending' | 'sent' | 'failed'>;
}

export interface ReachEventsTable {
  tenant_id: string;
  announcement_id: string;
  unit_id: string | null;
  signal: 'delivered' | 'read' | 'acknowledged' | 'clicked';
  at: Date;
}

/** The last message read per 1:1 chat (see migration 0005): only the highest id, no history. */
export interface ReadMarksTable {
  tenant_id: string;
  conversation_id: string;
  /** numeric: read back as a string. */
  last_read_message_id: string;
}

export interface PostsElsewhereTable {
  tenant_id: string;
  post_id: Generated<string>;
  announcement_id: string;
  kind: 'channel_post' | 'sharepoint_page';
  link: string;
  target: Json<unknown>;
  target_key: string;
  added_by: string;
  added_at: Date;
  refreshed_at: Date | null;
  /** Why the last refresh failed (a stable code); null when it worked. */
  problem: string | null;
  viewers: number | null;
  views: number | null;
}

/** A channel post's reactions and replies from one unit's people: counts only, never who. */
export interface PostUnitFiguresTable {
  tenant_id: string;
  post_id: string;
  unit_id: string | null;
  reactions: number;
  replies: number;
  people: number;
}

export interface NudgeRulesTable {
  tenant_id: string;
  /** core/nudge-rules.ts NudgeRules, parsed with its schema when read. */
  rules: unknown;
  hold_out_seed: string;
  updated_at: Generated<Date>;
}

export interface NudgesTable {
  tenant_id: string;
  nudge_id: Generated<string>;
  aad_object_id: string;
  series: 'teams-tips' | 'engage-invitation' | 'welcome' | 'announcement-reminder';
  tip: string;
  step: number;
  cohort_day: Day | null;
  due_day: Day;
  announcement_id: string | null;
  state: Generated<'pending' | 'sending' | 'sent' | 'cancelled' | 'unreachable'>;
  attempts: Generated<number>;
  claimed_at: Date | null;
  sent_at: Date | null;
  feedback_given: Generated<boolean>;
}

export interface NudgeTipFeedbackTable {
  tenant_id: string;
  tip: string;
  unit_key: string;
  helped: Generated<number>;
  not_for_me: Generated<number>;
}

export interface NudgeCohortsTable {
  tenant_id: string;
  cohort_day: Day;
  series: string;
  unit_key: string;
  arm: 'nudged' | 'held-out';
  staff: number;
  eligible: number;
  inactive_before: Day;
  measured_on: Day | null;
  measured_staff: number | null;
  still_inactive: number | null;
  reached: number | null;
}

export interface DigestPreferencesTable {
  tenant_id: string;
  aad_object_id: string;
  /** ISO weekday, 1 Monday … 5 Friday. */
  weekday: Generated<number>;
  /** Local HH:MM, 07:00–17:00. */
  send_time: Generated<string>;
  enabled: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface DigestsSentTable {
  tenant_id: string;
  aad_object_id: string;
  iso_week: string;
  state: 'sending' | 'sent' | 'unreachable';
  claimed_at: Date;
  finished_at: Date | null;
}
