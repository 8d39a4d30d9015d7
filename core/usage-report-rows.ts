import type { Device } from './adoption.js';

/**
 * The rows of Microsoft's usage reports that adoption is computed from, as the parsers in graph/ read
 * them (by column name, from Graph downloads or admin-center exports). Dates are YYYY-MM-DD or null.
 * Every row carries the report's refresh date and period in days, so files can be grouped into snapshots.
 */
interface ReportRow {
  reportRefreshDate: string;
  reportPeriodDays: number;
}

/** getTeamsUserActivityUserDetail */
export interface TeamsUserActivityRow extends ReportRow {
  upn: string;
  lastActivityDate: string | null;
  isDeleted: boolean;
  teamChatMessages: number;
  privateChatMessages: number;
  calls: number;
  meetings: number;
  postMessages: number;
  replyMessages: number;
}

/** getTeamsDeviceUsageUserDetail */
export interface TeamsDeviceUsageRow extends ReportRow {
  upn: string;
  lastActivityDate: string | null;
  isDeleted: boolean;
  used: Record<Device, boolean>;
}

/** getYammerActivityUserDetail (Viva Engage) */
export interface EngageActivityRow extends ReportRow {
  upn: string;
  /** active, suspended or deleted (any case); anything but deleted counts. */
  userState: string;
  lastActivityDate: string | null;
  posted: number;
  read: number;
  liked: number;
}

/** getYammerGroupsActivityDetail (Viva Engage communities) */
export interface EngageGroupActivityRow extends ReportRow {
  name: string;
  isDeleted: boolean;
  ownerUpn: string | null;
  lastActivityDate: string | null;
  memberCount: number;
  posted: number;
}

/** getTeamsTeamActivityDetail */
export interface TeamsTeamActivityRow extends ReportRow {
  teamId: string;
  teamName: string;
  lastActivityDate: string | null;
  activeUsers: number;
  /** Post Messages + Reply Messages (Channel Messages where the report gives only that). */
  posts: number;
}

export type UsageReportKind = 'teamsUserActivity' | 'teamsDeviceUsage' | 'engageActivity' | 'engageGroupsActivity' | 'teamsTeamActivity';

export interface UsageReportRowOf {
  teamsUserActivity: TeamsUserActivityRow;
  teamsDeviceUsage: TeamsDeviceUsageRow;
  engageActivity: EngageActivityRow;
  engageGroupsActivity: EngageGroupActivityRow;
  teamsTeamActivity: TeamsTeamActivityRow;
}

/**
 * With concealed names (the tenant default since 2021) the UPN and display name are a 32-character
 * hex string; such rows cannot be joined to the directory.
 */
export function isConcealedName(value: string): boolean {
  return /^[0-9a-f]{32}$/i.test(value);
}
