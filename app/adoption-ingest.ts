import type { ReportPeriod } from '../core/adoption.js';
import type { IngestionSummary } from '../core/adoption-aggregator.js';
import type { AdoptionStore } from '../core/adoption-store.js';
import { localDay, type MessagingSettings } from '../core/messaging-settings.js';
import type { NudgeSchedule, NudgeStore, TargetingApplied } from '../core/nudge-store.js';
import { NudgeTargeting } from '../core/nudge-targeting.js';
import { createUnitResolver } from '../core/unit-mapping.js';
import { GraphError } from '../graph/graph-client.js';
import { readConcealedNamesSetting } from '../graph/report-settings.js';
import { COLUMNS_OF, REPORT_COLUMNS } from '../graph/usage-reports/columns.js';
import { downloadUsageReport } from '../graph/usage-reports/graph-reports.js';
import { directoryPages } from '../graph/users.js';
import { AdoptionRun } from './adoption-run.js';
import type { Config } from './config.js';
import { connectGraph } from './graph-connection.js';
import type { Progress } from './progress.js';

export const ADOPTION_INGEST_QUEUE = 'adoption-ingest';

/** What one ingestion stored, per period: the figures a person checks the run by. */
export interface IngestedSnapshot {
  period: ReportPeriod;
  reportDate: string;
  concealed: boolean;
  summary: IngestionSummary & { staff: number };
}

export interface IngestResult {
  snapshots: IngestedSnapshot[];
  /** The tenant's reportSettings.displayConcealedNames; null when the app may not read it. */
  concealedSetting: boolean | null;
  /** What the nudge rules made of this ingestion, when nudges were given to it. */
  nudges?: TargetingApplied;
}

/** What the ingestion needs to plan nudges while the reports stream past. */
export interface IngestNudges {
  rules: NudgeStore;
  schedule: NudgeSchedule;
  settings(tenantId: string): Promise<MessagingSettings>;
  now(): Date;
}

/**
 * `digipuls ingest`: the directory from Graph /users and the five usage reports per configured period,
 * aggregated per unit and stored in one transaction. Per-person rows live only while they stream past.
 */
export async function ingestAdoptionFromGraph(
  config: Config,
  store: AdoptionStore,
  progress: Progress,
  options: { periods?: readonly ReportPeriod[]; nudges?: IngestNudges } = {},
): Promise<IngestResult> {
  const { graph, tenantId, close } = connectGraph(config);
  try {
    const concealedSetting = await readConcealedNamesSetting(graph).catch((error: unknown) => {
      // Reading the setting needs ReportSettings.Read.All; without it the rows still tell.
      if (error instanceof GraphError && error.status === 403) return null;
      throw error;
    });
    const resolve = createUnitResolver({ rules: await store.listUnitMappings(tenantId), useOfficeLocation: config.adoption.useOfficeLocation });
    const nudges = options.nudges;
    const rules = nudges ? await nudges.rules.getRules(tenantId) : undefined;
    // The one moment a person's activity is looked at for nudges: while their rows stream past.
    const targeting =
      nudges && rules
        ? new NudgeTargeting(rules.rules, rules.holdOutSeed, (await nudges.schedule.openCohort(tenantId))?.inactiveBefore ?? null, await nudges.schedule.newHires(tenantId))
        : undefined;
    const run = new AdoptionRun(resolve, { source: 'graph', minGroupSize: config.privacy.minGroupSize }, targeting);

    const users = progress.step('Users (Graph /users)', 1000);
    for await (const page of directoryPages(graph)) {
      run.addPeople(page);
      users.advance(page.length);
    }
    users.done();

    for (const period of options.periods ?? config.adoption.periods) {
      // The five reports download side by side; rows fold into one aggregator as they arrive.
      await Promise.all(
        REPORT_COLUMNS.map(async ({ kind }) => {
          // Per-person reports have about a row per staff member; the bar corrects itself for the others.
          const step = progress.step(`${COLUMNS_OF[kind].title} (${period})`, run.staff);
          await run.fold(await downloadUsageReport(graph, kind, period), step, period);
        }),
      );
    }
    const snapshots = run.snapshots();
    await store.saveSnapshots(tenantId, snapshots);
    let applied: TargetingApplied | undefined;
    // With names concealed nobody can be matched to their rows, and everyone would look inactive.
    if (nudges && rules && targeting && !snapshots.some((s) => s.concealed)) {
      const now = nudges.now();
      const { timeZone } = await nudges.settings(tenantId);
      applied = await nudges.schedule.applyTargeting(tenantId, targeting.result(), rules.rules, { now, today: localDay(now, timeZone) });
    }
    return {
      ...(applied ? { nudges: applied } : {}),
      concealedSetting,
      snapshots: snapshots.map((s) => ({ period: s.period, reportDate: s.reportDate, concealed: s.concealed, summary: s.summary })),
    };
  } finally {
    progress.stop();
    await close();
  }
}
