import type { UsageReportKind } from '../../core/usage-report-rows.js';

/**
 * The columns each report is read by, as Microsoft documents them (Graph reportRoot pages; the admin
 * center exports the same files). Columns are found by name, never position: Microsoft moves and adds
 * columns between report versions. `identifying` columns tell one report from another by its header row.
 */
export interface ReportColumns {
  kind: UsageReportKind;
  /** The Graph report function. */
  graphFunction: string;
  /** What admins call the report in the Microsoft 365 admin center. */
  title: string;
  identifying: readonly string[];
  required: readonly string[];
  optional: readonly string[];
}

export const REPORT_COLUMNS: readonly ReportColumns[] = [
  {
    kind: 'teamsUserActivity',
    graphFunction: 'getTeamsUserActivityUserDetail',
    title: 'Microsoft Teams user activity',
    identifying: ['Private Chat Message Count', 'User Principal Name'],
    required: [
      'Report Refresh Date', 'User Principal Name', 'Last Activity Date', 'Is Deleted', 'Team Chat Message Count',
      'Private Chat Message Count', 'Call Count', 'Meeting Count', 'Report Period',
    ],
    // Older exports lack post and reply counts; channel activity then comes from team chat messages alone.
    optional: ['Post Messages', 'Reply Messages'],
  },
  {
    kind: 'teamsDeviceUsage',
    graphFunction: 'getTeamsDeviceUsageUserDetail',
    title: 'Microsoft Teams device usage',
    identifying: ['Used Web', 'User Principal Name'],
    required: [
      'Report Refresh Date', 'User Principal Name', 'Last Activity Date', 'Is Deleted', 'Used Web', 'Used Windows Phone',
      'Used iOS', 'Used Mac', 'Used Android Phone', 'Used Windows', 'Report Period',
    ],
    optional: ['Used Chrome OS', 'Used Linux'],
  },
  {
    kind: 'engageActivity',
    graphFunction: 'getYammerActivityUserDetail',
    title: 'Viva Engage activity',
    identifying: ['User State', 'Posted Count', 'User Principal Name'],
    required: ['Report Refresh Date', 'User Principal Name', 'User State', 'Last Activity Date', 'Posted Count', 'Read Count', 'Liked Count', 'Report Period'],
    optional: [],
  },
  {
    kind: 'engageGroupsActivity',
    graphFunction: 'getYammerGroupsActivityDetail',
    title: 'Viva Engage groups activity',
    identifying: ['Group Display Name', 'Posted Count'],
    required: ['Report Refresh Date', 'Group Display Name', 'Is Deleted', 'Owner Principal Name', 'Last Activity Date', 'Member Count', 'Posted Count', 'Report Period'],
    optional: [],
  },
  {
    kind: 'teamsTeamActivity',
    graphFunction: 'getTeamsTeamActivityDetail',
    title: 'Microsoft Teams team activity',
    identifying: ['Team Id', 'Active Users'],
    required: ['Report Refresh Date', 'Team Name', 'Team Id', 'Last Activity Date', 'Active Users', 'Report Period'],
    optional: ['Post Messages', 'Reply Messages', 'Channel Messages'],
  },
];

export const COLUMNS_OF = Object.fromEntries(REPORT_COLUMNS.map((c) => [c.kind, c])) as Record<UsageReportKind, ReportColumns>;

/**
 * A header as compared: no BOM, no surrounding or doubled spaces (real files have had "Used  Chrome OS"),
 * any case, and without a "(UTC)" note some exports add to dates.
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/\(utc\)/i, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
