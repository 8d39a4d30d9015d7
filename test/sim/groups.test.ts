import assert from 'node:assert/strict';
import { GROUP_NAMES, generateMunicipality, startSimulator, type SimPerson, type Simulator } from '../../sim/index.js';
import { appToken } from './sim-helpers.js';

interface Page {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: Array<Record<string, unknown>>;
}
interface GraphErrorBody {
  error: { code: string; message: string };
}

describe('simulator: Entra ID groups in Microsoft Graph', () => {
  let sim: Simulator;
  let token: string;
  before(async () => {
    sim = await startSimulator({ staff: 1500, seed: 'groups-test' });
    token = await appToken(sim);
  });
  after(() => sim?.close());
  afterEach(() => sim.faults.clear());

  const get = (path: string, bearer: string | null = token) => fetch(path.startsWith('http') ? path : `${sim.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  const json = async <T = Page>(path: string) => {
    const response = await get(path);
    assert.equal(response.status, 200, `${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  /** Every item of a collection, following nextLink, with the number of pages it took. */
  const all = async (path: string) => {
    const items: Array<Record<string, unknown>> = [];
    let next: string | undefined = `${sim.url}${path}`;
    let pages = 0;
    while (next) {
      assert.ok(next.startsWith(sim.url), 'nextLink is absolute, on this server');
      const page: Page = await json(next);
      items.push(...page.value);
      next = page['@odata.nextLink'];
      pages++;
    }
    return { items, pages };
  };
  const groupId = (name: string) => sim.municipality.groups.find((g) => g.displayName === name)!.id;
  const peopleIn = (department: (d: string) => boolean) => sim.municipality.people.filter((p) => p.department !== null && department(p.department));
  const ids = (items: Array<Record<string, unknown>>) => items.map((i) => String(i.id));

  it('lists the municipality\'s groups with Graph\'s properties, a few at a time', async () => {
    const { items, pages } = await all('/v1.0/groups?$top=2');
    assert.equal(pages, 3);
    assert.deepEqual(
      items.map((g) => g.displayName),
      ['Alle ledere', 'Verneombud', 'Nyansatte 2026', 'Turnus – natt', 'Turnus – dag og kveld', 'Helse og omsorg – turnus'],
    );
    const leaders = items[0]!;
    assert.deepEqual(leaders.groupTypes, ['Unified'], 'a Microsoft 365 group');
    assert.equal(leaders.mail, 'alle-ledere@fjordvik.kommune.no');
    assert.equal(items[1]!.securityEnabled, true, 'a security group');
    assert.deepEqual(items[1]!.groupTypes, []);
    for (const g of items) assert.match(String(g.id), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const page = await json('/v1.0/groups?$select=ID,displayName');
    assert.match(page['@odata.context'], /\/v1\.0\/\$metadata#groups\(id,displayName\)$/);
    assert.deepEqual(Object.keys(page.value[0]!), ['id', 'displayName']);
    assert.equal(page['@odata.nextLink'], undefined, 'six groups fit the default page of 100');
  });

  it('filters groups on the start of their name, ignoring case, and refuses other filters', async () => {
    const turnus = await json(`/v1.0/groups?$filter=${encodeURIComponent("startswith(displayName,'turnus')")}&$select=displayName`);
    assert.deepEqual(turnus.value.map((g) => g.displayName), ['Turnus – natt', 'Turnus – dag og kveld']);
    const paged = await all(`/v1.0/groups?$filter=${encodeURIComponent("startswith(displayName,'TURNUS')")}&$top=1`);
    assert.equal(paged.pages, 2, 'the filter holds across pages');
    assert.deepEqual(paged.items.map((g) => g.displayName), ['Turnus – natt', 'Turnus – dag og kveld']);
    assert.deepEqual((await json(`/v1.0/groups?$filter=${encodeURIComponent("startswith(displayName,'O''Brien')")}`)).value, []);
    for (const filter of ["displayName eq 'Verneombud'", "startswith(mail,'alle')", 'startswith(displayName,turnus)']) {
      const response = await get(`/v1.0/groups?$filter=${encodeURIComponent(filter)}`);
      assert.equal(response.status, 400, filter);
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'Request_UnsupportedQuery', filter);
    }
  });

  it('refuses a bad $top, an unknown property and a skip token it did not hand out', async () => {
    for (const top of ['0', '1000', 'all']) assert.equal((await get(`/v1.0/groups?$top=${top}`)).status, 400, top);
    const unknown = await get('/v1.0/groups?$select=id,shoeSize');
    assert.equal(unknown.status, 400);
    assert.match(((await unknown.json()) as GraphErrorBody).error.message, /shoeSize.*microsoft\.graph\.group/);
    const usersPage = await json('/v1.0/users?$top=1');
    const usersToken = new URL(usersPage['@odata.nextLink']!).searchParams.get('$skiptoken')!;
    for (const path of ['/v1.0/groups?$skiptoken=forged', `/v1.0/groups?$skiptoken=${usersToken}`, `/v1.0/groups/${groupId(GROUP_NAMES.leaders)}/transitiveMembers?$skiptoken=${usersToken}`]) {
      const response = await get(path);
      assert.equal(response.status, 400, path);
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'Request_BadRequest', path);
    }
  });

  it('gives one group by id, 404 for a group that is not there and 400 for what is no object id', async () => {
    const leaders = await json<Record<string, unknown>>(`/v1.0/groups/${groupId(GROUP_NAMES.leaders).toUpperCase()}?$select=displayName`);
    assert.equal(leaders.displayName, 'Alle ledere');
    const missing = await get('/v1.0/groups/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as GraphErrorBody).error.code, 'Request_ResourceNotFound');
    const members = await get('/v1.0/groups/00000000-0000-4000-8000-000000000000/transitiveMembers');
    assert.equal(members.status, 404);
    const body = (await members.json()) as GraphErrorBody & { error: { innerError: Record<string, string> } };
    assert.equal(body.error.code, 'Request_ResourceNotFound');
    assert.match(body.error.message, /00000000-0000-4000-8000-000000000000/);
    assert.ok(body.error.innerError['request-id'], 'a Graph error body');
    const notAnId = await get('/v1.0/groups/Verneombud/transitiveMembers');
    assert.equal(notAnId.status, 400);
    assert.equal(((await notAnId.json()) as GraphErrorBody).error.code, 'Request_BadRequest');
  });

  it('"Alle ledere" holds every leader: the first of every team and every sub-team\'s teamleder', async () => {
    // The generator puts a team's leader first, so the first person in each team's department leads it.
    const firstOfTeam = new Map<string, SimPerson>();
    for (const p of sim.municipality.people) if (p.department && p.department.split(' / ').length === 3 && !firstOfTeam.has(p.department)) firstOfTeam.set(p.department, p);
    const expected = [...firstOfTeam.values(), ...sim.municipality.people.filter((p) => p.jobTitle === 'teamleder')];
    const { items, pages } = await all(`/v1.0/groups/${groupId(GROUP_NAMES.leaders)}/transitiveMembers?$top=10`);
    assert.ok(pages >= 4, `paged (${pages} pages)`);
    assert.deepEqual(new Set(ids(items)), new Set(expected.map((p) => p.id)));
    assert.equal(items.length, expected.length, 'each leader once');
    assert.ok(ids(items).includes(sim.municipality.demoPersons.unitLead.id), 'the demo unit lead is a leader');
    const first = items[0]!;
    assert.equal(first['@odata.type'], '#microsoft.graph.user');
    const person = sim.municipality.people.find((p) => p.id === first.id)!;
    assert.equal(first.displayName, person.displayName);
    assert.equal(first.userPrincipalName, person.userPrincipalName);
  });

  it('"Verneombud" has one safety representative per service, the demo hovedverneombud among them', async () => {
    const { items } = await all(`/v1.0/groups/${groupId(GROUP_NAMES.safetyReps)}/transitiveMembers?$select=id,department,jobTitle`);
    assert.ok(ids(items).includes(sim.municipality.demoPersons.safetyRep.id));
    const services = items.map((i) => String(i.department).split(' / ').slice(0, 2).join(' / '));
    assert.equal(new Set(services).size, services.length, 'one per service');
    assert.ok(items.length >= 15, `${items.length} safety representatives`);
    assert.deepEqual(Object.keys(items[0]!), ['@odata.type', 'id', 'department', 'jobTitle'], '$select on members');
  });

  it('"Turnus – natt" is the night patrol and some of the care staff in home care and the nursing home', async () => {
    const { items } = await all(`/v1.0/groups/${groupId(GROUP_NAMES.nightShift)}/transitiveMembers?$select=id,department`);
    const careUnit = /^Helse og omsorg \/ (Hjemmetjenesten|Fjordvik sykehjem) \//;
    // A few people in every directory have no department; membership does not depend on it.
    for (const item of items) if (item.department !== null) assert.match(String(item.department), careUnit, String(item.id));
    const patrol = peopleIn((d) => d.startsWith('Helse og omsorg / Hjemmetjenesten / Nattpatruljen')).filter((p) => p.jobTitle !== 'avdelingsleder');
    for (const p of patrol) assert.ok(ids(items).includes(p.id), `${p.displayName} of the night patrol`);
    assert.ok(items.length > patrol.length * 2, 'others from the care units too');
    assert.ok(!items.some((i) => String(i.department).includes('Kjøkken')), 'not the kitchen');
  });

  it('resolves the nested group: each person once, and the nested groups themselves as Graph lists them', async () => {
    const { items } = await all(`/v1.0/groups/${groupId(GROUP_NAMES.careShifts)}/transitivemembers?$top=100`);
    const users = items.filter((i) => i['@odata.type'] === '#microsoft.graph.user');
    const groups = items.filter((i) => i['@odata.type'] === '#microsoft.graph.group');
    assert.deepEqual(groups.map((g) => g.displayName).sort(), ['Turnus – dag og kveld', 'Turnus – natt']);
    assert.equal(users.length + groups.length, items.length);
    const night = ids((await all(`/v1.0/groups/${groupId(GROUP_NAMES.nightShift)}/transitiveMembers?$select=id`)).items);
    const day = ids((await all(`/v1.0/groups/${groupId(GROUP_NAMES.dayShift)}/transitiveMembers?$select=id`)).items);
    const direct = sim.municipality.groups.find((g) => g.displayName === GROUP_NAMES.careShifts)!.memberIds;
    assert.ok(direct.length > 0 && direct.every((id) => night.includes(id)), 'the night patrol is in the group directly and through "Turnus – natt"');
    assert.deepEqual(new Set(ids(users)), new Set([...night, ...day, ...direct]));
    assert.equal(new Set(ids(users)).size, users.length, 'nobody twice');
  });

  it('draws the same groups from the same seed and other members from another', () => {
    const a = generateMunicipality({ staff: 800, seed: 'x' }).groups;
    assert.deepEqual(a, generateMunicipality({ staff: 800, seed: 'x' }).groups);
    const b = generateMunicipality({ staff: 800, seed: 'y' }).groups;
    assert.notDeepEqual(a.map((g) => g.id), b.map((g) => g.id));
    assert.ok(a.every((g) => g.memberIds.length + g.memberGroupIds.length > 0), 'no group is empty');
  });

  it('checks the token as /users does, and needs a permission to read groups', async () => {
    for (const path of ['/v1.0/groups', `/v1.0/groups/${groupId(GROUP_NAMES.leaders)}/transitiveMembers`]) {
      for (const [label, bearer] of [['none', null], ['user token for the Digipuls API', await sim.issueUserToken(sim.municipality.demoPersons.admin.id)], ['not a JWT', 'x']] as const) {
        const response = await get(path, bearer);
        assert.equal(response.status, 401, `${path} ${label}`);
        assert.equal(((await response.json()) as GraphErrorBody).error.code, 'InvalidAuthenticationToken');
      }
    }
    const limited = await startSimulator({ staff: 100, seed: 'groups-test', graphAppRoles: ['User.Read.All'] });
    try {
      const response = await fetch(`${limited.url}/v1.0/groups`, { headers: { authorization: `Bearer ${await appToken(limited)}` } });
      assert.equal(response.status, 403);
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'Authorization_RequestDenied');
    } finally {
      await limited.close();
    }
  });

  it('can be throttled like the rest of Graph', async () => {
    sim.faults.throttle({ target: 'groups', count: 1, retryAfter: '1.5' });
    const throttled = await get('/v1.0/groups');
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '1.5');
    assert.equal((await get('/v1.0/users?$top=1')).status, 200, 'users are not throttled by a groups throttle');
    assert.equal((await get('/v1.0/groups')).status, 200);
  });
});
