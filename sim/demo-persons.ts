import type { Role } from '../core/roles.js';
import type { DemoPersons, SimPerson } from './municipality.js';
import { SUB_TEAM_LEADER_TITLE } from './unit-catalogue.js';
import { localPart } from './upns.js';

/** A team's people as generated: its leader first, then the members (of all its sub-teams). */
export interface TeamRoster {
  leader?: SimPerson;
  members: SimPerson[];
}

interface DemoSpec {
  givenName: string;
  surname: string;
  jobTitle: string;
  roles: Role[];
  language: string;
}
const DEMO: Record<keyof DemoPersons, DemoSpec> = {
  communicator: { givenName: 'Ingrid', surname: 'Haugland', jobTitle: 'kommunikasjonsrådgiver', roles: ['Communicator'], language: 'nb-NO' },
  unitLead: { givenName: 'Lars', surname: 'Bakken', jobTitle: 'enhetsleder', roles: ['UnitLead'], language: 'nb-NO' },
  admin: { givenName: 'Eirik', surname: 'Aune', jobTitle: 'digitaliseringsrådgiver', roles: ['AdoptionAdmin'], language: 'nb-NO' },
  safetyRep: { givenName: 'Randi', surname: 'Moen', jobTitle: 'hovedverneombud', roles: ['SafetyRep'], language: 'nn-NO' },
  staff: { givenName: 'Amina', surname: 'Ali', jobTitle: 'helsefagarbeider', roles: [], language: 'nb-NO' },
};

/** The demo people's UPN local parts, reserved before anyone else is named. */
export const DEMO_LOCAL_PARTS = Object.values(DEMO).map((spec) => localPart(spec.givenName, spec.surname));

/** Gives well-known members of fitting teams the demo names, titles and roles (their UPNs were reserved). */
export function dressDemoPersons(byTeam: Map<string, TeamRoster>, domain: string): DemoPersons {
  const taken = new Set<SimPerson>();
  /** A team's leader, or a plain member (in a tiny tenant, whoever the team has that is not yet taken). */
  const find = (path: string, role: 'leader' | 'member') => {
    const roster = byTeam.get(path);
    const usable = (p: SimPerson | undefined): p is SimPerson => Boolean(p && p.accountEnabled && p.department && !taken.has(p));
    const member = roster?.members.find((p) => usable(p) && p.jobTitle !== SUB_TEAM_LEADER_TITLE) ?? roster?.members.find(usable);
    const found = role === 'leader' ? roster?.leader : (member ?? (usable(roster?.leader) ? roster.leader : undefined));
    if (!found) throw new Error(`The synthetic municipality is too small for the demo people: no ${role} in ${path}`);
    taken.add(found);
    return found;
  };
  const dress = (p: SimPerson, spec: DemoSpec) =>
    Object.assign(p, {
      givenName: spec.givenName,
      surname: spec.surname,
      displayName: `${spec.givenName} ${spec.surname}`,
      userPrincipalName: `${localPart(spec.givenName, spec.surname)}@${domain}`,
      mail: `${localPart(spec.givenName, spec.surname)}@${domain}`,
      jobTitle: spec.jobTitle,
      appRoles: spec.roles,
      preferredLanguage: spec.language,
    });
  const homeCareNorth = 'Helse og omsorg / Hjemmetjenesten / Hjemmetjenesten Nord';
  const unitLead = dress(find(homeCareNorth, 'leader'), DEMO.unitLead);
  return {
    communicator: dress(find('Sentraladministrasjon / Kommunikasjon / Kommunikasjonsavdelingen', 'member'), DEMO.communicator),
    unitLead,
    admin: dress(find('Sentraladministrasjon / Digitalisering / Digitaliseringsteamet', 'member'), DEMO.admin),
    safetyRep: dress(find('Helse og omsorg / Fjordvik sykehjem / Avdeling 1', 'member'), DEMO.safetyRep),
    staff: dress(find(homeCareNorth, 'member'), DEMO.staff),
  };
}
