import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { REPORT_FUNCTIONS, REPORT_HEADERS, startSimulator, type Simulator } from '../../sim/index.js';
import { rowsOf } from './report-helpers.js';

describe('simulator: report files as the admin center exports them', () => {
  let sim: Simulator;
  let dir: string;
  before(async () => {
    sim = await startSimulator({ staff: 1200, seed: 'files-test', reportDate: '2026-11-23' });
    dir = await mkdtemp(path.join(os.tmpdir(), 'digipuls-report-files-'));
  });
  after(async () => {
    await sim?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the five reports under admin-center names, byte for byte what Graph serves, and the users CSV export', async () => {
    const out = path.join(dir, 'csv');
    const written = await sim.writeReportFiles(out, { period: 'D30', users: 'csv', exportedAt: new Date('2026-11-23T08:04:12Z') });
    assert.deepEqual((await readdir(out)).sort(), [
      'TeamsDeviceUsageUserDetail11_23_2026 8_04_12 AM.csv',
      'TeamsTeamActivityDetail11_23_2026 8_04_12 AM.csv',
      'TeamsUserActivityUserDetail11_23_2026 8_04_12 AM.csv',
      'YammerActivityUserDetail11_23_2026 8_04_12 AM.csv',
      'YammerGroupsActivityDetail11_23_2026 8_04_12 AM.csv',
      'users_11_23_2026 8_04_12 AM.csv',
    ]);
    for (const report of REPORT_FUNCTIONS) {
      const bytes = await readFile(written.reports[report]);
      assert.ok(bytes.equals(sim.reports.csv(report, 'D30')), report);
      assert.deepEqual(rowsOf(bytes).header, REPORT_HEADERS[report]);
    }
    const usersFile = await readFile(written.users[0]!);
    assert.deepEqual([...usersFile.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const { header, rows } = rowsOf(usersFile);
    for (const column of ['Block credential', 'City', 'Country/Region', 'Department', 'Display name', 'First name', 'Last name', 'Object Id', 'Office', 'Preferred language', 'Title', 'Usage location', 'User principal name', 'When created']) {
      assert.ok(header.includes(column), column);
    }
    assert.equal(rows.length, sim.municipality.people.length);
    sim.municipality.people.forEach((p, i) => {
      const r = rows[i]!;
      assert.equal(r['User principal name'], p.userPrincipalName);
      assert.equal(r['Object Id'], p.id);
      assert.equal(r['Department'], p.department ?? '');
      assert.equal(r['Block credential'], p.accountEnabled ? 'False' : 'True');
      assert.equal(r['Title'], p.jobTitle);
      assert.match(r['When created']!, /^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$/);
    });
    assert.ok(rows.some((r) => r['Block credential'] === 'True'), 'disabled accounts are in the export');
  });

  it('writes the users as Graph /users JSON pages instead, when asked, and other periods', async () => {
    const out = path.join(dir, 'json');
    const written = await sim.writeReportFiles(out, { period: 'D7', users: 'json', exportedAt: new Date('2026-11-23T15:30:00Z') });
    assert.deepEqual(written.users.map((f) => path.basename(f)), ['users-1.json', 'users-2.json']);
    const pages = await Promise.all(written.users.map(async (f) => JSON.parse(await readFile(f, 'utf8')) as { '@odata.context': string; '@odata.nextLink'?: string; value: Array<Record<string, unknown>> }));
    assert.match(pages[0]!['@odata.context'], /\$metadata#users\(/);
    assert.ok(pages[0]!['@odata.nextLink'] && !pages[1]!['@odata.nextLink']);
    const users = pages.flatMap((p) => p.value);
    assert.equal(users.length, 1200);
    assert.deepEqual(Object.keys(users[0]!), ['id', 'userPrincipalName', 'displayName', 'department', 'officeLocation', 'jobTitle', 'accountEnabled']);
    assert.ok(users.some((u) => u.accountEnabled === false));
    assert.ok(path.basename(written.reports.getTeamsUserActivityUserDetail).endsWith('11_23_2026 3_30_00 PM.csv'));
    assert.equal(rowsOf(await readFile(written.reports.getTeamsUserActivityUserDetail)).rows[0]!['Report Period'], '7');
  });
});
