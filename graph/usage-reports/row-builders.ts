import type { UsageReportKind, UsageReportRowOf } from '../../core/usage-report-rows.js';
import { countCell, dateCell, flagCell, periodCell, requiredDateCell, textCell } from './cell-values.js';

/** A column of the file: its position and documented name (for messages). */
export interface ColumnRef {
  index: number;
  name: string;
}

/** Reads one cell, naming the column when the value is wrong. */
export type CellReader = <T>(column: ColumnRef | undefined, read: (value: string) => T, fallback: T) => T;

type Builder<K extends UsageReportKind> = (col: (name: string) => ColumnRef | undefined) => (cell: CellReader) => UsageReportRowOf[K];

const common = (col: (name: string) => ColumnRef | undefined) => {
  const refresh = col('Report Refresh Date');
  const period = col('Report Period');
  return (cell: CellReader) => ({ reportRefreshDate: cell(refresh, requiredDateCell, ''), reportPeriodDays: cell(period, periodCell, 0) });
};

/** For each report, how a row of cells becomes the typed row core/ aggregates (columns looked up once per file). */
export const ROW_BUILDERS: { [K in UsageReportKind]: Builder<K> } = {
  teamsUserActivity: (col) => {
    const base = common(col);
    const [upn, last, deleted, team, priv, calls, meetings, posts, replies] = [
      'User Principal Name', 'Last Activity Date', 'Is Deleted', 'Team Chat Message Count', 'Private Chat Message Count',
      'Call Count', 'Meeting Count', 'Post Messages', 'Reply Messages',
    ].map(col);
    return (cell) => ({
      ...base(cell),
      upn: cell(upn, textCell, ''),
      lastActivityDate: cell(last, dateCell, null),
      isDeleted: cell(deleted, flagCell, false),
      teamChatMessages: cell(team, countCell, 0),
      privateChatMessages: cell(priv, countCell, 0),
      calls: cell(calls, countCell, 0),
      meetings: cell(meetings, countCell, 0),
      postMessages: cell(posts, countCell, 0),
      replyMessages: cell(replies, countCell, 0),
    });
  },
  teamsDeviceUsage: (col) => {
    const base = common(col);
    const [upn, last, deleted] = ['User Principal Name', 'Last Activity Date', 'Is Deleted'].map(col);
    const [web, windows, mac, linux, chromeOS, ios, androidPhone, windowsPhone] = [
      'Used Web', 'Used Windows', 'Used Mac', 'Used Linux', 'Used Chrome OS', 'Used iOS', 'Used Android Phone', 'Used Windows Phone',
    ].map(col);
    return (cell) => ({
      ...base(cell),
      upn: cell(upn, textCell, ''),
      lastActivityDate: cell(last, dateCell, null),
      isDeleted: cell(deleted, flagCell, false),
      used: {
        web: cell(web, flagCell, false),
        windows: cell(windows, flagCell, false),
        mac: cell(mac, flagCell, false),
        linux: cell(linux, flagCell, false),
        chromeOS: cell(chromeOS, flagCell, false),
        ios: cell(ios, flagCell, false),
        androidPhone: cell(androidPhone, flagCell, false),
        windowsPhone: cell(windowsPhone, flagCell, false),
      },
    });
  },
  engageActivity: (col) => {
    const base = common(col);
    const [upn, state, last, posted, read, liked] = ['User Principal Name', 'User State', 'Last Activity Date', 'Posted Count', 'Read Count', 'Liked Count'].map(col);
    return (cell) => ({
      ...base(cell),
      upn: cell(upn, textCell, ''),
      userState: cell(state, textCell, ''),
      lastActivityDate: cell(last, dateCell, null),
      posted: cell(posted, countCell, 0),
      read: cell(read, countCell, 0),
      liked: cell(liked, countCell, 0),
    });
  },
  engageGroupsActivity: (col) => {
    const base = common(col);
    const [name, deleted, owner, last, members, posted] = ['Group Display Name', 'Is Deleted', 'Owner Principal Name', 'Last Activity Date', 'Member Count', 'Posted Count'].map(col);
    return (cell) => ({
      ...base(cell),
      name: cell(name, textCell, ''),
      isDeleted: cell(deleted, flagCell, false),
      ownerUpn: cell(owner, textCell, '') || null,
      lastActivityDate: cell(last, dateCell, null),
      memberCount: cell(members, countCell, 0),
      posted: cell(posted, countCell, 0),
    });
  },
  teamsTeamActivity: (col) => {
    const base = common(col);
    const [id, name, last, active, posts, replies, channel] = ['Team Id', 'Team Name', 'Last Activity Date', 'Active Users', 'Post Messages', 'Reply Messages', 'Channel Messages'].map(col);
    return (cell) => {
      const postsAndReplies = cell(posts, countCell, 0) + cell(replies, countCell, 0);
      return {
        ...base(cell),
        teamId: cell(id, textCell, ''),
        teamName: cell(name, textCell, ''),
        lastActivityDate: cell(last, dateCell, null),
        activeUsers: cell(active, countCell, 0),
        posts: posts || replies ? postsAndReplies : cell(channel, countCell, 0),
      };
    };
  },
};
