import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { startTestStack, type TestStack } from '../support/stack.js';

interface UnitRow {
  id: string;
  parentId: string | null;
  path: string[];
  staff: number | null;
  active: Record<string, number> | null;
  suppressed: boolean;
}
interface AdoptionBody {
  reportDate: string | null;
  minGroupSize: number;
  tenant: { staff: number; active: Record<string, number> } | null;
  units: UnitRow[];
  communities: Array<{ unitId: string | null; activeUsers: number | null; members: number | null; suppressed: boolean }>;
}

describe('API: adoption per unit', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let admin: string;
  let lead: string;
  let staff: string;
  before(async () => {
    // Three people per sub-unit are common at this size: plenty for suppression to act on.
    stack = await startTestStack({ staff: 300, ingestAdoption: true });
    const d = stack.sim.municipality.demoPersons;
    [admin, lead, staff] = (await Promise.all([d.admin, d.unitLead, d.staff].map((p) => stack.sim.issueUserToken(p.id)))) as [string, string, string];
  });
  after(() => stack?.close());

  const get = (path: string, token: string) => fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = async (path: string, token: string) => {
    const response = await get(path, token);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as AdoptionBody;
  };

  it('shows an adoption admin the whole municipality, with no unit under the group size carrying a figure', async () => {
    const view = await body('/api/v1/adoption?period=D30', admin);
    assert.ok(view.reportDate);
    assert.ok(view.tenant && view.tenant.staff === stack.sim.municipality.people.filter((p) => p.accountEnabled).length);
    assert.ok(view.units.some((u) => u.suppressed), 'some units are too small at 300 staff');
    for (const u of view.units) {
      if (u.suppressed) assert.equal(u.staff, null);
      else assert.ok(u.staff! >= view.minGroupSize, `${u.path.join(' / ')} has ${u.staff}`);
    }
    for (const c of view.communities) if (c.suppressed) assert.equal(c.activeUsers ?? c.members, null);
  });

  it('cannot be made to give a hidden unit away by subtraction: parent minus shown children is never a small group', async () => {
    const view = await body('/api/v1/adoption?period=D30', admin);
    const parents: Array<{ id: string | null; staff: number; active: Record<string, number> }> = [
      { id: null, staff: view.tenant!.staff, active: view.tenant!.active },
      ...view.units.filter((u) => !u.suppressed).map((u) => ({ id: u.id, staff: u.staff!, active: u.active! })),
    ];
    for (const parent of parents) {
      const children = view.units.filter((u) => u.parentId === parent.id && !u.suppressed);
      const rest = parent.staff - children.reduce((s, c) => s + c.staff!, 0);
      assert.ok(rest === 0 || rest >= view.minGroupSize, `under ${parent.id ?? 'the municipality'}, ${rest} people could be singled out`);
      const restTeams = parent.active.teams! - children.reduce((s, c) => s + c.active!.teams!, 0);
      assert.ok(restTeams >= 0 && restTeams <= rest);
    }
  });

  it('shows a unit lead only their own units, the same figures as the admin sees, and not the municipality', async () => {
    const full = await body('/api/v1/adoption?period=D30', admin);
    const mine = await body('/api/v1/adoption?period=D30', lead);
    const leadUnit = stack.sim.municipality.demoPersons.unitLead.department!.split(' / ');
    assert.ok(mine.units.length > 0);
    assert.equal(mine.tenant, null);
    for (const u of mine.units) {
      assert.deepEqual(u.path.slice(0, leadUnit.length), leadUnit, `${u.path.join(' / ')} is under the lead's unit`);
      assert.deepEqual(u, full.units.find((f) => f.id === u.id));
    }
    const other = full.units.find((u) => u.path[0] !== leadUnit[0])!;
    assert.equal((await get(`/api/v1/adoption/trend?period=D30&unit=${other.id}`, lead)).status, 403);
    assert.equal((await get('/api/v1/adoption/trend?period=D30', lead)).status, 403);
  });

  it('refuses staff without an adoption role, and bad queries with a problem naming them', async () => {
    const refused = await get('/api/v1/adoption', staff);
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { code: string }).code, 'forbidden');
    for (const query of ['period=D31', 'date=yesterday', 'unit=42', 'colour=blue']) {
      const response = await get(`/api/v1/adoption?${query}`, admin);
      assert.equal(response.status, 400, query);
      assert.equal(response.headers.get('content-type'), 'application/problem+json');
      assert.equal(((await response.json()) as { code: string }).code, 'invalid_query');
    }
    assert.equal((await get('/api/v1/adoption?date=2001-01-01', admin)).status, 404);
  });

  it('exports as CSV exactly the units shown, hidden ones without figures', async () => {
    const view = await body('/api/v1/adoption?period=D30', admin);
    const response = await get('/api/v1/adoption/export.csv?period=D30', admin);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/csv/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so spreadsheet programs read æøå');
    const text = bytes.toString('utf8');
    const rows = parse(text, { bom: true, columns: true }) as Array<Record<string, string>>;
    assert.equal(rows.length, view.units.length + 1);
    for (const unit of view.units) {
      const row = rows.find((r) => r.unit === unit.path.join(' / '))!;
      assert.equal(row.staff, unit.staff === null ? '' : String(unit.staff));
      assert.equal(row.active_teams, unit.active ? String(unit.active.teams) : '');
    }
  });

  it('gives a trend per unit over snapshots', async () => {
    const view = await body('/api/v1/adoption?period=D30', admin);
    const unit = view.units.find((u) => !u.suppressed)!;
    const trend = (await (await get(`/api/v1/adoption/trend?period=D30&unit=${unit.id}`, admin)).json()) as { points: Array<{ reportDate: string; staff: number }> };
    assert.deepEqual(trend.points.map((p) => p.reportDate), [view.reportDate]);
    assert.equal(trend.points[0]!.staff, unit.staff);
  });

  it('lets an admin replace the unit mapping with a CSV file, and refuses a wrong one naming line and column', async () => {
    const put = (csv: string, token = admin, type = 'text/csv') =>
      fetch(`${stack.url}/api/v1/adoption/unit-mapping`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: csv });
    const ok = await put('department;unit\nHjemmetj. Nord;Helse og omsorg / Hjemmetjenesten / Hjemmetjenesten Nord\n');
    assert.equal(ok.status, 200, await ok.clone().text());
    const bad = await put('department,unit\nSkole A,Oppvekst / Skole A\n,Oppvekst\n');
    assert.equal(bad.status, 400);
    const problem = (await bad.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'invalid_unit_mapping');
    assert.match(problem.detail, /line 3, column 'department': is empty/);
    assert.equal((await put('department,unit', admin, 'text/plain')).status, 415);
    assert.equal((await put('department,unit\na,b\n', lead)).status, 403);
    const rules = (await (await get('/api/v1/adoption/unit-mapping', admin)).json()) as { rules: Array<{ value: string }> };
    assert.deepEqual(rules.rules.map((r) => r.value), ['Hjemmetj. Nord'], 'the refused file changed nothing');
  });
});
