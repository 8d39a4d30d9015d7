import assert from 'node:assert/strict';
import { loadConfig } from '../../app/config.js';
import { connectGraph } from '../../app/graph-connection.js';
import type { GraphClient } from '../../graph/graph-client.js';
import { groupMemberIds, listGroups, UnknownGroupError } from '../../graph/groups.js';
import { GROUP_NAMES, simulatorEnv, startSimulator, type Simulator } from '../../sim/index.js';

describe('Entra ID groups from Microsoft Graph', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let connection: ReturnType<typeof connectGraph>;
  let graph: GraphClient;
  before(async () => {
    // 5,000 staff: the day-shift group has more people than one Graph page (999) holds.
    sim = await startSimulator({ staff: 5000, seed: 'graph-groups' });
    connection = connectGraph(loadConfig(simulatorEnv(sim)));
    graph = connection.graph;
  });
  after(async () => {
    await connection?.close();
    await sim?.close();
  });
  afterEach(() => sim.faults.clear());

  const group = (name: string) => sim.municipality.groups.find((g) => g.displayName === name)!;
  /** Who is in a group according to the simulator's own data, nested groups followed. */
  const truth = (name: string): Set<string> => {
    const people = new Set<string>();
    const visit = (g: (typeof sim.municipality.groups)[number]) => {
      g.memberIds.forEach((id) => people.add(id));
      g.memberGroupIds.forEach((id) => visit(sim.municipality.groups.find((n) => n.id === id)!));
    };
    visit(group(name));
    return people;
  };

  it('lists every group with its id and name, sorted by name', async () => {
    const groups = await listGroups(graph);
    assert.deepEqual(groups.map((g) => g.displayName), [
      'Alle ledere',
      'Helse og omsorg – turnus',
      'Nyansatte 2026',
      'Turnus – dag og kveld',
      'Turnus – natt',
      'Verneombud',
    ]);
    for (const g of groups) assert.deepEqual(Object.keys(g), ['id', 'displayName']);
    assert.equal(groups.find((g) => g.displayName === 'Verneombud')!.id, group(GROUP_NAMES.safetyReps).id);
  });

  it('finds groups by the start of their name, whatever the case, and copes with a quote', async () => {
    assert.deepEqual((await listGroups(graph, 'turnus')).map((g) => g.displayName), ['Turnus – dag og kveld', 'Turnus – natt']);
    assert.deepEqual((await listGroups(graph, '  VERNE ')).map((g) => g.displayName), ['Verneombud']);
    assert.deepEqual(await listGroups(graph, "O'Brien"), []);
    assert.deepEqual(await listGroups(graph, 'ledere'), [], 'a prefix, not a substring');
    assert.equal((await listGroups(graph, '   ')).length, 6, 'a blank search lists all');
  });

  it('gives the people of a group across Graph pages', async () => {
    const day = await groupMemberIds(graph, group(GROUP_NAMES.dayShift).id);
    assert.ok(day.length > 999, `${day.length} people: more than one page`);
    assert.deepEqual(new Set(day), truth(GROUP_NAMES.dayShift));
    assert.equal(new Set(day).size, day.length);
    const reps = await groupMemberIds(graph, group(GROUP_NAMES.safetyReps).id);
    assert.ok(reps.includes(sim.municipality.demoPersons.safetyRep.id), 'the demo hovedverneombud');
  });

  it('follows nested groups and gives people only, each once', async () => {
    const ids = await groupMemberIds(graph, group(GROUP_NAMES.careShifts).id);
    assert.deepEqual(new Set(ids), truth(GROUP_NAMES.careShifts));
    assert.equal(new Set(ids).size, ids.length, 'the night patrol, there directly and through "Turnus – natt", once');
    const groupIds = new Set(sim.municipality.groups.map((g) => g.id));
    assert.ok(!ids.some((id) => groupIds.has(id)), 'the nested groups themselves are not people');
    const people = new Set(sim.municipality.people.map((p) => p.id));
    assert.ok(ids.every((id) => people.has(id)));
  });

  it('says clearly when a group is not there', async () => {
    for (const id of ['6f1c2a4e-0000-4000-8000-000000000000', 'Verneombud', '../users', '']) {
      await assert.rejects(groupMemberIds(graph, id), (error: unknown) => {
        assert.ok(error instanceof UnknownGroupError, String(error));
        assert.equal(error.status, 400);
        assert.equal(error.code, 'unknown_group');
        assert.equal(error.groupId, id);
        return true;
      });
    }
  });

  it('rides out Graph throttling', async () => {
    sim.faults.throttle({ target: 'groups', count: 2, retryAfter: '0.2' });
    const started = Date.now();
    assert.deepEqual(new Set(await groupMemberIds(graph, group(GROUP_NAMES.leaders).id)), truth(GROUP_NAMES.leaders));
    assert.ok(Date.now() - started >= 350, 'waited as Retry-After asked, twice');
    assert.equal((await listGroups(graph)).length, 6);
  });
});
