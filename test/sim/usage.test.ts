import assert from 'node:assert/strict';
import { DEVICES } from '../../core/adoption.js';
import { REPORT_FUNCTIONS, startSimulator, type PersonUsageTruth, type ReportTruth, type Simulator } from '../../sim/index.js';
import { rowsOf } from './report-helpers.js';

const active = (date: string | null, truth: ReportTruth) => date !== null && date >= truth.from && date <= truth.to;
const DEVICE_COLUMN = { web: 'Used Web', windows: 'Used Windows', mac: 'Used Mac', linux: 'Used Linux', chromeOS: 'Used Chrome OS', ios: 'Used iOS', androidPhone: 'Used Android Phone', windowsPhone: 'Used Windows Phone' } as const;

/** Share of enabled directory staff active in the period, per sector or service, from the CSV rows joined to /users by UPN. */
function adoptionBy(sim: Simulator, rows: Array<Record<string, string>>, level: 1 | 2, from: string): Map<string, number> {
  const byUpn = new Map(rows.map((r) => [r['User Principal Name']!.toLowerCase(), r]));
  const counts = new Map<string, { staff: number; active: number }>();
  for (const p of sim.municipality.people) {
    if (!p.accountEnabled || !p.department) continue;
    const unit = p.department.split(' / ').slice(0, level).join(' / ');
    const c = counts.get(unit) ?? { staff: 0, active: 0 };
    c.staff++;
    const last = byUpn.get(p.userPrincipalName.toLowerCase())?.['Last Activity Date'] ?? '';
    if (last >= from) c.active++;
    counts.set(unit, c);
  }
  return new Map([...counts].map(([unit, c]) => [unit, c.active / c.staff]));
}

describe('simulator: synthetic usage behind the reports', () => {
  let sim: Simulator;
  let truth: ReportTruth;
  before(async () => {
    sim = await startSimulator({ staff: 3000, seed: 'usage-test', reportDate: '2026-11-23' });
    truth = sim.reports.truth('D30');
  });
  after(() => sim?.close());

  it('is the same for the same seed and date, byte for byte, and different for another seed', async () => {
    const twin = await startSimulator({ staff: 3000, seed: 'usage-test', reportDate: '2026-11-23' });
    const other = await startSimulator({ staff: 3000, seed: 'other-seed', reportDate: '2026-11-23' });
    try {
      for (const report of REPORT_FUNCTIONS) assert.ok(twin.reports.csv(report, 'D30').equals(sim.reports.csv(report, 'D30')), report);
      assert.ok(!other.reports.csv('getTeamsUserActivityUserDetail', 'D30').equals(sim.reports.csv('getTeamsUserActivityUserDetail', 'D30')));
    } finally {
      await Promise.all([twin.close(), other.close()]);
    }
  });

  it('writes each person in the CSVs exactly as the truth says', () => {
    const activity = rowsOf(sim.reports.csv('getTeamsUserActivityUserDetail', 'D30')).rows;
    const devices = rowsOf(sim.reports.csv('getTeamsDeviceUsageUserDetail', 'D30')).rows;
    const engage = rowsOf(sim.reports.csv('getYammerActivityUserDetail', 'D30')).rows;
    assert.equal(activity.length, truth.people.length);
    truth.people.forEach((p, i) => {
      const a = activity[i]!;
      const d = devices[i]!;
      const e = engage[i]!;
      assert.equal(a['User Principal Name'], p.userPrincipalName);
      assert.equal(a['User Id'], p.id);
      assert.equal(a['Tenant Display Name'], 'Fjordvik kommune');
      assert.equal(a['Last Activity Date'], p.teams.lastActivityDate ?? '');
      assert.equal(a['Is Deleted'], p.isDeleted ? 'True' : 'False');
      assert.equal(a['Deleted Date'], p.deletedDate ?? '');
      assert.equal(a['Private Chat Message Count'], String(p.teams.privateChatMessages));
      assert.equal(a['Team Chat Message Count'], String(p.teams.teamChatMessages));
      assert.equal(a['Meeting Count'], String(p.teams.meetings));
      assert.equal(a['Call Count'], String(p.teams.calls));
      assert.equal(a['Post Messages'], String(p.teams.postMessages));
      assert.equal(a['Reply Messages'], String(p.teams.replyMessages));
      assert.equal(a['Audio Duration In Seconds'], String(p.teams.audioSeconds));
      assert.equal(a['Is Licensed'], p.isLicensed ? 'Yes' : 'No');
      assert.equal(d['User Principal Name'], p.userPrincipalName);
      assert.equal(d['Last Activity Date'], p.teams.lastActivityDate ?? '');
      for (const device of DEVICES) assert.equal(d[DEVICE_COLUMN[device]], p.teams.devices[device] ? 'Yes' : 'No');
      assert.equal(e['User Principal Name'], p.userPrincipalName);
      assert.equal(e['Display Name'], p.displayName);
      assert.equal(e['User State'], p.engage.userState);
      assert.equal(e['Last Activity Date'], p.engage.lastActivityDate ?? '');
      assert.equal(e['Read Count'], String(p.engage.read));
      assert.equal(e['Posted Count'], String(p.engage.posted));
    });
  });

  it('writes the values in the reports\' formats', () => {
    const activity = rowsOf(sim.reports.csv('getTeamsUserActivityUserDetail', 'D30')).rows;
    for (const r of activity) {
      assert.match(r['Last Activity Date']!, /^(\d{4}-\d{2}-\d{2})?$/);
      assert.match(r['Is Deleted']!, /^(True|False)$/);
      assert.match(r['Has Other Action']!, /^(Yes|No)$/);
      for (const c of ['Audio Duration', 'Video Duration', 'Screen Share Duration']) assert.match(r[c]!, /^PT(?=\d)(\d+H)?(\d+M)?(\d+S)?$/, c);
      assert.ok(Number(r['Meetings Attended Count']) >= Number(r['Ad Hoc Meetings Attended Count']) + Number(r['Scheduled One-time Meetings Attended Count']) + Number(r['Scheduled Recurring Meetings Attended Count']), 'meeting kinds never add up to more than the total');
      assert.ok(Number(r['Meetings Attended Count']) >= Number(r['Meetings Organized Count']) || r['Meetings Organized Count'] === '0');
    }
    const withAudio = activity.find((r) => Number(r['Audio Duration In Seconds']) > 3600)!;
    const seconds = Number(withAudio['Audio Duration In Seconds']);
    const [, h = '0', m = '0', s = '0'] = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(withAudio['Audio Duration']!)!;
    assert.equal(Number(h) * 3600 + Number(m) * 60 + Number(s), seconds);
  });

  it('has rows for inactive people (no date, zero counts), disabled accounts and deleted people not in /users', () => {
    const directory = new Set(sim.municipality.people.map((p) => p.userPrincipalName));
    const never = truth.people.filter((p) => p.teams.lastActivityDate === null && p.inDirectory);
    assert.ok(never.length > 50, `${never.length} never on Teams`);
    for (const p of never) assert.equal(p.teams.privateChatMessages + p.teams.meetings + p.teams.calls + p.teams.postMessages, 0);
    const lapsed = truth.people.filter((p) => p.teams.lastActivityDate !== null && p.teams.lastActivityDate < truth.from);
    assert.ok(lapsed.length > 0 && lapsed.every((p) => p.teams.privateChatMessages === 0 && !DEVICES.some((d) => p.teams.devices[d])), 'last active before the period: zero counts, no devices');
    const disabled = truth.people.filter((p) => p.inDirectory && !p.accountEnabled);
    assert.equal(disabled.length, sim.municipality.people.filter((p) => !p.accountEnabled).length);
    assert.ok(disabled.every((p) => p.engage.userState === 'suspended' && p.engage.stateChangeDate !== null && !p.isDeleted));
    const deleted = truth.people.filter((p) => p.isDeleted);
    assert.ok(deleted.length >= 2, `${deleted.length} deleted`);
    for (const p of deleted) {
      assert.ok(!directory.has(p.userPrincipalName) && !p.inDirectory, `${p.userPrincipalName} is not in /users`);
      assert.ok(p.deletedDate! >= truth.from && p.deletedDate! <= truth.to);
      assert.equal(p.engage.userState, 'deleted');
      assert.ok(p.teams.lastActivityDate === null || p.teams.lastActivityDate < p.deletedDate!, 'no activity after deletion');
    }
    assert.ok(sim.reports.truth('D7').people.filter((p) => p.isDeleted).length >= 2, 'a D7 report has recent deletions too');
    assert.equal(truth.people.filter((p) => p.inDirectory).length, sim.municipality.people.length, 'everyone in /users has a row');
  });

  it('spreads adoption realistically: offices high, care and field staff low, schools between; Engage below Teams everywhere', () => {
    const teamsRows = rowsOf(sim.reports.csv('getTeamsUserActivityUserDetail', 'D30')).rows;
    const engageRows = rowsOf(sim.reports.csv('getYammerActivityUserDetail', 'D30')).rows;
    const teams = adoptionBy(sim, teamsRows, 2, truth.from);
    const engage = adoptionBy(sim, engageRows, 2, truth.from);
    const share = (m: Map<string, number>, unit: string) => m.get(unit)!;
    assert.ok(share(teams, 'Sentraladministrasjon / Digitalisering') >= 0.8, `digitalisation ${share(teams, 'Sentraladministrasjon / Digitalisering')}`);
    assert.ok(share(teams, 'Samfunnsutvikling / NAV Fjordvik') >= 0.8);
    for (const unit of ['Helse og omsorg / Hjemmetjenesten', 'Helse og omsorg / Fjordvik sykehjem', 'Teknisk drift og eiendom / Eiendom']) {
      const s = share(teams, unit);
      assert.ok(s >= 0.15 && s <= 0.6, `${unit} ${s}`);
    }
    const school = share(teams, 'Oppvekst og utdanning / Grunnskole');
    assert.ok(school > share(teams, 'Helse og omsorg / Hjemmetjenesten') && school < share(teams, 'Sentraladministrasjon / Digitalisering'), `schools ${school}`);
    for (const [unit, t] of teams) if (sim.municipality.people.filter((p) => p.department?.startsWith(unit)).length >= 20) assert.ok(engage.get(unit)! < t, `${unit}: Engage ${engage.get(unit)} < Teams ${t}`);
  });

  it('is consistent across periods: whoever was active in D7 was in D30, D90 and D180, with no fewer messages', () => {
    const byPeriod = (['D7', 'D30', 'D90', 'D180'] as const).map((p) => {
      const t = sim.reports.truth(p);
      return { t, byId: new Map(t.people.map((x) => [x.id, x])) };
    });
    for (const p of byPeriod[0]!.t.people) {
      let prev: PersonUsageTruth = p;
      for (const { byId } of byPeriod.slice(1)) {
        const next = byId.get(p.id)!;
        assert.equal(next.teams.lastActivityDate, p.teams.lastActivityDate, 'the last activity does not depend on the period');
        assert.ok(next.teams.privateChatMessages >= prev.teams.privateChatMessages && next.engage.read >= prev.engage.read);
        prev = next;
      }
    }
    const activeCount = byPeriod.map(({ t }) => t.people.filter((p) => active(p.teams.lastActivityDate, t)).length);
    assert.ok(activeCount.every((n, i) => i === 0 || n >= activeCount[i - 1]!), activeCount.join(' ≤ '));
  });

  it('grows over time: later report dates show more adoption', async () => {
    const at = (date: string) => {
      sim.setReportDate(date);
      const t = sim.reports.truth('D30');
      const staff = t.people.filter((p) => p.inDirectory && p.accountEnabled);
      return {
        teams: staff.filter((p) => active(p.teams.lastActivityDate, t)).length / staff.length,
        engage: staff.filter((p) => active(p.engage.lastActivityDate, t)).length / staff.length,
      };
    };
    try {
      const [early, now, later] = [at('2024-11-20'), at('2026-11-23'), at('2028-11-22')];
      assert.ok(early.teams + 0.03 < now.teams && now.teams + 0.03 < later.teams, `${early.teams} < ${now.teams} < ${later.teams}`);
      assert.ok(early.engage < now.engage && now.engage < later.engage, `${early.engage} < ${now.engage} < ${later.engage}`);
      assert.ok(now.engage < now.teams * 0.6);
    } finally {
      sim.setReportDate('2026-11-23');
    }
  });

  it('has a team per team-level unit and org-wide teams, with activity made from their members\' messages', () => {
    const teamUnits = sim.municipality.units.filter((u) => u.path.length === 3).map((u) => u.name);
    const rows = rowsOf(sim.reports.csv('getTeamsTeamActivityDetail', 'D30')).rows;
    assert.deepEqual(rows.map((r) => r['Team Name']).slice(0, teamUnits.length), teamUnits);
    assert.ok(rows.some((r) => r['Team Name'] === 'Fjordvik kommune' && r['Team Type'] === 'Public'));
    assert.equal(rows.length, truth.teams.length);
    const byId = new Map(truth.people.map((p) => [p.id, p]));
    // Posts in teams add up to the posts of the people in them (people in no team aside).
    const inTeams = new Set(truth.teams.flatMap((t) => t.memberIds));
    const personPosts = [...inTeams].reduce((sum, id) => sum + (byId.get(id)?.teams.postMessages ?? 0), 0);
    assert.equal(truth.teams.reduce((sum, t) => sum + t.postMessages, 0), personPosts);
    for (const [i, t] of truth.teams.entries()) {
      const r = rows[i]!;
      assert.equal(r['Team Id'], t.id);
      assert.equal(r['Post Messages'], String(t.postMessages));
      assert.equal(r['Channel Messages'], String(t.postMessages + t.replyMessages));
      assert.ok(t.activeUsers <= t.memberIds.filter((id) => active(byId.get(id)?.teams.lastActivityDate ?? null, truth)).length, `${t.name}: active users are active members`);
      const latest = t.memberIds.map((id) => byId.get(id)?.teams.lastActivityDate ?? '').sort().at(-1) ?? '';
      assert.ok(t.lastActivityDate === null || t.lastActivityDate <= latest);
    }
    const home = truth.teams.find((t) => t.name === 'Hjemmetjenesten Nord')!;
    assert.ok(home.memberIds.includes(sim.municipality.demoPersons.unitLead.id) && home.activeUsers > 0);
  });

  it('has a Viva Engage community per service, owned by a leader there, and org-wide ones', () => {
    const services = sim.municipality.units.filter((u) => u.path.length === 2);
    const rows = rowsOf(sim.reports.csv('getYammerGroupsActivityDetail', 'D30')).rows;
    assert.deepEqual(rows.map((r) => r['Group Display Name']).slice(0, services.length), services.map((s) => s.name));
    const byUpn = new Map(sim.municipality.people.map((p) => [p.userPrincipalName, p]));
    for (const [i, service] of services.entries()) {
      const owner = byUpn.get(rows[i]!['Owner Principal Name']!);
      assert.ok(owner?.department?.startsWith(service.path.join(' / ')), `${service.name} is owned by someone in it`);
      assert.equal(rows[i]!['Member Count'], String(truth.communities[i]!.memberIds.length));
    }
    const everyone = rows.find((r) => r['Group Display Name'] === 'Alle ansatte')!;
    assert.equal(Number(everyone['Member Count']), sim.municipality.people.filter((p) => p.accountEnabled).length);
    assert.ok(rows.some((r) => r['Is Deleted'] === 'True'), 'a deleted community still has a row');
    for (const r of rows) {
      assert.match(r['Group Type']!, /^(public|private)$/);
      assert.match(r['Office 365 Connected']!, /^(Yes|No)$/);
    }
    const read = truth.communities.reduce((sum, c) => sum + c.read, 0);
    const personRead = truth.people.filter((p) => p.inDirectory && (p.accountEnabled || p.department)).reduce((sum, p) => sum + p.engage.read, 0);
    assert.ok(read > 0 && read <= personRead, 'communities hold what their members read');
  });
});
