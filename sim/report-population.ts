import type { Municipality, SimPerson } from './municipality.js';
import { NORWEGIAN_GIVEN, NORWEGIAN_SURNAMES } from './names.js';
import { seededGuid, seededRandom } from './random.js';
import { mix, usageProfile, type UsageProfile } from './usage-model.js';
import { localPart } from './upns.js';

/** Someone the usage reports have rows for: everyone in /users, and staff deleted since who are not. */
export interface ReportPerson {
  id: string;
  userPrincipalName: string;
  displayName: string;
  /** In /users (deleted people are not). */
  inDirectory: boolean;
  accountEnabled: boolean;
  /** The directory's department; null for deleted people (and the few without one). */
  department: string | null;
  profile: UsageProfile;
  /**
   * Deleted (not in /users) or disabled this many days before the report date: activity stops there.
   * Relative to the report date, so every snapshot has recent leavers; null for everyone else.
   */
  goneDaysBefore: number | null;
  deleted: boolean;
}

/** Everyone the reports know: the directory's people in its order, then the deleted ones. */
export function reportPopulation(seed: string, municipality: Municipality): ReportPerson[] {
  return [...municipality.people.map((p) => directoryPerson(seed, p)), ...deletedPeople(seed, municipality)];
}

/** A person in /users as the reports see them; each on their own, so the population can be built a slice at a time. */
export function directoryPerson(seed: string, p: SimPerson): ReportPerson {
  const profile = usageProfile(seed, p);
  return {
    id: p.id,
    userPrincipalName: p.userPrincipalName,
    displayName: p.displayName,
    inDirectory: true,
    accountEnabled: p.accountEnabled,
    department: p.department,
    profile,
    goneDaysBefore: p.accountEnabled ? null : 3 + (mix(profile.key, 40) % 150),
    deleted: false,
  };
}

/**
 * Staff who left and whose accounts were deleted: about 0.4 % of staff, at least four, two of them in
 * the last week (so even a D7 report has some). They worked in real units, which the reports do not say.
 */
export function deletedPeople(seed: string, municipality: Municipality): ReportPerson[] {
  const random = seededRandom(`deleted-people:${seed}`);
  const teams = municipality.units.filter((u) => u.path.length === 3);
  const taken = new Set(municipality.people.map((p) => p.userPrincipalName));
  const count = Math.max(4, Math.round(municipality.people.length * 0.004));
  const out: ReportPerson[] = [];
  for (let i = 0; i < count; i++) {
    const givenName = random.pick(NORWEGIAN_GIVEN);
    const surname = random.pick(NORWEGIAN_SURNAMES);
    let upn = `${localPart(givenName, surname)}@${municipality.domain}`;
    for (let n = 2; taken.has(upn); n++) upn = `${localPart(givenName, surname)}${n}@${municipality.domain}`;
    taken.add(upn);
    const team = random.pick(teams);
    const id = seededGuid(seed, `deleted-person:${i}`);
    const department = team.path.join(' / ');
    out.push({
      id,
      userPrincipalName: upn,
      displayName: `${givenName} ${surname}`,
      inDirectory: false,
      accountEnabled: false,
      department: null,
      profile: usageProfile(seed, { id, department, officeLocation: team.path[1] ?? null, jobTitle: '' }),
      goneDaysBefore: i === 0 ? 1 : i === 1 ? 4 : 2 + Math.floor(random.next() * 170),
      deleted: true,
    });
  }
  return out;
}
