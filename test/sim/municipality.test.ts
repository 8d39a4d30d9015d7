import assert from 'node:assert/strict';
import { formatUnitPath, unitPathFromDepartment } from '../../core/units.js';
import { generateMunicipality, type Municipality } from '../../sim/municipality.js';

/** People per unit path (by department). */
function headcount(m: Municipality): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of m.people) if (p.department) counts.set(p.department, (counts.get(p.department) ?? 0) + 1);
  return counts;
}

describe('simulator: the synthetic municipality', () => {
  const fjordvik = generateMunicipality({ staff: 2000, seed: 'digipuls' });

  it('is the same for the same seed and different for another', () => {
    const a = generateMunicipality({ staff: 800, seed: 'x' });
    assert.deepEqual(a, generateMunicipality({ staff: 800, seed: 'x' }));
    const b = generateMunicipality({ staff: 800, seed: 'y' });
    assert.notEqual(a.tenantId, b.tenantId);
    assert.notDeepEqual(a.people.map((p) => p.displayName), b.people.map((p) => p.displayName));
  });

  it('has exactly the staff asked for, from a tiny tenant to a large one', () => {
    for (const staff of [42, 100, 200, 777, 2000, 5000]) {
      assert.equal(generateMunicipality({ staff, seed: 's' }).people.length, staff, `staff ${staff}`);
    }
    assert.throws(() => generateMunicipality({ staff: 10, seed: 's' }), /needs at least \d+ staff/);
  });

  it('is Fjordvik kommune: six sectors, central administration with communication, digitalisation, HR and finance', () => {
    assert.equal(fjordvik.name, 'Fjordvik kommune');
    assert.equal(fjordvik.domain, 'fjordvik.kommune.no');
    const sectors = fjordvik.units.filter((u) => u.parentId === null).map((u) => u.name);
    assert.deepEqual(sectors, ['Helse og omsorg', 'Oppvekst og utdanning', 'Teknisk drift og eiendom', 'Kultur og fritid', 'Samfunnsutvikling', 'Sentraladministrasjon']);
    const central = fjordvik.units.find((u) => u.name === 'Sentraladministrasjon')!;
    const services = fjordvik.units.filter((u) => u.parentId === central.id).map((u) => u.name);
    for (const name of ['Kommunikasjon', 'Digitalisering', 'HR', 'Økonomi']) assert.ok(services.includes(name), name);
    assert.ok(fjordvik.units.some((u) => u.name === 'Hjemmetjenesten Sør'));
    assert.ok(fjordvik.units.some((u) => u.name.endsWith('barnehage')));
  });

  it('forms a tree: every parent exists, comes first and is the path one step up; ids are unique', () => {
    const byId = new Map(fjordvik.units.map((u, i) => [u.id, { u, i }]));
    assert.equal(byId.size, fjordvik.units.length);
    fjordvik.units.forEach((unit, index) => {
      assert.equal(unit.name, unit.path.at(-1));
      if (unit.parentId === null) return assert.equal(unit.path.length, 1);
      const parent = byId.get(unit.parentId);
      assert.ok(parent && parent.i < index, `${formatUnitPath(unit.path)} has its parent first`);
      assert.deepEqual(parent.u.path, unit.path.slice(0, -1));
    });
  });

  it("gives everyone a department that reads back (core's unitPathFromDepartment) as one of the units, but a few", () => {
    const paths = new Set(fjordvik.units.map((u) => formatUnitPath(u.path)));
    const withDepartment = fjordvik.people.filter((p) => p.department !== null);
    for (const p of withDepartment) assert.ok(paths.has(formatUnitPath(unitPathFromDepartment(p.department))), p.department!);
    const without = fjordvik.people.length - withDepartment.length;
    assert.ok(without > 0 && without < fjordvik.people.length * 0.02, `${without} without department`);
  });

  it('spreads staff realistically: large care and school units, and small teams under five', () => {
    const counts = headcount(fjordvik);
    const largest = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([path]) => path);
    assert.ok(largest.every((path) => /^(Helse og omsorg|Oppvekst og utdanning)/.test(path)), largest.join('; '));
    const small = [...counts].filter(([, n]) => n < 5);
    assert.ok(small.length >= 3, 'teams small enough to be suppressed');
    const large = generateMunicipality({ staff: 50_000, seed: 'digipuls' });
    assert.ok([...headcount(large).values()].some((n) => n < 5), 'small teams stay small in a large municipality');
    assert.ok(Math.max(...headcount(large).values()) <= 250, 'large teams are split into sub-teams');
  });

  it('writes names, titles and accounts the way a Norwegian directory has them', () => {
    const people = fjordvik.people;
    const share = (f: (p: (typeof people)[number]) => boolean) => people.filter(f).length / people.length;
    assert.ok(share((p) => p.preferredLanguage === 'nb-NO') > 0.6);
    for (const language of ['nn-NO', 'sv-SE', 'en-US', null]) assert.ok(share((p) => p.preferredLanguage === language) > 0.005, String(language));
    const disabled = share((p) => !p.accountEnabled);
    assert.ok(disabled > 0.002 && disabled < 0.025, `${disabled} disabled`);
    assert.equal(new Set(people.map((p) => p.userPrincipalName)).size, people.length, 'UPNs are unique');
    assert.ok(people.every((p) => /^[a-z]+\.[a-z]+\d*@fjordvik\.kommune\.no$/.test(p.userPrincipalName)));
    assert.ok(people.every((p) => p.mail === p.userPrincipalName && p.displayName === `${p.givenName} ${p.surname}`));
    const titlesIn = (unit: string) => new Set(people.filter((p) => p.department?.includes(unit)).map((p) => p.jobTitle));
    assert.ok(titlesIn('Hjemmetjenesten Nord').has('sykepleier') && titlesIn('Hjemmetjenesten Nord').has('helsefagarbeider'));
    assert.ok(titlesIn('Fjordvik skole').has('lærer') && titlesIn('Fjordvik skole').has('rektor'));
    assert.ok(titlesIn('Solstua barnehage').has('barnehagelærer'));
    assert.ok(people.some((p) => p.givenName === 'Ingvild') || people.some((p) => p.surname.endsWith('sen')), 'Norwegian names');
    assert.ok(people.some((p) => p.surname.endsWith('sson')), 'some Swedish names');
  });

  it('has the demo people with their app roles, in the units they work in', () => {
    const d = fjordvik.demoPersons;
    assert.deepEqual(
      [d.communicator, d.unitLead, d.admin, d.safetyRep, d.staff].map((p) => [p.userPrincipalName, p.appRoles, p.accountEnabled]),
      [
        ['ingrid.haugland@fjordvik.kommune.no', ['Communicator'], true],
        ['lars.bakken@fjordvik.kommune.no', ['UnitLead'], true],
        ['eirik.aune@fjordvik.kommune.no', ['AdoptionAdmin'], true],
        ['randi.moen@fjordvik.kommune.no', ['SafetyRep'], true],
        ['amina.ali@fjordvik.kommune.no', [], true],
      ],
    );
    assert.equal(d.communicator.department, 'Sentraladministrasjon / Kommunikasjon / Kommunikasjonsavdelingen');
    assert.equal(d.unitLead.department, 'Helse og omsorg / Hjemmetjenesten / Hjemmetjenesten Nord');
    assert.match(d.admin.department!, /Digitalisering/);
    assert.equal(d.safetyRep.jobTitle, 'hovedverneombud');
    assert.match(d.staff.department!, /Hjemmetjenesten Nord/);
    assert.equal(fjordvik.people.filter((p) => p.appRoles.length > 0).length, 4, 'nobody else holds an app role');
  });

  // How fast it is generated is measured by `npm run bench -- sim`, not here.
  it('generates 50,000 staff, every id unique', () => {
    const large = generateMunicipality({ staff: 50_000, seed: 'bench' });
    assert.equal(new Set(large.people.map((p) => p.id)).size, 50_000);
    assert.equal(large.demoPersons.unitLead.department, 'Helse og omsorg / Hjemmetjenesten / Hjemmetjenesten Nord');
  });
});
