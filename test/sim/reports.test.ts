import assert from 'node:assert/strict';
import https from 'node:https';
import { REPORT_FUNCTIONS, REPORT_HEADERS, startSimulator, type Simulator } from '../../sim/index.js';
import { callReport, downloadReport, rowsOf } from './report-helpers.js';
import { appToken, SIM_CA } from './sim-helpers.js';

interface GraphErrorBody {
  error: { code: string; message: string };
}

const DOCUMENTED_TEAMS_USER_ACTIVITY =
  'Report Refresh Date,Tenant Display Name,Shared Channel Tenant Display Names,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Assigned Products,Team Chat Message Count,Private Chat Message Count,Call Count,Meeting Count,Post Messages,Reply Messages,Urgent Messages,Meetings Organized Count,Meetings Attended Count,Ad Hoc Meetings Organized Count,Ad Hoc Meetings Attended Count,Scheduled One-time Meetings Organized Count,Scheduled One-time Meetings Attended Count,Scheduled Recurring Meetings Organized Count,Scheduled Recurring Meetings Attended Count,Audio Duration,Video Duration,Screen Share Duration,Audio Duration In Seconds,Video Duration In Seconds,Screen Share Duration In Seconds,Has Other Action,Is Licensed,Report Period';
const DOCUMENTED = {
  getTeamsUserActivityUserDetail: DOCUMENTED_TEAMS_USER_ACTIVITY,
  getTeamsDeviceUsageUserDetail:
    'Report Refresh Date,User Id,User Principal Name,Last Activity Date,Is Deleted,Deleted Date,Used Web,Used Windows Phone,Used iOS,Used Mac,Used Android Phone,Used Windows,Used Chrome OS,Used Linux,Is Licensed,Report Period',
  getYammerActivityUserDetail:
    'Report Refresh Date,User Principal Name,Display Name,User State,State Change Date,Last Activity Date,Posted Count,Read Count,Liked Count,Assigned Products,Report Period',
  getYammerGroupsActivityDetail:
    'Report Refresh Date,Group Display Name,Is Deleted,Owner Principal Name,Last Activity Date,Group Type,Office 365 Connected,Member Count,Posted Count,Read Count,Liked Count,Report Period',
  getTeamsTeamActivityDetail:
    'Report Refresh Date,Team Name,Team Id,Team Type,Last Activity Date,Report Period,Active Users,Active Channels,Guests,Reactions,Meetings Organized,Post Messages,Reply Messages,Channel Messages,Urgent Messages,Mentions,Active Shared Channels,Active External Users',
};

describe('simulator: Graph usage reports', () => {
  let sim: Simulator;
  let token: string;
  before(async () => {
    sim = await startSimulator({ staff: 400, seed: 'reports-test', reportDate: '2026-11-23' });
    token = await appToken(sim);
  });
  after(() => sim?.close());
  afterEach(() => sim.faults.clear());

  it('answers 302 to a download URL on another origin that serves the CSV without a token', async () => {
    const redirect = await callReport(sim, token, "getTeamsUserActivityUserDetail(period='D30')");
    assert.equal(redirect.status, 302);
    const location = new URL(redirect.headers.get('location')!);
    assert.notEqual(location.origin, sim.url, 'another origin, as reports.office.com is to graph.microsoft.com');
    assert.equal(location.hostname, new URL(sim.url).hostname);
    const file = await fetch(location);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/octet-stream');
    const bytes = Buffer.from(await file.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const text = bytes.toString('utf8').slice(1);
    assert.ok(text.startsWith(`${DOCUMENTED_TEAMS_USER_ACTIVITY}\r\n`));
    assert.equal(text.split('\r\n').length - 2, sim.reports.truth('D30').people.length, 'one row per person, CRLF line ends, a final CRLF');
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
  });

  it('refuses the download with 400 when the bearer token is sent on, and 404 for an unknown link', async () => {
    const redirect = await callReport(sim, token, "getTeamsDeviceUsageUserDetail(period='D7')");
    const location = redirect.headers.get('location')!;
    const withToken = await fetch(location, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(withToken.status, 400);
    assert.match(await withToken.text(), /<Code>InvalidAuthenticationInfo<\/Code>/);
    assert.equal((await fetch(location)).status, 200, 'the link still works without the header');
    const unknown = await fetch(location.replace(/[^/]+$/, 'not-a-token'));
    assert.equal(unknown.status, 404);
  });

  it('lets fetch follow the redirect itself: the token is dropped on the way to the other origin', async () => {
    const response = await fetch(`${sim.url}/v1.0/reports/getYammerActivityUserDetail(period='D30')`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200, 'undici drops Authorization on a cross-origin redirect');
    // (text() decodes UTF-8 and drops the byte-order mark.)
    assert.ok((await response.text()).startsWith(`${DOCUMENTED.getYammerActivityUserDetail}\r\n`));
  });

  it('serves every report for every period with exactly the documented headers, in order', async () => {
    for (const report of REPORT_FUNCTIONS) {
      assert.equal(REPORT_HEADERS[report].join(','), DOCUMENTED[report], report);
      for (const [period, days] of [['D7', '7'], ['D30', '30'], ['D90', '90'], ['D180', '180']] as const) {
        const { header, rows } = rowsOf(await downloadReport(sim, token, `${report}(period='${period}')`));
        assert.equal(header.join(','), DOCUMENTED[report], `${report} ${period}`);
        assert.ok(rows.length > 0, `${report} ${period} has rows`);
        assert.ok(rows.every((r) => r['Report Period'] === days && r['Report Refresh Date'] === '2026-11-23'), `${report} ${period}`);
      }
    }
  });

  it('accepts the period quoted, percent-encoded or not, and the function name in any case', async () => {
    for (const call of ["getTeamsUserActivityUserDetail(period='D7')", 'getTeamsUserActivityUserDetail(period=%27D7%27)', "GETTEAMSUSERACTIVITYUSERDETAIL(period='D7')"]) {
      assert.equal((await callReport(sim, token, call)).status, 302, call);
    }
  });

  it('answers 400 BadRequest for a bad period, a missing one, or an unknown report', async () => {
    for (const call of ["getTeamsUserActivityUserDetail(period='D31')", 'getTeamsUserActivityUserDetail(period=D7)', 'getTeamsUserActivityUserDetail()', "getEmailActivityUserDetail(period='D7')", "getTeamsUserActivityUserDetail(period='d7')"]) {
      const response = await callReport(sim, token, call);
      assert.equal(response.status, 400, call);
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'BadRequest', call);
    }
  });

  it('answers 401 without a token and 403 to an app without Reports.Read.All', async () => {
    const none = await fetch(`${sim.url}/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')`, { redirect: 'manual' });
    assert.equal(none.status, 401);
    const limited = await startSimulator({ staff: 100, seed: 'reports-test', graphAppRoles: ['User.Read.All'] });
    try {
      const limitedToken = await appToken(limited);
      const response = await callReport(limited, limitedToken, "getTeamsUserActivityUserDetail(period='D7')");
      assert.equal(response.status, 403);
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'Authorization_RequestDenied');
      assert.equal((await fetch(`${limited.url}/v1.0/admin/reportSettings`, { headers: { authorization: `Bearer ${limitedToken}` } })).status, 403);
      assert.equal((await fetch(`${limited.url}/v1.0/users`, { headers: { authorization: `Bearer ${limitedToken}` } })).status, 200, 'users still readable');
    } finally {
      await limited.close();
    }
  });

  it('reads and changes displayConcealedNames, and conceals names in every report when it is on', async () => {
    const settingsUrl = `${sim.url}/v1.0/admin/reportSettings`;
    const auth = { authorization: `Bearer ${token}` };
    const before = (await (await fetch(settingsUrl, { headers: auth })).json()) as Record<string, unknown>;
    assert.deepEqual(before, { '@odata.context': `${sim.url}/v1.0/$metadata#admin/reportSettings/$entity`, displayConcealedNames: false });
    const badBody = await fetch(settingsUrl, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: '{"displayConcealedNames":"yes"}' });
    assert.equal(badBody.status, 400);
    const patch = await fetch(settingsUrl, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ displayConcealedNames: true }) });
    assert.equal(patch.status, 204);
    try {
      assert.equal(((await (await fetch(settingsUrl, { headers: auth })).json()) as { displayConcealedNames: boolean }).displayConcealedNames, true);
      assert.equal(sim.reports.concealed, true);
      const hex32 = /^[0-9A-F]{32}$/;
      const activity = rowsOf(await downloadReport(sim, token, "getTeamsUserActivityUserDetail(period='D30')")).rows;
      assert.ok(activity.every((r) => hex32.test(r['User Principal Name']!) && r['User Id'] === '00000000-0000-0000-0000-000000000000'));
      const devices = rowsOf(await downloadReport(sim, token, "getTeamsDeviceUsageUserDetail(period='D30')")).rows;
      assert.deepEqual(devices.map((r) => r['User Principal Name']), activity.map((r) => r['User Principal Name']), 'the same person has the same hidden name in every report');
      const engage = rowsOf(await downloadReport(sim, token, "getYammerActivityUserDetail(period='D30')")).rows;
      assert.ok(engage.every((r) => hex32.test(r['User Principal Name']!) && hex32.test(r['Display Name']!)));
      const groups = rowsOf(await downloadReport(sim, token, "getYammerGroupsActivityDetail(period='D30')")).rows;
      assert.ok(groups.every((r) => hex32.test(r['Group Display Name']!) && (r['Owner Principal Name'] === '' || hex32.test(r['Owner Principal Name']!))));
      const teams = rowsOf(await downloadReport(sim, token, "getTeamsTeamActivityDetail(period='D30')")).rows;
      assert.ok(teams.every((r) => hex32.test(r['Team Name']!) && r['Team Id'] === '00000000-0000-0000-0000-000000000000'));
      const text = Buffer.concat([sim.reports.csv('getTeamsUserActivityUserDetail', 'D30'), sim.reports.csv('getYammerActivityUserDetail', 'D30')]).toString();
      assert.ok(!text.includes('@fjordvik.kommune.no') && !text.includes(sim.municipality.people[0]!.displayName), 'no real name anywhere');
    } finally {
      await fetch(settingsUrl, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ displayConcealedNames: false }) });
    }
    const plain = rowsOf(await downloadReport(sim, token, "getTeamsUserActivityUserDetail(period='D30')")).rows;
    assert.ok(plain.some((r) => r['User Principal Name'] === sim.municipality.demoPersons.admin.userPrincipalName));
  });

  it('starts concealed when asked, and hides the same person behind the same name in another simulator with the same seed', async () => {
    const concealed = await startSimulator({ staff: 400, seed: 'reports-test', reportDate: '2026-11-23', concealed: true });
    try {
      const a = rowsOf(concealed.reports.csv('getTeamsUserActivityUserDetail', 'D30')).rows;
      sim.reports.setConcealed(true);
      const b = rowsOf(sim.reports.csv('getTeamsUserActivityUserDetail', 'D30')).rows;
      assert.deepEqual(a, b);
    } finally {
      sim.reports.setConcealed(false);
      await concealed.close();
    }
  });

  it('answers 429 with the given Retry-After to the next n matching requests, then serves again', async () => {
    sim.faults.throttle({ target: 'reports', count: 2, retryAfter: '2.128' });
    for (let i = 0; i < 2; i++) {
      const throttled = await callReport(sim, token, "getTeamsUserActivityUserDetail(period='D7')");
      assert.equal(throttled.status, 429);
      assert.equal(throttled.headers.get('retry-after'), '2.128');
      assert.equal(((await throttled.json()) as GraphErrorBody).error.code, 'TooManyRequests');
    }
    const users = await fetch(`${sim.url}/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(users.status, 200, 'a reports throttle leaves /users alone');
    assert.equal((await callReport(sim, token, "getTeamsUserActivityUserDetail(period='D7')")).status, 302);

    sim.faults.throttle({ target: 'users', count: 1, retryAfter: 3 });
    const throttledUsers = await fetch(`${sim.url}/v1.0/users`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(throttledUsers.status, 429);
    assert.equal(throttledUsers.headers.get('retry-after'), '3');
    assert.equal((await fetch(`${sim.url}/v1.0/users`, { headers: { authorization: `Bearer ${token}` } })).status, 200);

    sim.faults.throttle({ target: 'graph', count: 3 });
    assert.equal((await fetch(`${sim.url}/v1.0/users`, { headers: { authorization: `Bearer ${token}` } })).status, 429);
    assert.equal((await callReport(sim, token, "getTeamsTeamActivityDetail(period='D7')")).status, 429);
    assert.equal((await fetch(`${sim.url}/v1.0/admin/reportSettings`, { headers: { authorization: `Bearer ${token}` } })).status, 429);
    assert.equal((await callReport(sim, token, "getTeamsTeamActivityDetail(period='D7')")).status, 302);
    assert.throws(() => sim.faults.throttle({ target: 'reports', count: 1, retryAfter: 'soon' }), RangeError);
  });

  it('enforces the report rate limit on report calls (not downloads), with Retry-After the time left in the window', async () => {
    const limited = await startSimulator({ staff: 100, seed: 'rate', reportRateLimit: { requests: 3, windowSeconds: 600 } });
    try {
      const limitedToken = await appToken(limited);
      const locations: string[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await callReport(limited, limitedToken, "getTeamsUserActivityUserDetail(period='D30')");
        assert.equal(response.status, 302, `call ${i + 1}`);
        locations.push(response.headers.get('location')!);
      }
      for (const location of [...locations, ...locations]) assert.equal((await fetch(location)).status, 200, 'downloads are not counted');
      const refused = await callReport(limited, limitedToken, "getYammerActivityUserDetail(period='D30')");
      assert.equal(refused.status, 429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      assert.ok(retryAfter > 590 && retryAfter <= 600, `Retry-After ${refused.headers.get('retry-after')}`);
      assert.equal(((await refused.json()) as GraphErrorBody).error.code, 'TooManyRequests');
      assert.equal((await fetch(`${limited.url}/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${limitedToken}` } })).status, 200, '/users is not a report');
    } finally {
      await limited.close();
    }
    const short = await startSimulator({ staff: 100, seed: 'rate', reportRateLimit: { requests: 1, windowSeconds: 0.3 } });
    try {
      const shortToken = await appToken(short);
      assert.equal((await callReport(short, shortToken, "getTeamsUserActivityUserDetail(period='D7')")).status, 302);
      const refused = await callReport(short, shortToken, "getTeamsUserActivityUserDetail(period='D7')");
      assert.equal(refused.status, 429);
      await new Promise((r) => setTimeout(r, Number(refused.headers.get('retry-after')) * 1000 + 20));
      assert.equal((await callReport(short, shortToken, "getTeamsUserActivityUserDetail(period='D7')")).status, 302, 'the window has moved on');
    } finally {
      await short.close();
    }
  });

  it('lets download links expire', async () => {
    const quick = await startSimulator({ staff: 100, seed: 'expiry', reportDownloadSeconds: 0.2 });
    try {
      const location = (await callReport(quick, await appToken(quick), "getTeamsUserActivityUserDetail(period='D7')")).headers.get('location')!;
      assert.equal((await fetch(location)).status, 200);
      await new Promise((r) => setTimeout(r, 250));
      assert.equal((await fetch(location)).status, 404);
    } finally {
      await quick.close();
    }
  });

  it('keeps the report date a link was made for, and serves later dates after setReportDate', async () => {
    const location = (await callReport(sim, token, "getTeamsUserActivityUserDetail(period='D7')")).headers.get('location')!;
    sim.setReportDate('2026-12-20');
    try {
      assert.equal(sim.reports.reportDate, '2026-12-20');
      assert.equal(rowsOf(Buffer.from(await (await fetch(location)).arrayBuffer())).rows[0]!['Report Refresh Date'], '2026-11-23');
      const later = rowsOf(await downloadReport(sim, token, "getTeamsUserActivityUserDetail(period='D7')")).rows;
      assert.equal(later[0]!['Report Refresh Date'], '2026-12-20');
      assert.throws(() => sim.setReportDate('2026-02-30'), RangeError);
    } finally {
      sim.setReportDate('2026-11-23');
    }
  });

  it('refreshes to today minus two days when no report date is set', async () => {
    const live = await startSimulator({ staff: 100, seed: 'live' });
    try {
      const expected = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      assert.equal(live.reports.reportDate, expected);
      assert.equal(rowsOf(live.reports.csv('getTeamsDeviceUsageUserDetail', 'D7')).rows[0]!['Report Refresh Date'], expected);
      assert.equal(live.reports.truth('D7').to, expected);
    } finally {
      await live.close();
    }
  });

  it('serves the same routes over HTTPS with an HTTPS download link', async () => {
    const location = await new Promise<string>((resolve, reject) => {
      https
        .get(`${sim.httpsUrl}/v1.0/reports/getTeamsUserActivityUserDetail(period='D7')`, { ca: SIM_CA, agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
          res.resume();
          resolve(res.headers.location ?? `HTTP ${res.statusCode}`);
        })
        .on('error', reject);
    });
    assert.match(location, /^https:\/\/127\.0\.0\.1:\d+\/reports-download\//);
    assert.notEqual(new URL(location).port, new URL(sim.httpsUrl).port);
  });
});
