import { activeInPeriod, periodRange, type ReportPeriod } from './adoption.js';
import { isHeldOut } from './nudge-hold-out.js';
import type { NudgeRules } from './nudge-rules.js';
import type { NudgeSeries } from './nudge-tips.js';
import type { EngageActivityRow, TeamsUserActivityRow } from './usage-report-rows.js';

export type Arm = 'nudged' | 'held-out';

/** Per unit and arm: staff, and how many qualified for the series at this ingestion. */
export interface ArmCounts {
  unitKey: string;
  arm: Arm;
  staff: number;
  eligible: number;
  /** Staff still behind the open cohort's line: last active before it, or never (null without an open cohort). */
  stillInactive: number | null;
}

/** What an ingestion hands to scheduling; the per-person part is dropped once scheduling has run. */
export interface TargetingResult {
  /** The newest report date seen (Teams user activity): the cohort day of anything planned now. */
  reportDate: string | null;
  /** People in the nudged arm who qualify for a series now, by series. */
  qualifying: Map<NudgeSeries, Set<string>>;
  /** Everyone counted as staff (enabled, in the directory): people not here lose their pending nudges. */
  staff: Set<string>;
  /** New hires seen in this ingestion, whichever arm: their mark is cleared once this is applied. */
  newHires: Set<string>;
  /** The unit key of each person counted, for tallying who was reached per unit. */
  unitOf: Map<string, string>;
  /** The Teams tips' arms per unit. */
  arms: ArmCounts[];
}

interface Person {
  aadObjectId: string;
  unitKey: string;
  heldOut: boolean;
  teamsLast: string | null;
  engageActive: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Decides at ingestion, while the report rows stream past, who qualifies for a nudge series: the only
 * moment Digipuls looks at a person's activity. Nothing here is stored: scheduling keeps the planned
 * tips of the nudged arm, and the cohort keeps counts per unit and arm.
 */
export class NudgeTargeting {
  private readonly people = new Map<string, Person>();
  private reportDate: string | null = null;
  private readonly engageUnits = new Set<string>();

  constructor(
    private readonly rules: NudgeRules,
    private readonly holdOutSeed: string,
    /** The open cohort's line, if one is being measured: last active before this day (or never) is "still inactive". */
    private readonly cohortLine: string | null,
    /** People new to the directory since the last ingestion: they get the welcome sequence instead. */
    private readonly newHires: ReadonlySet<string> = new Set(),
  ) {}

  addPerson(aadObjectId: string, upn: string, unitKey: string, enabled: boolean): void {
    if (!enabled) return;
    const key = upn.toLowerCase();
    if (this.people.has(key)) return;
    this.people.set(key, {
      aadObjectId,
      unitKey,
      heldOut: isHeldOut(this.holdOutSeed, aadObjectId, this.rules.holdOutPercent),
      teamsLast: null,
      engageActive: false,
    });
  }

  /** A Teams user activity row (any period): its last activity date, kept only until the run ends. */
  teamsUserActivity(row: TeamsUserActivityRow): void {
    if (!row.isDeleted) this.teamsActivity(row.upn, row.lastActivityDate, row.reportRefreshDate);
  }

  /** A Viva Engage user activity row: active when its last activity falls within the row's own period. */
  engageUserActivity(row: EngageActivityRow): void {
    const period = `D${row.reportPeriodDays}` as ReportPeriod;
    this.engageActivity(row.upn, activeInPeriod(row.lastActivityDate, periodRange(row.reportRefreshDate, period)));
  }

  teamsActivity(upn: string, lastActivityDate: string | null, reportRefreshDate: string): void {
    if (this.reportDate === null || reportRefreshDate > this.reportDate) this.reportDate = reportRefreshDate;
    const person = this.people.get(upn.toLowerCase());
    if (!person) return;
    if (lastActivityDate !== null && (person.teamsLast === null || lastActivityDate > person.teamsLast)) person.teamsLast = lastActivityDate;
  }

  engageActivity(upn: string, active: boolean): void {
    const person = this.people.get(upn.toLowerCase());
    if (person && active) person.engageActive = true;
  }

  /** A Viva Engage community that belongs to a unit: its staff can be invited to it. */
  engageCommunity(unitKey: string | null): void {
    if (unitKey !== null) this.engageUnits.add(unitKey);
  }

  result(): TargetingResult {
    const qualifying = new Map<NudgeSeries, Set<string>>([
      ['welcome', new Set()],
      ['teams-tips', new Set()],
      ['engage-invitation', new Set()],
    ]);
    const newHires = new Set<string>();
    const arms = new Map<string, ArmCounts>();
    const staff = new Set<string>();
    const unitOf = new Map<string, string>();
    const reportDate = this.reportDate;
    // Without a Teams report there is nothing to judge by: nobody qualifies, and no cohort counts.
    const inactiveBefore = reportDate ? dayBefore(reportDate, this.rules.teamsTips.inactiveDays) : null;
    for (const person of this.people.values()) {
      staff.add(person.aadObjectId);
      unitOf.set(person.aadObjectId, person.unitKey);
      if (inactiveBefore === null) continue;
      const arm: Arm = person.heldOut ? 'held-out' : 'nudged';
      const teamsInactive = person.teamsLast === null || person.teamsLast < inactiveBefore;
      const key = `${person.unitKey}\u0000${arm}`;
      let counts = arms.get(key);
      if (!counts) {
        counts = { unitKey: person.unitKey, arm, staff: 0, eligible: 0, stillInactive: this.cohortLine === null ? null : 0 };
        arms.set(key, counts);
      }
      counts.staff++;
      if (teamsInactive) counts.eligible++;
      if (this.cohortLine !== null && (person.teamsLast === null || person.teamsLast < this.cohortLine)) counts.stillInactive!++;
      const newHire = this.newHires.has(person.aadObjectId);
      if (newHire) newHires.add(person.aadObjectId);
      if (person.heldOut) continue;
      if (newHire) {
        if (this.rules.welcome.enabled) qualifying.get('welcome')!.add(person.aadObjectId);
      } else if (this.rules.teamsTips.enabled && teamsInactive) qualifying.get('teams-tips')!.add(person.aadObjectId);
      // Someone not on Teams first needs Teams; the Engage invitation is for those who are.
      else if (this.rules.engageInvitation.enabled && !person.engageActive && this.engageUnits.has(person.unitKey)) {
        qualifying.get('engage-invitation')!.add(person.aadObjectId);
      }
    }
    return { reportDate, qualifying, staff, newHires, unitOf, arms: [...arms.values()] };
  }
}

/** The day `days` before a YYYY-MM-DD day. */
export function dayBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}
