import assert from 'node:assert/strict';
import { DEFAULT_NUDGE_RULES, type NudgeRules } from '../../core/nudge-rules.js';
import { formatUnitPath } from '../../core/units.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { assertProblem, surveyApi } from '../support/survey-api.js';

interface EffectBody {
  minGroupSize: number;
  cohort: null | {
    measuredOn: string | null;
    whole: { nudgedEligible: number; heldOutEligible: number; estimate: { effect: number; low: number; high: number } | null } | null;
    units: Array<{ path: string[]; figures: { heldOutEligible: number } | null; hidden: string | false }>;
  };
  tips: Array<{ tip: string; answers: number | null; helped: number | null; notForMe: number | null }>;
}

describe('API: nudge rules and their effect', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let api: Awaited<ReturnType<typeof surveyApi>>;
  before(async () => {
    stack = await startTestStack();
    api = await surveyApi(stack);
  });
  after(() => stack?.close());

  it('gives the adoption admin the rules, off until turned on, and saves a change whole', async () => {
    const first = await api.get<{ rules: NudgeRules; updatedAt: string | null }>('admin', '/nudges/rules');
    assert.deepEqual(first.rules, DEFAULT_NUDGE_RULES);
    assert.equal(first.rules.enabled, false);
    assert.ok(!JSON.stringify(first).includes('eed'), 'the hold-out seed stays in the database');
    const changed: NudgeRules = { ...DEFAULT_NUDGE_RULES, enabled: true, pacing: { perWeek: 2, sendFrom: '11:30' }, teamsTips: { enabled: true, inactiveDays: 45, tips: ['install-mobile-app', 'turn-on-notifications'] } };
    const saved = await api.json<{ rules: NudgeRules }>('admin', 'PUT', '/nudges/rules', changed);
    assert.deepEqual(saved.rules, changed);
    assert.deepEqual((await api.get<{ rules: NudgeRules }>('admin', '/nudges/rules')).rules, changed);
  });

  it('refuses rules that would nag or make no sense, naming the field, and keeps what was stored', async () => {
    const before = await api.get<{ rules: NudgeRules }>('admin', '/nudges/rules');
    const put = (body: unknown) => api.call('admin', 'PUT', '/nudges/rules', body);
    const good = before.rules;
    await assertProblem(await put({ ...good, pacing: { perWeek: 5, sendFrom: '10:00' } }), 400, 'invalid_body', /^pacing\.perWeek: /);
    await assertProblem(await put({ ...good, pacing: { perWeek: 1, sendFrom: '10' } }), 400, 'invalid_body', /^pacing\.sendFrom: a time is HH:MM/);
    await assertProblem(await put({ ...good, holdOutPercent: 90 }), 400, 'invalid_body', /^holdOutPercent: /);
    await assertProblem(await put({ ...good, teamsTips: { ...good.teamsTips, tips: [] } }), 400, 'invalid_body', /^teamsTips\.tips: choose at least one tip/);
    await assertProblem(await put({ ...good, teamsTips: { ...good.teamsTips, inactiveDays: 2 } }), 400, 'invalid_body', /^teamsTips\.inactiveDays: /);
    await assertProblem(await put({ ...good, nagHourly: true }), 400, 'invalid_body', /nagHourly|Unrecognized/i);
    await assertProblem(await put({ enabled: true }), 400, 'invalid_body', /: /);
    await assertProblem(await api.call('admin', 'PUT', '/nudges/rules', 'enabled=true', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type', /application\/json/);
    assert.deepEqual((await api.get<{ rules: NudgeRules }>('admin', '/nudges/rules')).rules, good, 'nothing was changed');
  });

  it('keeps rules and effect from everyone but adoption admins', async () => {
    for (const who of ['staff', 'communicator', 'unitLead', 'safetyRep'] as const) {
      await assertProblem(await api.call(who, 'GET', '/nudges/rules'), 403, 'forbidden', /adoption admins/);
      await assertProblem(await api.call(who, 'PUT', '/nudges/rules', { ...DEFAULT_NUDGE_RULES, enabled: true }), 403, 'forbidden', /adoption admins/);
      await assertProblem(await api.call(who, 'GET', '/nudges/effect'), 403, 'forbidden', /adoption admins/);
    }
    assert.equal((await api.get<{ rules: NudgeRules }>('admin', '/nudges/rules')).rules.pacing.perWeek, 2, 'nobody else changed them');
  });

  it('shows the effect per unit only where both arms have enough people who qualified, and feedback per tip above the group size', async () => {
    const tenantId = stack.sim.tenantId;
    assert.equal((await api.get<EffectBody>('admin', '/nudges/effect')).cohort, null, 'no cohort before nudges began');
    const units = await stack.directory.listUnits(tenantId);
    const leaves = units.filter((u) => !units.some((c) => c.parentId === u.id));
    // Two leaves under one parent (one small, its sibling hidden beside it), and a leaf elsewhere.
    const small = leaves.find((u) => leaves.some((v) => v !== u && v.parentId === u.parentId))!;
    const sibling = leaves.find((v) => v !== small && v.parentId === small.parentId)!;
    const big = leaves.find((u) => u.parentId !== small.parentId)!;
    const row = (unit: (typeof units)[number], arm: 'nudged' | 'held-out', eligible: number, stillInactive: number, reached: number) => ({
      tenant_id: tenantId, cohort_day: '2027-01-02', series: 'teams-tips', unit_key: formatUnitPath(unit.path), arm, staff: eligible * 2, eligible,
      inactive_before: '2026-12-03', measured_on: '2027-01-16', measured_staff: eligible * 2, still_inactive: stillInactive, reached,
    });
    await stack.database.db
      .insertInto('nudge_cohorts')
      .values([
        row(big, 'nudged', 90, 60, 90), row(big, 'held-out', 12, 11, 0),
        row(sibling, 'nudged', 70, 50, 70), row(sibling, 'held-out', 9, 8, 0),
        row(small, 'nudged', 20, 15, 20), row(small, 'held-out', 2, 2, 0),
      ])
      .execute();
    const body = await api.get<EffectBody>('admin', '/nudges/effect');
    assert.equal(body.cohort!.measuredOn, '2027-01-16');
    const shown = body.cohort!.units.find((u) => formatUnitPath(u.path) === formatUnitPath(big.path))!;
    const hidden = body.cohort!.units.find((u) => formatUnitPath(u.path) === formatUnitPath(small.path))!;
    assert.equal(shown.figures?.heldOutEligible, 12);
    assert.equal(hidden.figures, null, 'two held-out people are not shown');
    assert.equal(hidden.hidden, 'small');
    // Its sibling goes too: the parent less the sibling would give the two away.
    assert.equal(body.cohort!.units.find((u) => formatUnitPath(u.path) === formatUnitPath(sibling.path))!.hidden, 'complementary');
    assert.ok(!JSON.stringify(body).includes('"heldOutEligible":2,'), 'the small arm appears nowhere');
    assert.ok(body.cohort!.whole!.estimate!.effect > 0);

    const feedback = (tip: string, unitKey: string, helped: number, notForMe: number) => ({ tenant_id: tenantId, tip, unit_key: unitKey, helped, not_for_me: notForMe });
    await stack.database.db.insertInto('nudge_tip_feedback').values([feedback('install-mobile-app', 'A', 4, 3), feedback('ask-in-channel', 'A', 2, 1)]).execute();
    const tips = (await api.get<EffectBody>('admin', '/nudges/effect')).tips;
    assert.deepEqual(tips.find((t) => t.tip === 'install-mobile-app'), { tip: 'install-mobile-app', answers: 7, helped: 4, notForMe: 3 });
    assert.deepEqual(tips.find((t) => t.tip === 'ask-in-channel'), { tip: 'ask-in-channel', answers: null, helped: null, notForMe: null }, 'three answers are too few to show');
  });
});
