import type { ReportPeriod } from '../core/adoption.js';
import { dayOf, defaultReportDate } from './days.js';
import type { Municipality } from './municipality.js';
import { concealer, reportCsv, type ReportFunction, type ReportNames } from './report-csv.js';
import { groupDefinitions, type GroupDefinitions } from './report-groups.js';
import { NudgeLedger, nudgePlan, type NudgePlan } from './nudge-effect.js';
import { deletedPeople, directoryPerson, type ReportPerson } from './report-population.js';
import { buildTruth, type ReportTruth } from './report-truth.js';

/** Reports are built once per (period, date, concealment) and kept: a client may fetch each several times. */
const MAX_TRUTHS = 8;
const MAX_CSVS = 40;
/** People made ready per turn of the event loop during the warm-up (a few milliseconds' work). */
const WARM_UP_SLICE = 1000;

/**
 * The tenant's usage reports: the report date they are refreshed to, whether names are concealed, and
 * the built reports. The population and groups are made on first use, so a simulator whose reports
 * nobody asks for starts as fast as before.
 */
export class UsageReports {
  private built?: { population: ReportPerson[]; groups: GroupDefinitions };
  /** The directory's people made into report people so far (the warm-up builds them a slice at a time). */
  private readonly partial: ReportPerson[] = [];
  private warming?: NodeJS.Immediate;
  private readonly truths = new Map<string, ReportTruth>();
  private readonly csvs = new Map<string, Buffer>();
  private readonly conceal: (name: string) => string;
  /** A date set by option or setReportDate; without one the reports follow the clock (today − 2 days), as Microsoft's refresh daily. */
  private date: string | undefined;
  /** Who the nudges made active, per report date (made again when the nudges change). */
  private readonly plans = new Map<string, NudgePlan>();
  /** The nudges the connector accepted and their effect (sim/nudge-effect.ts): reports after a nudge day show it. */
  readonly nudges: NudgeLedger;

  constructor(
    private readonly seed: string,
    private readonly municipality: Municipality,
    options: { reportDate?: string; concealed?: boolean; nudgeEffect?: number },
    /** The tenant setting displayConcealedNames; PATCH /admin/reportSettings changes it. */
    public concealed = options.concealed ?? false,
  ) {
    if (options.reportDate !== undefined) dayOf(options.reportDate);
    this.date = options.reportDate;
    this.conceal = concealer(seed);
    this.nudges = new NudgeLedger(options.nudgeEffect ?? 0, (afterDay) => this.forgetAfter(afterDay));
  }

  get reportDate(): string {
    return this.date ?? defaultReportDate();
  }

  setReportDate(date: string): void {
    dayOf(date);
    this.date = date;
  }

  truth(period: ReportPeriod, date = this.reportDate): ReportTruth {
    const key = `${period}|${date}`;
    let truth = this.truths.get(key);
    if (!truth) {
      this.built ??= this.build();
      const plan = this.nudges.firstDays().size > 0 ? this.nudgePlan(date) : undefined;
      truth = buildTruth(this.built.population, this.built.groups, period, date, plan?.boosted.size ? plan.boosted : undefined);
      remember(this.truths, key, truth, MAX_TRUTHS);
    }
    return truth;
  }

  /** Who the nudges made active by a report date, and the truth of it (made once per date until the nudges change). */
  nudgePlan(date = this.reportDate): NudgePlan {
    dayOf(date);
    let plan = this.plans.get(date);
    if (!plan) {
      this.built ??= this.build();
      plan = nudgePlan(this.seed, this.built.population, this.nudges, date);
      remember(this.plans, date, plan, MAX_TRUTHS);
    }
    return plan;
  }

  /** Drops the reports (and nudge plans) for dates after a day: the nudges changed what they show. */
  private forgetAfter(day: number): void {
    const after = (date: string) => dayOf(date) > day;
    for (const key of [...this.truths.keys()]) if (after(key.split('|')[1]!)) this.truths.delete(key);
    for (const key of [...this.csvs.keys()]) if (after(key.split('|')[2]!)) this.csvs.delete(key);
    for (const date of [...this.plans.keys()]) if (after(date)) this.plans.delete(date);
  }

  csv(report: ReportFunction, period: ReportPeriod, options: { date?: string; concealed?: boolean } = {}): Buffer {
    const date = options.date ?? this.reportDate;
    const concealed = options.concealed ?? this.concealed;
    const key = `${report}|${period}|${date}|${concealed}`;
    let csv = this.csvs.get(key);
    if (!csv) {
      const names: ReportNames = { concealed, conceal: this.conceal };
      csv = reportCsv(report, this.truth(period, date), names, this.municipality.name);
      remember(this.csvs, key, csv, MAX_CSVS);
    }
    return csv;
  }

  /**
   * Prepares the D30 reports in the background, a slice of people per turn of the event loop, so a
   * large tenant's first report comes quickly while requests (tokens, /users) are still answered.
   * A report asked for meanwhile finishes the work at once.
   */
  warmUp(): void {
    const step = () => {
      this.warming = undefined;
      if (this.built) return;
      this.extend(WARM_UP_SLICE);
      if (this.partial.length < this.municipality.people.length) {
        this.warming = setImmediate(step);
        return;
      }
      this.built = this.build();
      this.warming = setImmediate(() => {
        this.warming = undefined;
        this.truth('D30');
      });
    };
    this.warming = setImmediate(step);
  }

  /** Stops the warm-up (the simulator is closing). */
  stop(): void {
    if (this.warming) clearImmediate(this.warming);
    this.warming = undefined;
  }

  private extend(count: number): void {
    const people = this.municipality.people;
    const end = Math.min(people.length, this.partial.length + count);
    for (let i = this.partial.length; i < end; i++) this.partial.push(directoryPerson(this.seed, people[i]!));
  }

  private build() {
    this.extend(Infinity);
    const population = [...this.partial, ...deletedPeople(this.seed, this.municipality)];
    return { population, groups: groupDefinitions(this.seed, this.municipality, population) };
  }
}

function remember<T>(cache: Map<string, T>, key: string, value: T, max: number): void {
  if (cache.size >= max) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}
