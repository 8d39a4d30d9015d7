import type { ReportPeriod } from '../core/adoption.js';
import { AdoptionAggregator } from '../core/adoption-aggregator.js';
import { buildSnapshot } from '../core/adoption-snapshot.js';
import type { AdoptionSnapshotInput } from '../core/adoption-store.js';
import type { DirectoryEntry } from '../core/directory.js';
import type { NudgeTargeting } from '../core/nudge-targeting.js';
import type { UnitResolver } from '../core/unit-mapping.js';
import { formatUnitPath } from '../core/units.js';
import type { OpenedReport } from '../graph/usage-reports/read-report.js';
import type { ProgressStep } from './progress.js';

const PERIOD_OF_DAYS: Record<number, ReportPeriod> = { 7: 'D7', 30: 'D30', 90: 'D90', 180: 'D180' };

/**
 * One ingestion: the directory first (who is staff, in which unit), then report rows folded into one
 * aggregator per report period, then snapshots built with suppression. Shared by the Graph path and
 * file imports, so both give the same figures for the same data.
 */
export class AdoptionRun {
  private readonly people: Array<{ upn: string; unitKey: string; enabled: boolean }> = [];
  private readonly unitPaths = new Map<string, string[]>();
  private readonly aggregators = new Map<ReportPeriod, AdoptionAggregator>();
  private teamUnits?: Map<string, string | null>;

  constructor(
    private readonly resolveUnit: UnitResolver,
    private readonly options: { source: 'graph' | 'import'; minGroupSize: number },
    /** Sees the rows go past to decide who gets a nudge series (the Graph ingestion only). */
    private readonly targeting?: NudgeTargeting,
  ) {}

  private enabledPeople = 0;

  /** Enabled accounts read so far. */
  get staff(): number {
    return this.enabledPeople;
  }

  addPeople(entries: readonly DirectoryEntry[]): void {
    for (const entry of entries) {
      const path = this.resolveUnit(entry);
      const unitKey = formatUnitPath(path);
      if (!this.unitPaths.has(unitKey)) this.unitPaths.set(unitKey, path);
      this.people.push({ upn: entry.upn, unitKey, enabled: entry.accountEnabled });
      if (entry.accountEnabled) this.enabledPeople++;
      this.targeting?.addPerson(entry.aadObjectId, entry.upn, unitKey, entry.accountEnabled);
      for (const aggregator of this.aggregators.values()) aggregator.addPerson(entry.upn, unitKey, entry.accountEnabled);
    }
  }

  /** Reads a whole report into the aggregator of each row's period (a file holds one period; checked per row). */
  async fold(report: OpenedReport, step?: ProgressStep, expectedPeriod?: ReportPeriod): Promise<void> {
    let pending = 0;
    const tick = () => {
      if (++pending === 2000) {
        step?.advance(pending);
        pending = 0;
      }
    };
    const aggregatorOf = (days: number) => {
      const period = PERIOD_OF_DAYS[days]!;
      if (expectedPeriod && period !== expectedPeriod) throw new Error(`The report answered for ${days} days, not the ${expectedPeriod} asked for`);
      return this.aggregatorFor(period);
    };
    switch (report.kind) {
      case 'teamsUserActivity':
        for await (const row of report.rows) (aggregatorOf(row.reportPeriodDays).teamsUserActivity(row), this.targeting?.teamsUserActivity(row), tick());
        break;
      case 'teamsDeviceUsage':
        for await (const row of report.rows) (aggregatorOf(row.reportPeriodDays).teamsDeviceUsage(row), tick());
        break;
      case 'engageActivity':
        for await (const row of report.rows) (aggregatorOf(row.reportPeriodDays).engageActivity(row), this.targeting?.engageUserActivity(row), tick());
        break;
      case 'engageGroupsActivity':
        for await (const row of report.rows) {
          const aggregator = aggregatorOf(row.reportPeriodDays);
          aggregator.engageGroupsActivity(row);
          if (!row.isDeleted && row.ownerUpn) this.targeting?.engageCommunity(aggregator.unitKeyOf(row.ownerUpn));
          tick();
        }
        break;
      case 'teamsTeamActivity':
        for await (const row of report.rows) (aggregatorOf(row.reportPeriodDays).teamsTeamActivity(row, (name) => this.unitOfTeam(name)), tick());
        break;
    }
    step?.advance(pending);
    step?.done();
  }

  /** The snapshots of every period that had rows, ready to store. */
  snapshots(): AdoptionSnapshotInput[] {
    return [...this.aggregators.values()]
      .filter((a) => a.reportDate !== null)
      .map((a) => buildSnapshot(a, { ...this.options, unitPaths: this.unitPaths }));
  }

  private aggregatorFor(period: ReportPeriod): AdoptionAggregator {
    let aggregator = this.aggregators.get(period);
    if (!aggregator) {
      aggregator = new AdoptionAggregator(period);
      for (const p of this.people) aggregator.addPerson(p.upn, p.unitKey, p.enabled);
      this.aggregators.set(period, aggregator);
    }
    return aggregator;
  }

  /**
   * Teams have no unit in the reports; a team named exactly like one unit (the usual "one team per
   * unit" setup) belongs to it. Names shared by several units stay unplaced rather than guessed.
   */
  private unitOfTeam(name: string): string | null {
    if (!this.teamUnits) {
      this.teamUnits = new Map();
      for (const path of this.unitPaths.values()) {
        for (let depth = 1; depth <= path.length; depth++) {
          const name = path[depth - 1]!.toLowerCase();
          const unitKey = formatUnitPath(path.slice(0, depth));
          const known = this.teamUnits.get(name);
          this.teamUnits.set(name, known === undefined || known === unitKey ? unitKey : null);
        }
      }
    }
    return this.teamUnits.get(name.trim().toLowerCase()) ?? null;
  }
}
