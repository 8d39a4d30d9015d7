import type { DemoPersons, SimPerson } from './municipality.js';
import type { TeamRoster } from './demo-persons.js';
import { seededGuid, seededRandom } from './random.js';
import { SUB_TEAM_LEADER_TITLE } from './unit-catalogue.js';

/** An Entra ID group as Graph /groups returns it, with its direct members (people and other groups). */
export interface SimGroup {
  id: string;
  displayName: string;
  description: string;
  /** ['Unified'] for a Microsoft 365 group; [] for a security group. */
  groupTypes: string[];
  mailEnabled: boolean;
  mailNickname: string;
  mail: string | null;
  securityEnabled: boolean;
  visibility: 'Private' | 'Public' | null;
  createdDateTime: string;
  /** Direct members: person ids, in the order they were added. */
  memberIds: string[];
  /** Direct members that are groups (nested groups), by group id. */
  memberGroupIds: string[];
}

/** The group names the simulator creates (tests and the README refer to them). */
export const GROUP_NAMES = {
  leaders: 'Alle ledere',
  safetyReps: 'Verneombud',
  newHires: 'Nyansatte 2026',
  nightShift: 'Turnus – natt',
  dayShift: 'Turnus – dag og kveld',
  careShifts: 'Helse og omsorg – turnus',
} as const;

const HOME_CARE = 'Helse og omsorg / Hjemmetjenesten / ';
const NURSING_HOME = 'Helse og omsorg / Fjordvik sykehjem / ';
const NIGHT_PATROL = `${HOME_CARE}Nattpatruljen`;
const KITCHEN = `${NURSING_HOME}Kjøkken`;

/**
 * The tenant's Entra ID groups, drawn from the staff with their own seeded random stream (so adding
 * groups leaves the people as they were): every leader; one safety representative per service (the
 * demo hovedverneombud for the nursing home); about one in twenty as new hires; care staff in home care
 * and the nursing home split into night and day/evening shifts; and "Helse og omsorg – turnus", whose
 * members are the two shift groups, plus the night patrol added directly before the nesting existed
 * (so a reader must de-duplicate).
 */
export function generateGroups(seed: string, domain: string, byTeam: ReadonlyMap<string, TeamRoster>, demo: DemoPersons): SimGroup[] {
  const random = seededRandom(`groups:${seed}`);
  const rosters = [...byTeam.entries()];
  const members = (filter: (path: string) => boolean) => rosters.filter(([path]) => filter(path)).flatMap(([, roster]) => roster.members);

  const leaders = rosters.flatMap(([, roster]) => [...(roster.leader ? [roster.leader] : []), ...roster.members.filter((p) => p.jobTitle === SUB_TEAM_LEADER_TITLE)]);

  // One safety representative per service, from its enabled staff without a leading or demo role.
  const safetyReps: SimPerson[] = [];
  const services = new Map<string, SimPerson[]>();
  for (const [path, roster] of rosters) {
    const service = path.split(' / ').slice(0, 2).join(' / ');
    const staff = services.get(service) ?? [];
    staff.push(...roster.members);
    services.set(service, staff);
  }
  for (const [service, staff] of services) {
    if (`${service} / `.startsWith(NURSING_HOME)) {
      safetyReps.push(demo.safetyRep);
      continue;
    }
    const eligible = staff.filter((p) => p.accountEnabled && p.department && p.jobTitle !== SUB_TEAM_LEADER_TITLE && p.appRoles.length === 0 && p !== demo.staff);
    if (eligible.length) safetyReps.push(random.pick(eligible));
  }

  const everyone = members(() => true).filter((p) => p.accountEnabled && p.jobTitle !== SUB_TEAM_LEADER_TITLE);
  const newHires = everyone.filter(() => random.chance(0.05));
  if (newHires.length === 0) newHires.push(random.pick(everyone));

  const nightPatrol = members((path) => path === NIGHT_PATROL || path.startsWith(`${NIGHT_PATROL} / `));
  const care = members((path) => (path.startsWith(HOME_CARE) || path.startsWith(NURSING_HOME)) && !path.startsWith(NIGHT_PATROL) && !path.startsWith(KITCHEN));
  const night: SimPerson[] = [...nightPatrol];
  const day: SimPerson[] = [];
  for (const person of care) (person.jobTitle !== SUB_TEAM_LEADER_TITLE && random.chance(0.2) ? night : day).push(person);

  let created = 0;
  const group = (displayName: string, description: string, kind: 'security' | 'm365', people: SimPerson[], nested: SimGroup[] = []): SimGroup => {
    const nickname = displayName.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'aa').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return {
      id: seededGuid(seed, `group:${displayName}`),
      displayName,
      description,
      groupTypes: kind === 'm365' ? ['Unified'] : [],
      mailEnabled: kind === 'm365',
      mailNickname: nickname,
      mail: kind === 'm365' ? `${nickname}@${domain}` : null,
      securityEnabled: kind === 'security',
      visibility: kind === 'm365' ? 'Private' : null,
      createdDateTime: new Date(Date.UTC(2021, 2, 1 + 97 * created++, 8, 30)).toISOString().replace('.000', ''),
      memberIds: people.map((p) => p.id),
      memberGroupIds: nested.map((g) => g.id),
    };
  };
  const nightGroup = group(GROUP_NAMES.nightShift, 'Nattevakter i hjemmetjenesten og på sykehjemmet', 'security', night);
  const dayGroup = group(GROUP_NAMES.dayShift, 'Dag- og kveldsturnus i hjemmetjenesten og på sykehjemmet', 'security', day);
  return [
    group(GROUP_NAMES.leaders, 'Alle med personalansvar i Fjordvik kommune', 'm365', leaders),
    group(GROUP_NAMES.safetyReps, 'Verneombud og hovedverneombud', 'security', safetyReps),
    group(GROUP_NAMES.newHires, 'Ansatte som begynte i 2026', 'security', newHires),
    nightGroup,
    dayGroup,
    group(GROUP_NAMES.careShifts, 'Alle i turnus i hjemmetjenesten og på sykehjemmet', 'security', nightPatrol, [nightGroup, dayGroup]),
  ];
}

/** A directory object in a group's transitive membership: a person or a nested group. */
export type TransitiveMember = { kind: 'user'; person: SimPerson } | { kind: 'group'; group: SimGroup };

/**
 * Everyone in a group, directly or through nested groups, each once: the group's own people first, then
 * each nested group (itself, as Graph lists it too) and its people, depth first. A nesting cycle ends.
 */
export function transitiveMembers(group: SimGroup, groupById: ReadonlyMap<string, SimGroup>, personById: (id: string) => SimPerson | undefined): TransitiveMember[] {
  const out: TransitiveMember[] = [];
  const seenPeople = new Set<string>();
  const seenGroups = new Set<string>([group.id]);
  const visit = (g: SimGroup) => {
    for (const id of g.memberIds) {
      const person = personById(id);
      if (person && !seenPeople.has(id)) {
        seenPeople.add(id);
        out.push({ kind: 'user', person });
      }
    }
    for (const id of g.memberGroupIds) {
      const nested = groupById.get(id);
      if (!nested || seenGroups.has(id)) continue;
      seenGroups.add(id);
      out.push({ kind: 'group', group: nested });
      visit(nested);
    }
  };
  visit(group);
  return out;
}
