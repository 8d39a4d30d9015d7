import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { estimateEffect } from '../../core/nudge-effect.js';
import { isHeldOut } from '../../core/nudge-hold-out.js';
import { REPORT_FUNCTIONS, startSimulator, type PersonUsageTruth, type Simulator } from '../../sim/index.js';
import { defaultReportDate } from '../../sim/days.js';
import { cardActivity, nudgeCard } from './announcement-helpers.js';
import { downloadReport, rowsOf } from './report-helpers.js';
import { appToken } from './sim-helpers.js';

const SEED = 'nudge-effect-test';
const T0 = '2026-11-23';
const INACTIVE_BEFORE = '2026-10-24'; // T0 − 30 days: Digipuls's default rule
const T1 = '2026-12-07'; // T0 + 14
const HOLD_OUT_SEED = 'hold-out';
const unlimited = { tenantPerSecond: Infinity, perConversation: false };

/** Posts a nudge card to each person's 1:1 chat as the bot does (16 at a time); returns the activity ids. */
async function sendNudges(sim: Simulator, personIds: readonly string[], nudgeIdOf = (id: string) => `tip-${id}`): Promise<string[]> {
  const queue = personIds.map((id, i) => [id, i] as const);
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [personId, i] = next;
        const response = await fetch(`${sim.url}/v3/conversations/${encodeURIComponent(`a:chat-${personId}`)}/activities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(cardActivity(nudgeCard(nudgeIdOf(personId)))),
        });
        assert.equal(response.status, 201);
        ids[i] = ((await response.json()) as { id: string }).id;
      }
    }),
  );
  return ids;
}

/** Enabled staff in /users with no Teams activity in the 30 days before the report date (those Digipuls's rule picks). */
function inactiveStaff(sim: Simulator): PersonUsageTruth[] {
  return sim.reports.truth('D30').people.filter((p) => p.inDirectory && p.accountEnabled && (p.teams.lastActivityDate === null || p.teams.lastActivityDate < INACTIVE_BEFORE));
}

/** Every report for a few periods, as the current report date serves them. */
function allCsvs(sim: Simulator): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const period of ['D7', 'D30', 'D180'] as const) for (const report of REPORT_FUNCTIONS) out.set(`${report} ${period}`, sim.reports.csv(report, period));
  return out;
}

describe('simulator: the nudge effect', () => {
  let sim: Simulator;
  /** The same tenant without nudges. */
  let plain: Simulator;
  let eligible: PersonUsageTruth[];
  let nudgedIds: string[];
  let beforeNudges: Map<string, Buffer>;

  before(async function () {
    this.timeout(30_000);
    [sim, plain] = await Promise.all([
      startSimulator({ staff: 2500, seed: SEED, reportDate: T0, nudgeEffect: 0.15, connector: unlimited }),
      startSimulator({ staff: 2500, seed: SEED, reportDate: T0 }),
    ]);
    eligible = inactiveStaff(sim);
    nudgedIds = eligible.filter((p) => !isHeldOut(HOLD_OUT_SEED, p.id, 10)).map((p) => p.id);
    beforeNudges = allCsvs(sim);
    await sendNudges(sim, nudgedIds);
  });
  after(() => Promise.all([sim?.close(), plain?.close()]));
  afterEach(() => {
    sim.setReportDate(T0);
    sim.nudges.setEffect(0.15);
  });

  it('records each nudge card the connector accepts, on the report date of that moment, once per nudge id', async () => {
    const receipts = sim.nudges.receipts();
    assert.equal(receipts.size, nudgedIds.length);
    const first = receipts.get(nudgedIds[0]!)!;
    assert.equal(first.length, 1);
    assert.equal(first[0]!.nudgeId, `tip-${nudgedIds[0]}`);
    assert.equal(first[0]!.day, T0);
    assert.ok(first[0]!.receivedAt instanceof Date);
    // The nudge day is the report date: reports up to it cannot show an effect, later ones can.
    assert.equal(sim.nudges.nudged(T0).size, 0);
    assert.deepEqual(sim.nudges.nudged('2026-11-24'), new Set(nudgedIds));
    assert.deepEqual(sim.nudges.nudged(), new Set(nudgedIds));

    // The same nudge sent again, a PUT redrawing it (after a feedback press), an announcement and plain text are no new nudges.
    const person = nudgedIds[0]!;
    const chat = `${sim.url}/v3/conversations/${encodeURIComponent(`a:chat-${person}`)}/activities`;
    const post = (body: unknown, url = chat, method = 'POST') => fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await post(cardActivity(nudgeCard(`tip-${person}`)))).status, 201);
    assert.equal((await post(cardActivity(nudgeCard('redrawn')), `${chat}/12345`, 'PUT')).status, 200);
    assert.equal((await post({ type: 'message', text: 'hei' })).status, 201);
    assert.equal(sim.nudges.receipts().get(person)!.length, 1);
    // A nudge into a conversation the simulator cannot tie to a person counts for nobody.
    assert.equal((await post(cardActivity(nudgeCard('nobody')), `${sim.url}/v3/conversations/19%3Asomething/activities`)).status, 201);
    assert.equal(sim.nudges.receipts().size, nudgedIds.length);
  });

  it('makes the nudged active in Teams after the nudge day by the effect given, exactly, at any later report date', () => {
    for (const date of ['2026-11-24', T1, '2026-12-23']) {
      const truth = sim.nudges.truth(date);
      assert.equal(truth.reportDate, date);
      assert.equal(truth.effect, 0.15);
      assert.equal(truth.nudged, nudgedIds.length);
      assert.equal(truth.converted, truth.activeWith - truth.activeWithout);
      assert.ok(Math.abs(truth.realizedEffect - 0.15) <= 0.01, `${date}: realized ${truth.realizedEffect}`);
      assert.ok(Math.abs(truth.realizedEffect - truth.targetEffect) <= 1 / truth.nudged, `${date}: realized ${truth.realizedEffect}, aimed at ${truth.targetEffect}`);
      assert.ok(truth.activeWithout > 0, 'some come back on their own');
      const people = [...truth.people.values()];
      assert.equal(people.filter((p) => p.activeWith && !p.activeWithout).length, truth.converted);
      assert.ok(people.every((p) => p.nudgeDay === T0 && (!p.activeWithout || p.activeWith) && (p.activeWith === p.activeWithout || p.boosted)));
      const units = [...truth.units.values()];
      assert.equal(units.reduce((n, u) => n + u.nudged, 0), truth.nudged);
      assert.equal(units.reduce((n, u) => n + u.activeWith, 0), truth.activeWith);
    }
    // Those made active by an earlier report date stay so.
    const early = sim.nudges.truth('2026-11-26').people;
    const later = sim.nudges.truth(T1).people;
    for (const [id, p] of early) if (p.activeWith) assert.ok(later.get(id)!.activeWith, id);
  });

  it('shows it in the CSVs Digipuls downloads: Last Activity Date after the nudge day for those made active, the same in activity and device usage', async function () {
    this.timeout(10_000);
    sim.setReportDate(T1);
    const token = await appToken(sim);
    const activity = rowsOf(await downloadReport(sim, token, "getTeamsUserActivityUserDetail(period='D30')")).rows;
    const devices = rowsOf(await downloadReport(sim, token, "getTeamsDeviceUsageUserDetail(period='D30')")).rows;
    const truth = sim.nudges.truth(T1);
    const byUpn = new Map(activity.map((r, i) => [r['User Principal Name']!, { activity: r, devices: devices[i]! }]));
    const people = new Map(sim.municipality.people.map((p) => [p.id, p]));
    let converted = 0;
    for (const [id, t] of truth.people) {
      const rows = byUpn.get(people.get(id)!.userPrincipalName)!;
      const last = rows.activity['Last Activity Date']!;
      assert.equal(last !== '' && last > t.nudgeDay, t.activeWith, `${id}: Last Activity Date ${last}`);
      assert.equal(rows.devices['Last Activity Date'], last);
      if (t.activeWith && !t.activeWithout) {
        converted++;
        // Active in the period with counts and a device, as anyone active is.
        assert.ok(last <= T1 && last >= '2026-11-24');
        const used = Object.entries(rows.devices).filter(([k, v]) => k.startsWith('Used ') && v === 'Yes');
        assert.ok(used.length > 0, `${id} used some device`);
        assert.equal(rows.activity['Is Licensed'], 'Yes');
      }
    }
    assert.equal(converted, truth.converted);

    // Digipuls's estimator (core/nudge-effect.ts) on these rows, arms drawn as Digipuls draws them,
    // counted over the staff the rule picked at T0: 0.15 lies inside its interval.
    const lastOf = new Map(activity.map((r) => [r['User Principal Name']!, r['Last Activity Date']!]));
    const arms = { nudged: { eligible: 0, stillInactive: 0, reached: 0 }, heldOut: { eligible: 0, stillInactive: 0 } };
    for (const p of eligible) {
      const arm = isHeldOut(HOLD_OUT_SEED, p.id, 10) ? arms.heldOut : arms.nudged;
      arm.eligible++;
      if (!((lastOf.get(p.userPrincipalName) ?? '') > T0)) arm.stillInactive++;
      if (arm === arms.nudged) arms.nudged.reached++;
    }
    const estimate = estimateEffect(arms)!;
    assert.ok(estimate.low <= 0.15 && 0.15 <= estimate.high && estimate.significant, JSON.stringify(estimate));
  });

  it('changes nothing for people not nudged, nor any report up to the nudge day', () => {
    // Up to the nudge day: byte for byte what it was before the nudges, and what a tenant without them serves.
    const plainAtT0 = allCsvs(plain);
    for (const [name, csv] of allCsvs(sim)) {
      assert.ok(csv.equals(beforeNudges.get(name)!), `${name} at ${T0}`);
      assert.ok(csv.equals(plainAtT0.get(name)!), `${name} at ${T0}, against the tenant without nudges`);
    }
    sim.setReportDate('2026-11-01');
    plain.setReportDate('2026-11-01');
    try {
      const plainBefore = allCsvs(plain);
      for (const [name, csv] of allCsvs(sim)) assert.ok(csv.equals(plainBefore.get(name)!), `${name} before the nudges`);
    } finally {
      plain.setReportDate(T0);
    }
    // After it: only the boosted people's rows differ; Viva Engage not at all.
    sim.setReportDate(T1);
    plain.setReportDate(T1);
    try {
      const boosted = new Set([...sim.nudges.truth(T1).people].filter(([, p]) => p.boosted).map(([id]) => id));
      assert.ok(boosted.size > 0);
      const boostedUpns = new Set(sim.municipality.people.filter((p) => boosted.has(p.id)).map((p) => p.userPrincipalName));
      for (const report of ['getTeamsUserActivityUserDetail', 'getTeamsDeviceUsageUserDetail'] as const) {
        for (const period of ['D7', 'D30', 'D90'] as const) {
          const mine = rowsOf(sim.reports.csv(report, period)).rows;
          const theirs = rowsOf(plain.reports.csv(report, period)).rows;
          assert.equal(mine.length, theirs.length);
          let differing = 0;
          mine.forEach((row, i) => {
            if (boostedUpns.has(row['User Principal Name']!)) differing += JSON.stringify(row) === JSON.stringify(theirs[i]) ? 0 : 1;
            else assert.deepEqual(row, theirs[i], `${report} ${period}: ${row['User Principal Name']}`);
          });
          assert.ok(differing > 0, `${report} ${period}: the nudge shows`);
        }
      }
      for (const report of ['getYammerActivityUserDetail', 'getYammerGroupsActivityDetail'] as const) assert.ok(sim.reports.csv(report, 'D30').equals(plain.reports.csv(report, 'D30')), report);
    } finally {
      plain.setReportDate(T0);
    }
  });

  it('with effect 0 serves byte for byte what a tenant without nudges serves, and the effect can be changed at runtime', () => {
    sim.setReportDate(T1);
    plain.setReportDate(T1);
    try {
      const withEffect = sim.reports.csv('getTeamsUserActivityUserDetail', 'D30');
      assert.ok(!withEffect.equals(plain.reports.csv('getTeamsUserActivityUserDetail', 'D30')));
      sim.nudges.setEffect(0);
      assert.equal(sim.nudges.effect, 0);
      // Reports already made for later dates are made again.
      const mine = allCsvs(sim);
      for (const [name, csv] of allCsvs(plain)) assert.ok(mine.get(name)!.equals(csv), name);
      const truth = sim.nudges.truth();
      assert.equal(truth.nudged, nudgedIds.length);
      assert.equal(truth.activeWith, truth.activeWithout);
      assert.equal(truth.realizedEffect, 0);
      sim.nudges.setEffect(0.3);
      assert.ok(Math.abs(sim.nudges.truth().realizedEffect - 0.3) <= 0.01);
      sim.nudges.setEffect(0.15);
      assert.ok(sim.reports.csv('getTeamsUserActivityUserDetail', 'D30').equals(withEffect), 'the same effect, the same reports');
    } finally {
      plain.setReportDate(T0);
    }
    for (const bad of [-0.1, 1.5, Number.NaN]) assert.throws(() => sim.nudges.setEffect(bad), RangeError);
  });

  it('takes a nudge sent later into reports already made for later dates', async () => {
    sim.setReportDate(T1);
    const before = sim.nudges.truth();
    sim.reports.csv('getTeamsUserActivityUserDetail', 'D30');
    // Someone active in Teams, nudged on T0 + 7: counted from then on.
    sim.setReportDate('2026-11-30');
    const active = sim.reports.truth('D30').people.find((p) => p.inDirectory && p.accountEnabled && p.teams.lastActivityDate === '2026-11-30' && !nudgedIds.includes(p.id))!;
    await sendNudges(sim, [active.id], () => 'late-tip');
    sim.setReportDate(T1);
    const after = sim.nudges.truth();
    assert.equal(after.nudged, before.nudged + 1);
    assert.equal(after.people.get(active.id)!.nudgeDay, '2026-11-30');
    assert.equal(sim.nudges.truth('2026-11-30').nudged, before.nudged);
    const rows = rowsOf(sim.reports.csv('getTeamsUserActivityUserDetail', 'D30')).rows;
    const people = new Map(sim.municipality.people.map((p) => [p.userPrincipalName, p.id]));
    for (const row of rows) {
      const t = after.people.get(people.get(row['User Principal Name']!) ?? '');
      if (t) assert.equal(row['Last Activity Date']! > t.nudgeDay, t.activeWith, row['User Principal Name']);
    }
  });
});

describe('simulator: nudges, small cases', () => {
  it('is the same for the same seed and nudges, and differs for another seed', async function () {
    this.timeout(15_000);
    const start = (seed: string) => startSimulator({ staff: 400, seed, reportDate: T0, nudgeEffect: 0.2, connector: unlimited });
    const [a, b, c] = await Promise.all([start('same-seed'), start('same-seed'), start('other-seed')]);
    try {
      for (const s of [a, b, c]) {
        await sendNudges(s, inactiveStaff(s).map((p) => p.id));
        s.setReportDate(T1);
      }
      assert.deepEqual(a.nudges.truth(), b.nudges.truth());
      assert.ok(a.reports.csv('getTeamsUserActivityUserDetail', 'D30').equals(b.reports.csv('getTeamsUserActivityUserDetail', 'D30')));
      const converted = (s: Simulator) => [...s.nudges.truth().people].filter(([, p]) => p.activeWith && !p.activeWithout).map(([id]) => id);
      assert.ok(converted(a).length > 10);
      assert.notDeepEqual(converted(a), converted(c));
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('stamps a nudge with the report date that follows the clock (today − 2 days) when none is set, and refuses a bad effect at start', async () => {
    await assert.rejects(startSimulator({ staff: 100, nudgeEffect: 1.5 }), RangeError);
    const sim = await startSimulator({ staff: 100, seed: 'clock', connector: unlimited });
    try {
      assert.equal(sim.nudges.effect, 0);
      const person = sim.municipality.people[5]!.id;
      await sendNudges(sim, [person]);
      assert.equal(sim.nudges.receipts().get(person)![0]!.day, defaultReportDate());
      sim.nudges.clear();
      assert.equal(sim.nudges.receipts().size, 0);
      assert.equal(sim.nudges.truth().nudged, 0);
    } finally {
      await sim.close();
    }
  });
});

describe('simulator: staff answering under tips', () => {
  /** A stand-in for Digipuls's /api/messages that records the invokes it gets and answers them with success. */
  async function startBot() {
    const invokes: Array<{ from: { aadObjectId: string }; replyToId: string; name: string; value: { action: { type: string; verb: string; data: { nudgeId: string; feedback: string } } } }> = [];
    let unsigned = 0;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (!/^Bearer .+/.test(req.headers.authorization ?? '')) unsigned++;
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as (typeof invokes)[number] & { type: string };
        if (activity.type === 'invoke') invokes.push(activity);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: {} }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`,
      invokes,
      unsigned: () => unsigned,
      close: () => new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    };
  }

  it('presses "this helped" or "not for me" under a share of the tips, once per person and nudge, and leaves them alone by default', async function () {
    this.timeout(15_000);
    const sim = await startSimulator({ staff: 300, seed: 'tip-feedback', connector: unlimited });
    const bot = await startBot();
    try {
      const people = sim.municipality.people.map((p) => p.id);
      sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [0, 10] });
      await sendNudges(sim, people.slice(0, 100), (id) => `quiet-${id}`);
      await sim.staff.settled();
      assert.equal(bot.invokes.length, 0, 'tipFeedbackShare defaults to 0');

      sim.staff.react({ botEndpoint: bot.endpoint, delayMs: [0, 10], tipFeedbackShare: 0.5 });
      const cardIds = await sendNudges(sim, people, (id) => `tip-${id}`);
      await sendNudges(sim, people.slice(0, 50), (id) => `tip-${id}`); // resent: no second answer
      await sim.staff.settled();
      assert.deepEqual(sim.staff.errors(), []);
      assert.equal(bot.unsigned(), 0);
      const answered = bot.invokes.length;
      assert.ok(answered > 300 * 0.4 && answered < 300 * 0.6, `${answered} of 300 answered`);
      assert.equal(new Set(bot.invokes.map((i) => i.from.aadObjectId)).size, answered, 'once per person');
      const cardOf = new Map(people.map((id, i) => [id, cardIds[i]]));
      for (const invoke of bot.invokes) {
        const person = invoke.from.aadObjectId;
        assert.equal(invoke.name, 'adaptiveCard/action');
        assert.equal(invoke.replyToId, cardOf.get(person));
        assert.equal(invoke.value.action.verb, 'nudge.feedback');
        assert.equal(invoke.value.action.data.nudgeId, `tip-${person}`);
        assert.ok(['helped', 'not-for-me'].includes(invoke.value.action.data.feedback));
      }
      const helped = bot.invokes.filter((i) => i.value.action.data.feedback === 'helped').length;
      assert.ok(helped > answered * 0.45 && helped < answered * 0.75, `${helped} of ${answered} said it helped`);
      const truth = [...sim.staff.tipFeedback().values()];
      assert.equal(truth.reduce((n, u) => n + u.delivered, 0), 400, 'every tip card once per person, the quiet ones too');
      assert.equal(truth.reduce((n, u) => n + u.helped, 0), helped);
      assert.equal(truth.reduce((n, u) => n + u.notForMe, 0), answered - helped);
      assert.throws(() => sim.staff.react({ botEndpoint: bot.endpoint, tipFeedbackShare: 2 }), RangeError);
    } finally {
      sim.staff.stop();
      await bot.close();
      await sim.close();
    }
  });
});
