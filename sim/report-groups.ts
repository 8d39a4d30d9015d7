import type { Municipality } from './municipality.js';
import { hashString, seededGuid } from './random.js';
import type { ReportPerson } from './report-population.js';
import { mix } from './usage-model.js';

/** A team in Teams: one per team-level unit (named like it, its sub-teams included) and a few org-wide ones. */
export interface TeamDefinition {
  id: string;
  name: string;
  type: 'Public' | 'Private';
  orgWide: boolean;
  /** Indexes into the report population. */
  members: number[];
  channels: number;
  guests: number;
  sharedChannels: number;
}

/** A Viva Engage community: one per service (owned by a leader there) and a few for everyone. */
export interface CommunityDefinition {
  name: string;
  /** Index into the report population; null when the service has no leader (tiny tenants). */
  owner: number | null;
  type: 'public' | 'private';
  office365Connected: boolean;
  isDeleted: boolean;
  members: number[];
}

export interface GroupDefinitions {
  teams: TeamDefinition[];
  communities: CommunityDefinition[];
  /** Per person (population index): their teams, home team first; their activity is split over them. */
  teamsOf: number[][];
  communitiesOf: number[][];
}

/**
 * Who is in which team and community. Disabled accounts stay in their unit's team and community (nobody
 * removed them); org-wide groups are dynamic (enabled accounts only); deleted people are in none.
 */
export function groupDefinitions(seed: string, municipality: Municipality, population: ReportPerson[]): GroupDefinitions {
  const teams: TeamDefinition[] = [];
  const communities: CommunityDefinition[] = [];
  const teamsOf: number[][] = population.map(() => []);
  const communitiesOf: number[][] = population.map(() => []);
  const teamByPath = new Map<string, number>();
  const communityByService = new Map<string, number>();

  for (const unit of municipality.units) {
    if (unit.path.length === 2) {
      communityByService.set(unit.path.join(' / '), communities.length);
      communities.push({ name: unit.name, owner: null, type: 'public', office365Connected: true, isDeleted: false, members: [] });
    }
    if (unit.path.length !== 3) continue;
    const h = hashString(`${seed}:team-shape:${unit.path.join(' / ')}`);
    teamByPath.set(unit.path.join(' / '), teams.length);
    teams.push({
      id: seededGuid(seed, `team:${unit.path.join(' / ')}`),
      name: unit.name,
      type: 'Private',
      orgWide: false,
      members: [],
      channels: 3 + (h % 6),
      guests: (h >>> 8) % 7 === 0 ? 1 + ((h >>> 12) % 3) : 0,
      sharedChannels: (h >>> 16) % 9 === 0 ? 1 : 0,
    });
  }
  const orgTeam = (name: string, type: TeamDefinition['type'], orgWide: boolean) =>
    teams.push({ id: seededGuid(seed, `team:org:${name}`), name, type, orgWide, members: [], channels: 6, guests: 0, sharedChannels: 0 }) - 1;
  const everyone = orgTeam('Fjordvik kommune', 'Public', true);
  const leaders = orgTeam('Ledernettverket', 'Private', false);
  const ambassadors = orgTeam('Digitale ambassadører', 'Private', false);
  const orgCommunity = (name: string, connected: boolean) =>
    communities.push({ name, owner: null, type: 'public', office365Connected: connected, isDeleted: false, members: [] }) - 1;
  const allStaff = orgCommunity('Alle ansatte', false);
  const digital = orgCommunity('Digitalisering og nye verktøy', true);
  // A community from the pandemic, deleted since: it still has a row, as deleted groups do for a while.
  communities.push({ name: 'Koronainformasjon', owner: null, type: 'public', office365Connected: false, isDeleted: true, members: [] });

  for (let i = 0; i < population.length; i++) {
    const p = population[i]!;
    if (p.deleted) continue;
    const path = pathOf(p);
    const home = teamByPath.get(path.slice(0, 3).join(' / '));
    const inDigital = path[1] === 'Digitalisering';
    if (home !== undefined) add(teams[home]!.members, teamsOf[i]!, i, home);
    const service = communityByService.get(path.length >= 2 ? path.slice(0, 2).join(' / ') : '');
    if (service !== undefined) {
      add(communities[service]!.members, communitiesOf[i]!, i, service);
      if (p.profile.leader && communities[service]!.owner === null) communities[service]!.owner = i;
    }
    if (!p.accountEnabled) continue;
    add(teams[everyone]!.members, teamsOf[i]!, i, everyone);
    if (p.profile.leader) add(teams[leaders]!.members, teamsOf[i]!, i, leaders);
    if (inDigital || draw(p, 901) < 0.02) add(teams[ambassadors]!.members, teamsOf[i]!, i, ambassadors);
    add(communities[allStaff]!.members, communitiesOf[i]!, i, allStaff);
    if (inDigital || draw(p, 902) < 0.05) add(communities[digital]!.members, communitiesOf[i]!, i, digital);
    if (inDigital && p.profile.leader && communities[digital]!.owner === null) communities[digital]!.owner = i;
    if (path[2] === 'Kommunedirektørens stab' && p.profile.leader) communities[allStaff]!.owner = i;
    if (path[2] === 'Kommunikasjonsavdelingen' && p.profile.leader) communities[communities.length - 1]!.owner = i;
  }
  return { teams, communities, teamsOf, communitiesOf };
}

function add(members: number[], groupsOfPerson: number[], person: number, group: number): void {
  members.push(person);
  groupsOfPerson.push(group);
}
const pathOf = (p: ReportPerson) => (p.department ? p.department.split(' / ') : []);
const draw = (p: ReportPerson, salt: number) => mix(p.profile.key, salt) / 4294967296;
