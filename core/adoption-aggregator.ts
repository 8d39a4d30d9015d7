import { activeInPeriod, DEVICES, emptyCounts, periodRange, type AdoptionCounts, type ReportPeriod } from './adoption.js';
import {
  isConcealedName,
  type EngageActivityRow,
  type EngageGroupActivityRow,
  type TeamsDeviceUsageRow,
  type TeamsTeamActivityRow,
  type TeamsUserActivityRow,
  type UsageReportKind,
} from './usage-report-rows.js';

/** A Teams team or Viva Engage community, with the unit it belongs to when one can be told. */
export interface CommunityFigures {
  kind: 'teams' | 'engage';
  /** Team id, or the community's name (the Engage report has no id). */
  externalId: string;
  name: string;
  unitKey: string | null;
  /** Teams: the report's Active Users. Engage: unknown (its groups report counts members, not active ones). */
  activeUsers: number | null;
  /** Engage: the community's Member Count. Teams: unknown. */
  members: number | null;
  posts: number;
}

/** What an ingestion read, for the summary it prints and stores. */
export interface IngestionSummary {
  rowsRead: Record<UsageReportKind, number>;
  /** Report rows of enabled staff in the directory, so counted under their unit. */
  matched: number;
  /** Report rows of people not in the directory (or disabled there): not staff, not counted. */
  unmatched: number;
  /** Rows of deleted users: never counted. */
  deleted: number;
  /** Rows whose names the tenant conceals: counted only in tenant-level figures. */
  concealed: number;
}

const BIT: Record<'teamsUserActivity' | 'teamsDeviceUsage' | 'engageActivity', number> = {
  teamsUserActivity: 1,
  teamsDeviceUsage: 2,
  engageActivity: 4,
};

interface StaffEntry {
  unit: number;
  /** Which per-person reports already counted this person (a UPN can appear twice: old and new account). */
  counted: number;
}

/**
 * Folds one snapshot's report rows into counts per unit as they stream past: each row is looked up
 * in the directory by UPN (case-insensitively), counted, and dropped. Nothing per person outlives it.
 */
export class AdoptionAggregator {
  readonly summary: IngestionSummary = {
    rowsRead: { teamsUserActivity: 0, teamsDeviceUsage: 0, engageActivity: 0, engageGroupsActivity: 0, teamsTeamActivity: 0 },
    matched: 0,
    unmatched: 0,
    deleted: 0,
    concealed: 0,
  };
  private readonly ranges = new Map<string, { from: string; to: string }>();
  /** The newest report refresh date seen: the snapshot's date. Reports of one run can differ by a day. */
  reportDate: string | null = null;
  private readonly staff = new Map<string, StaffEntry>();
  private readonly unitKeys: string[] = [];
  private readonly unitIndex = new Map<string, number>();
  private readonly own: AdoptionCounts[] = [];
  /** Tenant-level figures from rows that cannot be joined (concealed names). */
  private readonly unjoined = emptyCounts();
  private readonly communities: CommunityFigures[] = [];

  constructor(readonly period: ReportPeriod) {}

  /** A person from the directory. Only enabled accounts are staff (as Microsoft's reports count them). */
  addPerson(upn: string, unitKey: string, accountEnabled: boolean): void {
    if (!accountEnabled) return;
    const key = upn.toLowerCase();
    if (this.staff.has(key)) return;
    const unit = this.unitOf(unitKey);
    this.staff.set(key, { unit, counted: 0 });
    this.own[unit]!.staff++;
  }

  get staffCount(): number {
    return this.staff.size;
  }

  /** True once any row carried a concealed name: per-unit figures are then impossible. */
  get concealed(): boolean {
    return this.summary.concealed > 0;
  }

  teamsUserActivity(row: TeamsUserActivityRow): void {
    const range = this.rangeOf(row.reportRefreshDate);
    const counts = this.countsFor('teamsUserActivity', row.upn, row.isDeleted);
    if (!counts || !activeInPeriod(row.lastActivityDate, range)) return;
    counts.active.teams++;
    if (row.privateChatMessages > 0) counts.active.teamsChat++;
    if (row.teamChatMessages + row.postMessages + row.replyMessages > 0) counts.active.teamsChannel++;
    if (row.meetings > 0) counts.active.teamsMeetings++;
    if (row.calls > 0) counts.active.teamsCalls++;
  }

  teamsDeviceUsage(row: TeamsDeviceUsageRow): void {
    const range = this.rangeOf(row.reportRefreshDate);
    const counts = this.countsFor('teamsDeviceUsage', row.upn, row.isDeleted);
    if (!counts || !activeInPeriod(row.lastActivityDate, range)) return;
    for (const device of DEVICES) if (row.used[device]) counts.devices[device]++;
  }

  engageActivity(row: EngageActivityRow): void {
    const range = this.rangeOf(row.reportRefreshDate);
    const counts = this.countsFor('engageActivity', row.upn, /^deleted$/i.test(row.userState.trim()));
    if (!counts || !activeInPeriod(row.lastActivityDate, range)) return;
    counts.active.engage++;
    if (row.read > 0) counts.active.engageRead++;
    if (row.posted > 0) counts.active.engagePosted++;
    if (row.liked > 0) counts.active.engageLiked++;
  }

  engageGroupsActivity(row: EngageGroupActivityRow): void {
    const range = this.rangeOf(row.reportRefreshDate);
    this.summary.rowsRead.engageGroupsActivity++;
    if (row.isDeleted) return;
    if (isConcealedName(row.name)) {
      this.summary.concealed++;
      return;
    }
    this.communities.push({
      kind: 'engage',
      externalId: row.name,
      name: row.name,
      // A community belongs to its owner's unit.
      unitKey: row.ownerUpn ? this.unitKeyOf(row.ownerUpn) : null,
      activeUsers: null,
      members: row.memberCount,
      posts: activeInPeriod(row.lastActivityDate, range) ? row.posted : 0,
    });
  }

  teamsTeamActivity(row: TeamsTeamActivityRow, unitKeyOfTeam: (name: string) => string | null): void {
    this.rangeOf(row.reportRefreshDate);
    this.summary.rowsRead.teamsTeamActivity++;
    if (isConcealedName(row.teamName)) {
      this.summary.concealed++;
      return;
    }
    this.communities.push({
      kind: 'teams',
      externalId: row.teamId,
      name: row.teamName,
      unitKey: unitKeyOfTeam(row.teamName),
      activeUsers: row.activeUsers,
      members: null,
      posts: row.posts,
    });
  }

  /** The unit key a person (by UPN) is counted under, if they are staff. */
  unitKeyOf(upn: string): string | null {
    const entry = this.staff.get(upn.toLowerCase());
    return entry ? this.unitKeys[entry.unit]! : null;
  }

  /** Counts per unit key (the people directly in that unit), tenant-level unjoined counts, and communities. */
  result(): { ownByUnit: Map<string, AdoptionCounts>; unjoined: AdoptionCounts; communities: CommunityFigures[] } {
    return {
      ownByUnit: new Map(this.unitKeys.map((key, i) => [key, this.own[i]!])),
      unjoined: this.unjoined,
      communities: this.communities,
    };
  }

  /** A row is active when its last activity falls in the period its own report covers. */
  private rangeOf(refreshDate: string): { from: string; to: string } {
    let range = this.ranges.get(refreshDate);
    if (!range) {
      range = periodRange(refreshDate, this.period);
      this.ranges.set(refreshDate, range);
      if (this.reportDate === null || refreshDate > this.reportDate) this.reportDate = refreshDate;
    }
    return range;
  }

  private unitOf(unitKey: string): number {
    let index = this.unitIndex.get(unitKey);
    if (index === undefined) {
      index = this.unitKeys.push(unitKey) - 1;
      this.unitIndex.set(unitKey, index);
      this.own.push(emptyCounts());
    }
    return index;
  }

  /** The counts a person's row adds to, or undefined when the row does not count (and why, in the summary). */
  private countsFor(kind: keyof typeof BIT, upn: string, deleted: boolean): AdoptionCounts | undefined {
    this.summary.rowsRead[kind]++;
    if (deleted) {
      this.summary.deleted++;
      return undefined;
    }
    if (isConcealedName(upn)) {
      this.summary.concealed++;
      return this.unjoined;
    }
    const entry = this.staff.get(upn.toLowerCase());
    if (!entry || entry.counted & BIT[kind]) {
      if (!entry) this.summary.unmatched++;
      return undefined;
    }
    entry.counted |= BIT[kind];
    this.summary.matched++;
    return this.own[entry.unit];
  }
}
