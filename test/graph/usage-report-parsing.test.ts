import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { openUsageReport } from '../../graph/usage-reports/read-report.js';
import { openCsvTable } from '../../graph/usage-reports/csv-table.js';
import { ReportFileError } from '../../graph/usage-reports/report-file-error.js';
import { isUsersExport, usersFromExport } from '../../graph/usage-reports/users-file.js';

const TEAMS_HEADER =
  'Report Refresh Date,Tenant Display Name,Shared Channel Tenant Display Names,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Post Messages,Reply Messages,Urgent Messages,Meetings Organized Count,Meetings Attended Count,Ad Hoc Meetings Organized Count,Ad Hoc Meetings Attended Count,Scheduled One-time Meetings Organized Count,Scheduled One-time Meetings Attended Count,Scheduled Recurring Meetings Organized Count,Scheduled Recurring Meetings Attended Count,Audio Duration,Video Duration,Screen Share Duration,Audio Duration In Seconds,Video Duration In Seconds,Screen Share Duration In Seconds,Has Other Action,Is Licensed,Report Period';
const teamsRow = (upn: string, last: string, chat = 3) =>
  `2026-11-23,Fjordvik kommune,,0a1b,${upn},${last},False,,MICROSOFT 365 E3,1,${chat},0,2,0,0,0,0,2,0,0,0,0,0,2,PT1H,PT0S,PT0S,3600,0,0,No,Yes,30`;

const file = (text: string) => Readable.from([Buffer.from(text, 'utf8')]);

async function rowsOf(text: string, name = 'report.csv') {
  const report = await openUsageReport(file(text), name);
  const rows: unknown[] = [];
  for await (const row of report.rows) rows.push(row);
  return { kind: report.kind, rows };
}

async function failure(text: string, name = 'report.csv'): Promise<ReportFileError> {
  try {
    await rowsOf(text, name);
  } catch (error) {
    assert.ok(error instanceof ReportFileError, String(error));
    return error;
  }
  assert.fail('the file was accepted');
}

describe('reading Microsoft 365 usage reports', () => {
  it('recognises the Teams user activity report by its header and reads the documented columns, BOM and CRLF included', async () => {
    const { kind, rows } = await rowsOf(`\uFEFF${TEAMS_HEADER}\r\n${teamsRow('Kari.Nordmann@fjordvik.kommune.no', '2026-11-20')}\r\n`);
    assert.equal(kind, 'teamsUserActivity');
    assert.deepEqual(rows[0], {
      reportRefreshDate: '2026-11-23',
      reportPeriodDays: 30,
      upn: 'Kari.Nordmann@fjordvik.kommune.no',
      lastActivityDate: '2026-11-20',
      isDeleted: false,
      teamChatMessages: 1,
      privateChatMessages: 3,
      calls: 0,
      meetings: 2,
      postMessages: 0,
      replyMessages: 0,
    });
  });

  it('reads columns by name: moved columns, odd spacing and case, and unknown extra columns change nothing', async () => {
    const text = `Is Deleted,user  principal name,Report Refresh Date,Brand New Column,Last Activity Date,Team Chat Message Count,PRIVATE CHAT MESSAGE COUNT,Call Count,Meeting Count,Report Period\nFalse,per@x.no,2026-11-23,whatever,2026-11-01,0,5,1,0,30\n`;
    const { kind, rows } = await rowsOf(text);
    assert.equal(kind, 'teamsUserActivity');
    assert.equal((rows[0] as { privateChatMessages: number }).privateChatMessages, 5);
    assert.equal((rows[0] as { postMessages: number }).postMessages, 0, 'an optional column that is absent reads as 0');
  });

  it('an empty Last Activity Date means no activity', async () => {
    const { rows } = await rowsOf(`${TEAMS_HEADER}\n${teamsRow('a@x.no', '', 0)}\n`);
    assert.equal((rows[0] as { lastActivityDate: string | null }).lastActivityDate, null);
  });

  it('a missing required column is an error naming file, column and line', async () => {
    const renamed = TEAMS_HEADER.replace('Last Activity Date', 'Last Active');
    const error = await failure(`${renamed}\n${teamsRow('a@x.no', '2026-11-20')}\n`, 'TeamsUserActivityUserDetail.csv');
    assert.equal(error.source, 'TeamsUserActivityUserDetail.csv');
    assert.equal(error.column, 'Last Activity Date');
    assert.equal(error.line, 1);
    assert.match(error.message, /TeamsUserActivityUserDetail\.csv, line 1, column 'Last Activity Date'/);
  });

  it('a value that is not what the column holds names its line and column', async () => {
    const error = await failure(`${TEAMS_HEADER}\n${teamsRow('a@x.no', '2026-11-20')}\n${teamsRow('b@x.no', 'yesterday')}\n`);
    assert.equal(error.line, 3);
    assert.equal(error.column, 'Last Activity Date');
    assert.match(error.message, /'yesterday' is not a date/);
  });

  it('refuses a file that is no usage report, and one that is empty', async () => {
    assert.match((await failure('Name,Colour\nx,blue\n')).message, /not that of a Microsoft 365 usage report/);
    assert.match((await failure('')).message, /empty/);
  });

  it('reads the device, Viva Engage, Engage groups and team reports', async () => {
    const device = await rowsOf(
      'Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Used Web,Used Windows Phone,Used iOS,Used Mac,Used Android Phone,Used Windows,Used Chrome OS,Used Linux,Is Licensed,Report Period\n2026-11-23,1,a@x.no,2026-11-22,False,,Yes,No,Yes,No,No,No,No,No,Yes,7\n',
    );
    assert.equal(device.kind, 'teamsDeviceUsage');
    assert.deepEqual((device.rows[0] as { used: object }).used, { web: true, windows: false, mac: false, linux: false, chromeOS: false, ios: true, androidPhone: false, windowsPhone: false });
    const engage = await rowsOf(
      'Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period\n2026-11-23,a@x.no,A,Active,,2026-11-02,1,10,0,,30\n',
    );
    assert.equal(engage.kind, 'engageActivity');
    const groups = await rowsOf(
      'Report Refresh Date,Group Display Name,Is Deleted,Owner Principal Name,Last Activity Date,Group Type,Office 365 Connected,Member Count,Posted Count,Read Count,Liked Count,Report Period\n2026-11-23,Helse,False,a@x.no,2026-11-20,Private,Yes,40,12,100,7,30\n',
    );
    assert.equal(groups.kind, 'engageGroupsActivity');
    const teams = await rowsOf(
      'Report Refresh Date,Team Name,Team Id,Team Type,Last Activity Date,Report Period,Active Users,Active Channels,Guests,Reactions,Meetings Organized,Post Messages,Reply Messages,Channel Messages,Urgent Messages,Mentions,Active Shared Channels,Active External Users\n2026-11-23,Hjemmetjenesten Nord,19:abc,Private,2026-11-21,30,12,3,0,4,2,5,6,11,0,1,0,0\n',
    );
    assert.equal(teams.kind, 'teamsTeamActivity');
    assert.equal((teams.rows[0] as { posts: number }).posts, 11);
  });

  it('reads the admin center\'s user export, and names the line and column of a wrong value', async () => {
    const header = 'Block credential,City,Department,Display name,Object Id,Office,Title,User principal name';
    const read = async (text: string) => {
      const table = await openCsvTable(file(text), 'users.csv');
      assert.ok(isUsersExport(table.headers));
      const users = [];
      for await (const user of usersFromExport(table, 'users.csv')) users.push(user);
      return users;
    };
    const users = await read(`\uFEFF${header}\r\nTrue,Fjordvik,Oppvekst / Skole,Ola,1,Skolen,Lærer,ola@x.no\r\n`);
    assert.equal(users[0]!.accountEnabled, false, 'Block credential True is a disabled account');
    assert.equal(users[0]!.department, 'Oppvekst / Skole');
    await assert.rejects(read(`${header}\nFalse,,A,Kari,2,,,kari@x.no\nmaybe,,A,Per,3,,,per@x.no\n`), /users\.csv, line 3, column 'Block credential': 'maybe' is not True\/False/);
    await assert.rejects(read(`${header}\nFalse,,A,Kari,2,,,\n`), /users\.csv, line 2, column 'User principal name': is empty/);
  });
});
