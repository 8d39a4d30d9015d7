import { PERIOD_DAYS, type ReportPeriod } from '../core/adoption.js';
import { dateOf, dayOf } from './days.js';
import type { GroupDefinitions } from './report-groups.js';
import type { ReportPerson } from './report-population.js';
import { mix } from './usage-model.js';
import { engageUsage, teamsUsage, type EngageUsage, type TeamsUsage } from './usage.js';

/** One person's row in every user-level report, before formatting or concealing. */
export interface PersonUsageTruth {
  /** The directory object id (deleted people had one too). */
  id: string;
  userPrincipalName: string;
  displayName: string;
  /** In /users; false for deleted people. */
  inDirectory: boolean;
  accountEnabled: boolean;
  department: string | null;
  isDeleted: boolean;
  deletedDate: string | null;
  isLicensed: boolean;
  assignedProducts: string;
  /** Counts over the period; lastActivityDate may lie before it (then the counts are zero). Devices in `teams.devices`. */
  teams: TeamsUsage;
  engage: EngageUsage & {
    /** 'active', 'suspended' (account disabled) or 'deleted', as Viva Engage writes them. */
    userState: 'active' | 'suspended' | 'deleted';
    stateChangeDate: string | null;
  };
}

export interface TeamTruth {
  id: string;
  name: string;
  type: 'Public' | 'Private';
  orgWide: boolean;
  memberIds: string[];
  lastActivityDate: string | null;
  activeUsers: number;
  activeChannels: number;
  guests: number;
  reactions: number;
  meetingsOrganized: number;
  postMessages: number;
  replyMessages: number;
  channelMessages: number;
  urgentMessages: number;
  mentions: number;
  activeSharedChannels: number;
  activeExternalUsers: number;
}

export interface CommunityTruth {
  name: string;
  isDeleted: boolean;
  ownerUserPrincipalName: string | null;
  type: 'public' | 'private';
  office365Connected: boolean;
  memberIds: string[];
  lastActivityDate: string | null;
  posted: number;
  read: number;
  liked: number;
}

/** What the reports for one period and report date are made from. */
export interface ReportTruth {
  reportDate: string;
  period: ReportPeriod;
  periodDays: number;
  /** First and last day the counts cover (inclusive). */
  from: string;
  to: string;
  /** Everyone with a row: the directory's people in /users order, then deleted people (deleted within the period). */
  people: PersonUsageTruth[];
  teams: TeamTruth[];
  communities: CommunityTruth[];
}

/**
 * Builds the truth for a period ending on the report date. How group figures follow from people's
 * usage (so a test can recompute them): a person's channel posts, replies and urgent messages go to
 * their home team, except a quarter (rounded down) to each org-wide team they are in; a third of the
 * meetings they organise are the home team's. A member is an active user of a team when they wrote to
 * it or reacted there (0–3 reactions per team when active on Teams in the period). Engage posted, read
 * and liked counts go likewise to the service's community, a third to "Alle ansatte" and a quarter to
 * "Digitalisering og nye verktøy" for its members. A group's last activity is its latest active member's.
 * `nudged`: the people a nudge made active in Teams (population index → the nudge's day, sim/nudge-effect.ts).
 */
export function buildTruth(population: ReportPerson[], groups: GroupDefinitions, period: ReportPeriod, reportDate: string, nudged?: ReadonlyMap<number, number>): ReportTruth {
  const to = dayOf(reportDate);
  const days = PERIOD_DAYS[period];
  const from = to - days + 1;
  const people: PersonUsageTruth[] = [];
  const rowOf = new Int32Array(population.length).fill(-1);
  population.forEach((p, i) => {
    const goneDay = p.goneDaysBefore === null ? null : to - p.goneDaysBefore;
    // A deleted person drops out of the reports once their deletion is older than the period.
    if (p.deleted && goneDay! < from) return;
    const window = { from, to, activeUntil: goneDay === null ? to : goneDay - 1 };
    const engage = engageUsage(p.profile, window);
    rowOf[i] = people.length;
    people.push({
      id: p.id,
      userPrincipalName: p.userPrincipalName,
      displayName: p.displayName,
      inDirectory: p.inDirectory,
      accountEnabled: p.accountEnabled,
      department: p.department,
      isDeleted: p.deleted,
      deletedDate: p.deleted ? dateOf(goneDay!) : null,
      isLicensed: p.profile.licensed,
      assignedProducts: p.profile.products,
      teams: teamsUsage(p.profile, window, nudged?.get(i)),
      engage: {
        lastActivityDate: engage.lastActivityDate,
        posted: engage.posted,
        read: engage.read,
        liked: engage.liked,
        userState: p.deleted ? 'deleted' : p.accountEnabled ? 'active' : 'suspended',
        stateChangeDate: goneDay === null ? null : dateOf(goneDay),
      },
    });
  });
  const fromDate = dateOf(from);
  const inPeriod = (date: string | null) => date !== null && date >= fromDate;
  const later = (a: string | null, b: string | null) => (a === null || (b !== null && b > a) ? b : a);

  const teams: TeamTruth[] = groups.teams.map((t) => ({
    id: t.id, name: t.name, type: t.type, orgWide: t.orgWide, memberIds: t.members.map((i) => population[i]!.id),
    lastActivityDate: null, activeUsers: 0, activeChannels: 0, guests: t.guests, reactions: 0, meetingsOrganized: 0,
    postMessages: 0, replyMessages: 0, channelMessages: 0, urgentMessages: 0, mentions: 0, activeSharedChannels: 0, activeExternalUsers: 0,
  }));
  const communities: CommunityTruth[] = groups.communities.map((c) => ({
    name: c.name, isDeleted: c.isDeleted, ownerUserPrincipalName: c.owner === null ? null : population[c.owner]!.userPrincipalName, type: c.type,
    office365Connected: c.office365Connected, memberIds: c.members.map((i) => population[i]!.id), lastActivityDate: null, posted: 0, read: 0, liked: 0,
  }));

  population.forEach((p, i) => {
    const row = rowOf[i]!;
    if (row < 0) return;
    const usage = people[row]!;
    const memberOf = groups.teamsOf[i]!;
    if (inPeriod(usage.teams.lastActivityDate) && memberOf.length) {
      const { postMessages, replyMessages } = usage.teams;
      let posts = postMessages;
      let replies = replyMessages;
      for (let k = memberOf.length - 1; k >= 0; k--) {
        const team = teams[memberOf[k]!]!;
        const home = k === 0;
        const teamPosts = home ? posts : Math.floor(postMessages / 4);
        const teamReplies = home ? replies : Math.floor(replyMessages / 4);
        posts -= home ? 0 : teamPosts;
        replies -= home ? 0 : teamReplies;
        const reactions = mix(p.profile.key, 500 + memberOf[k]!) & 3;
        team.postMessages += teamPosts;
        team.replyMessages += teamReplies;
        team.reactions += reactions;
        if (home) {
          team.urgentMessages += usage.teams.urgentMessages;
          team.meetingsOrganized += Math.floor(usage.teams.meetingsOrganized / 3);
        }
        if (teamPosts + teamReplies + reactions > 0) {
          team.activeUsers++;
          team.lastActivityDate = later(team.lastActivityDate, usage.teams.lastActivityDate);
        }
      }
    }
    const communitiesOf = groups.communitiesOf[i]!;
    if (inPeriod(usage.engage.lastActivityDate) && communitiesOf.length) {
      const { posted, read, liked } = usage.engage;
      const left = { posted, read, liked };
      for (let k = communitiesOf.length - 1; k >= 0; k--) {
        const community = communities[communitiesOf[k]!]!;
        const divisor = community.name === 'Alle ansatte' ? 3 : 4;
        const share = k === 0 ? left : { posted: Math.floor(posted / divisor), read: Math.floor(read / divisor), liked: Math.floor(liked / divisor) };
        if (k > 0) {
          left.posted -= share.posted;
          left.read -= share.read;
          left.liked -= share.liked;
        }
        community.posted += share.posted;
        community.read += share.read;
        community.liked += share.liked;
        if (share.posted + share.read + share.liked > 0) community.lastActivityDate = later(community.lastActivityDate, usage.engage.lastActivityDate);
      }
    }
  });
  teams.forEach((team, t) => {
    team.channelMessages = team.postMessages + team.replyMessages;
    team.mentions = Math.floor(team.channelMessages / 6);
    const definition = groups.teams[t]!;
    team.activeChannels = team.channelMessages > 0 ? Math.min(definition.channels, 1 + Math.floor(team.channelMessages / 15)) : 0;
    team.activeSharedChannels = definition.sharedChannels && team.channelMessages > 0 ? 1 : 0;
    team.activeExternalUsers = team.activeSharedChannels ? 1 + (mix(team.channelMessages, 7) % 3) : 0;
  });
  return { reportDate, period, periodDays: days, from: dateOf(from), to: reportDate, people, teams, communities };
}
