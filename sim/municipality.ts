import type { Role } from '../core/roles.js';
import { formatUnitPath, type Unit } from '../core/units.js';
import { DEMO_LOCAL_PARTS, dressDemoPersons, type TeamRoster } from './demo-persons.js';
import { generateGroups, type SimGroup } from './entra-groups.js';
import { NORWEGIAN_GIVEN, NORWEGIAN_SURNAMES, OTHER_GIVEN, OTHER_SURNAMES, SWEDISH_GIVEN, SWEDISH_SURNAMES } from './names.js';
import { guidFrom, seededGuid, seededRandom, type Random } from './random.js';
import { teamSizes } from './team-sizes.js';
import { SECTORS, SUB_TEAM_LEADER_TITLE } from './unit-catalogue.js';
import { localPart, UpnRegistry } from './upns.js';

/** A unit of the synthetic municipality (same shape as core's Unit; the id is derived from the seed and path). */
export type SimUnit = Unit;

/** A person as Graph /users returns them, plus the app roles assigned to them in Entra ID. */
export interface SimPerson {
  id: string;
  userPrincipalName: string;
  mail: string;
  displayName: string;
  givenName: string;
  surname: string;
  /** The unit path joined with ' / ' (see core/units.ts), or null as for a few people in every real directory. */
  department: string | null;
  officeLocation: string | null;
  jobTitle: string;
  accountEnabled: boolean;
  preferredLanguage: string | null;
  usageLocation: string;
  appRoles: Role[];
}

/** The people the sign-in page offers, one per role. */
export interface DemoPersons {
  /** Kommunikasjonsavdelingen, role Communicator. */
  communicator: SimPerson;
  /** Leader of Hjemmetjenesten Nord, role UnitLead. */
  unitLead: SimPerson;
  /** Digitaliseringsteamet, role AdoptionAdmin. */
  admin: SimPerson;
  /** Hovedverneombud (placed in Fjordvik sykehjem), role SafetyRep. */
  safetyRep: SimPerson;
  /** A helsefagarbeider in Hjemmetjenesten Nord, no app roles. */
  staff: SimPerson;
}

export interface Municipality {
  name: string;
  domain: string;
  tenantId: string;
  /** Every unit, parents before children. */
  units: SimUnit[];
  people: SimPerson[];
  demoPersons: DemoPersons;
  /** Entra ID groups drawn from the staff (sim/entra-groups.ts), one of them nested. */
  groups: SimGroup[];
}

/** Above this a team is split into sub-teams (large municipalities), each about SUB_TEAM_SIZE people. */
const SPLIT_ABOVE = 250;
const SUB_TEAM_SIZE = 120;
const DOMAIN = 'fjordvik.kommune.no';

/**
 * Generates the same synthetic municipality for the same seed and staff count: sectors → services →
 * teams (→ "Team 1…n" when a team would exceed 250 people), a leader first in every team, Nordic names.
 */
export function generateMunicipality(options: { staff: number; seed: string }): Municipality {
  const teams = SECTORS.flatMap((sector) =>
    sector.services.flatMap((service) => service.teams.map((team) => ({ path: [sector.name, service.name, team.name], team, office: service.name }))),
  );
  const staff = Math.floor(options.staff);
  // One person per team, and one more for the demo staff member beside the unit lead.
  if (!(staff >= teams.length + 1)) throw new RangeError(`The synthetic municipality needs at least ${teams.length + 1} staff (one per team); got ${options.staff}`);
  const random = seededRandom(`municipality:${options.seed}`);
  const sizes = teamSizes(teams.map((t) => t.team), staff);
  const upns = new UpnRegistry(DOMAIN);
  for (const local of DEMO_LOCAL_PARTS) upns.reserve(local);

  const people: SimPerson[] = [];
  const unitPaths: string[][] = [];
  const byTeam = new Map<string, TeamRoster>();
  teams.forEach(({ path, team, office }, index) => {
    const size = sizes[index]!;
    const roster: TeamRoster = { members: [] };
    const teamDepartment = formatUnitPath(path);
    byTeam.set(teamDepartment, roster);
    unitPaths.push(path);
    if (size === 0) return;
    // The leader belongs to the team itself, above any sub-teams, and is never disabled or unplaced.
    roster.leader = person(random, upns, teamDepartment, office, team.leader, true);
    people.push(roster.leader);
    const members = size - 1;
    const subTeams = size > SPLIT_ABOVE ? Math.ceil(members / SUB_TEAM_SIZE) : 0;
    let department = teamDepartment;
    for (let i = 0; i < members; i++) {
      let title = random.pick(team.titles);
      if (subTeams > 0) {
        const n = Math.floor((i * subTeams) / members);
        if (i === 0 || Math.floor(((i - 1) * subTeams) / members) !== n) {
          const unit = [...path, `Team ${n + 1}`];
          unitPaths.push(unit);
          department = formatUnitPath(unit);
          title = SUB_TEAM_LEADER_TITLE;
        }
      }
      const member = person(random, upns, department, office, title, false);
      roster.members.push(member);
      people.push(member);
    }
  });
  const demoPersons = dressDemoPersons(byTeam, DOMAIN);
  const groups = generateGroups(options.seed, DOMAIN, byTeam, demoPersons);
  return { name: 'Fjordvik kommune', domain: DOMAIN, tenantId: seededGuid(options.seed, 'tenant'), units: unitsOf(options.seed, unitPaths), people, demoPersons, groups };
}

/** Every unit on the way to each team, parents first, with ids derived from the seed and path. */
function unitsOf(seed: string, teamPaths: string[][]): SimUnit[] {
  const seen = new Map<string, SimUnit>();
  for (const path of teamPaths) {
    for (let depth = 1; depth <= path.length; depth++) {
      const key = formatUnitPath(path.slice(0, depth));
      if (seen.has(key)) continue;
      const parent = depth > 1 ? seen.get(formatUnitPath(path.slice(0, depth - 1)))! : undefined;
      seen.set(key, { id: seededGuid(seed, `unit:${key}`), parentId: parent?.id ?? null, name: path[depth - 1]!, path: path.slice(0, depth) });
    }
  }
  return [...seen.values()];
}

function person(random: Random, upns: UpnRegistry, department: string, office: string, jobTitle: string, leader: boolean): SimPerson {
  const origin = random.next();
  const swedish = origin >= 0.86 && origin < 0.93;
  const [givens, surnames] = origin < 0.86 ? [NORWEGIAN_GIVEN, NORWEGIAN_SURNAMES] : swedish ? [SWEDISH_GIVEN, SWEDISH_SURNAMES] : [OTHER_GIVEN, OTHER_SURNAMES];
  const givenName = random.pick(givens);
  const surname = random.pick(surnames);
  const language = random.next();
  const preferredLanguage =
    swedish && language < 0.7
      ? 'sv-SE'
      : language < 0.8 ? 'nb-NO' : language < 0.9 ? 'nn-NO' : language < 0.93 ? 'sv-SE' : language < 0.97 ? 'en-US' : null;
  const upn = upns.next(localPart(givenName, surname));
  const placement = random.next();
  return {
    id: guidFrom(random),
    userPrincipalName: upn,
    mail: upn,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    department: leader || placement >= 0.005 ? department : null,
    officeLocation: office,
    jobTitle,
    accountEnabled: leader || random.next() >= 0.01,
    preferredLanguage,
    usageLocation: 'NO',
    appRoles: [],
  };
}

