import type { Role } from '../core/roles.js';
import { formatUnitPath } from '../core/units.js';
import { NORWEGIAN_GIVEN, NORWEGIAN_SURNAMES, OTHER_GIVEN, OTHER_SURNAMES, SWEDISH_GIVEN, SWEDISH_SURNAMES } from './names.js';
import { seededGuid, seededRandom, type Random } from './random.js';
import { SECTORS, type TeamTemplate } from './unit-catalogue.js';

export interface SimUnit {
  path: string[];
  name: string;
}

/** A person as Graph /users returns them, plus the app roles assigned to them in Entra ID. */
export interface SimPerson {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  givenName: string;
  surname: string;
  department: string | null;
  officeLocation: string | null;
  jobTitle: string;
  accountEnabled: boolean;
  preferredLanguage: string | null;
  usageLocation: string;
  appRoles: Role[];
}

export interface DemoPersons {
  communicator: SimPerson;
  unitLead: SimPerson;
  admin: SimPerson;
  safetyRep: SimPerson;
  staff: SimPerson;
}

export interface Municipality {
  name: string;
  domain: string;
  tenantId: string;
  units: SimUnit[];
  people: SimPerson[];
  demoPersons: DemoPersons;
}

/** Teams this small keep their size whatever the staff count: small units exist in every municipality. */
const FIXED_SIZE_UP_TO = 5;

/** Generates the same synthetic municipality for the same seed and staff count. */
export function generateMunicipality(options: { staff: number; seed: string }): Municipality {
  const random = seededRandom(`municipality:${options.seed}`);
  const domain = 'fjordvik.kommune.no';
  const teams = SECTORS.flatMap((sector) =>
    sector.services.flatMap((service) => service.teams.map((team) => ({ path: [sector.name, service.name, team.name], team, office: service.name }))),
  );
  const sizes = teamSizes(teams.map((t) => t.team), options.staff);
  const units = unitsOf(teams.map((t) => t.path));
  const usedUpns = new Set<string>();
  const people: SimPerson[] = [];
  teams.forEach(({ path, team, office }, index) => {
    for (let i = 0; i < sizes[index]!; i++) {
      people.push(person(random, options.seed, people.length, usedUpns, domain, path, office, random.pick(team.titles)));
    }
  });
  // A few people without a department, as in every real directory.
  for (const p of people) if (random.chance(0.005)) p.department = null;
  const demoPersons = chooseDemoPersons(people, usedUpns, domain);
  return { name: 'Fjordvik kommune', domain, tenantId: seededGuid(options.seed, 'tenant'), units, people, demoPersons };
}

function teamSizes(teams: readonly TeamTemplate[], staff: number): number[] {
  const fixed = teams.reduce((sum, t) => sum + (t.weight <= FIXED_SIZE_UP_TO ? t.weight : 0), 0);
  const scalable = teams.reduce((sum, t) => sum + (t.weight > FIXED_SIZE_UP_TO ? t.weight : 0), 0);
  const scale = Math.max(0, staff - fixed) / scalable;
  const sizes = teams.map((t) => (t.weight <= FIXED_SIZE_UP_TO ? t.weight : Math.max(FIXED_SIZE_UP_TO + 1, Math.floor(t.weight * scale))));
  // Hand out the rounding remainder to the largest teams so the total is exactly `staff`.
  let missing = staff - sizes.reduce((a, b) => a + b, 0);
  const largest = teams.map((t, i) => [t.weight, i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; missing !== 0 && k < 100_000; k++) {
    const i = largest[k % largest.length]![1];
    if (missing > 0) {
      sizes[i]!++;
      missing--;
    } else if (sizes[i]! > FIXED_SIZE_UP_TO + 1) {
      sizes[i]!--;
      missing++;
    }
  }
  return sizes;
}

function unitsOf(teamPaths: string[][]): SimUnit[] {
  const seen = new Map<string, SimUnit>();
  for (const path of teamPaths) {
    for (let depth = 1; depth <= path.length; depth++) {
      const p = path.slice(0, depth);
      seen.set(formatUnitPath(p), { path: p, name: p[depth - 1]! });
    }
  }
  return [...seen.values()];
}

function person(random: Random, seed: string, index: number, used: Set<string>, domain: string, path: string[], office: string, jobTitle: string): SimPerson {
  const origin = random.next();
  const [givens, surnames] =
    origin < 0.86 ? [NORWEGIAN_GIVEN, NORWEGIAN_SURNAMES] : origin < 0.93 ? [SWEDISH_GIVEN, SWEDISH_SURNAMES] : [OTHER_GIVEN, OTHER_SURNAMES];
  const givenName = random.pick(givens);
  const surname = random.pick(surnames);
  const language = random.next();
  const preferredLanguage =
    origin >= 0.86 && origin < 0.93 && language < 0.7
      ? 'sv-SE'
      : language < 0.8 ? 'nb-NO' : language < 0.9 ? 'nn-NO' : language < 0.93 ? 'sv-SE' : language < 0.97 ? 'en-US' : null;
  const upn = uniqueUpn(`${ascii(givenName)}.${ascii(surname)}`, domain, used);
  return {
    id: seededGuid(seed, `person:${index}`),
    userPrincipalName: upn,
    mail: upn,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    department: formatUnitPath(path),
    officeLocation: office,
    jobTitle,
    accountEnabled: !random.chance(0.01),
    preferredLanguage,
    usageLocation: 'NO',
    appRoles: [],
  };
}

function uniqueUpn(local: string, domain: string, used: Set<string>): string {
  let candidate = `${local}@${domain}`;
  for (let n = 2; used.has(candidate); n++) candidate = `${local}${n}@${domain}`;
  used.add(candidate);
  return candidate;
}

function ascii(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
}

/** Well-known demo people, each the first enabled member of a fitting team, given a role and a memorable name. */
function chooseDemoPersons(people: SimPerson[], used: Set<string>, domain: string): DemoPersons {
  const pick = (team: string, skip: SimPerson[] = []) => {
    const found = people.find((p) => p.accountEnabled && p.department?.endsWith(`/ ${team}`) && !skip.includes(p));
    if (!found) throw new Error(`The synthetic municipality has no one in ${team}`);
    return found;
  };
  const dress = (p: SimPerson, givenName: string, surname: string, jobTitle: string, roles: Role[], language = 'nb-NO') => {
    used.delete(p.userPrincipalName);
    const upn = uniqueUpn(`${ascii(givenName)}.${ascii(surname)}`, domain, used);
    Object.assign(p, { givenName, surname, displayName: `${givenName} ${surname}`, userPrincipalName: upn, mail: upn, jobTitle, appRoles: roles, preferredLanguage: language });
    return p;
  };
  const unitLead = dress(pick('Hjemmetjenesten Nord'), 'Lars', 'Bakken', 'enhetsleder', ['UnitLead']);
  return {
    communicator: dress(pick('Kommunikasjonsavdelingen'), 'Ingrid', 'Haugland', 'kommunikasjonsrådgiver', ['Communicator']),
    unitLead,
    admin: dress(pick('Digitaliseringsteamet'), 'Eirik', 'Aune', 'digitaliseringsrådgiver', ['AdoptionAdmin']),
    safetyRep: dress(pick('Avdeling 1'), 'Randi', 'Moen', 'hovedverneombud', ['SafetyRep'], 'nn-NO'),
    staff: dress(pick('Hjemmetjenesten Nord', [unitLead]), 'Amina', 'Ali', 'helsefagarbeider', []),
  };
}
