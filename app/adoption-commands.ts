import { readFile } from 'node:fs/promises';
import type { ReportPeriod } from '../core/adoption.js';
import { adoptionView } from '../core/adoption-view.js';
import { parseUnitMappingCsv } from '../core/unit-mapping-csv.js';
import { unitPathFromDepartment } from '../core/units.js';
import { createAdoptionRepository } from '../store/adoption-repository.js';
import { openDatabase } from '../store/database.js';
import { ingestAdoptionFromGraph, type IngestResult } from './adoption-ingest.js';
import { adoptionJson, adoptionTreeLines, ingestSummaryLines } from './adoption-output.js';
import type { Config } from './config.js';
import { terminalProgress } from './progress.js';
import { importReportFolder } from './report-import.js';

async function withStore<T>(config: Config, run: (store: ReturnType<typeof createAdoptionRepository>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
  try {
    return await run(createAdoptionRepository(database.db));
  } finally {
    await database.close();
  }
}

const tenantOf = (config: Config) => {
  if (!config.tenantId) throw new Error('Set MicrosoftAppTenantId: adoption figures belong to a tenant');
  return config.tenantId;
};

/** `digipuls ingest`: prints what it read and stored. */
export async function ingestCommand(config: Config, options: { periods?: ReportPeriod[] }): Promise<string[]> {
  const result: IngestResult = await withStore(config, (store) => ingestAdoptionFromGraph(config, store, terminalProgress(), options));
  return ingestSummaryLines(result);
}

/** `digipuls import-reports DIR` */
export async function importReportsCommand(config: Config, dir: string): Promise<string[]> {
  const result = await withStore(config, (store) => importReportFolder(config, tenantOf(config), store, dir, terminalProgress()));
  return ingestSummaryLines(result);
}

/** `digipuls adoption --period D30 [--unit PATH] [--date D] [--json]` */
export async function adoptionCommand(config: Config, options: { period: ReportPeriod; unit?: string; date?: string; json?: boolean }): Promise<string> {
  return withStore(config, async (store) => {
    const snapshot = await store.getSnapshot(tenantOf(config), options.period, options.date);
    if (!snapshot) throw new Error(`No ${options.period} adoption snapshot${options.date ? ` of ${options.date}` : ''} yet: run \`digipuls ingest\` or \`digipuls import-reports DIR\` first`);
    const unitPath = options.unit ? unitPathFromDepartment(options.unit) : undefined;
    const view = adoptionView(snapshot, { all: true }, { unitPath });
    if (unitPath && view.units.length === 0) throw new Error(`No unit ${options.unit} in the ${options.period} snapshot of ${snapshot.reportDate}`);
    return options.json ? JSON.stringify(adoptionJson(view), null, 2) : adoptionTreeLines(view).join('\n');
  });
}

/** `digipuls unit-mapping FILE`: replaces the mapping; takes effect at the next directory sync and ingestion. */
export async function unitMappingCommand(config: Config, file: string): Promise<string> {
  const rules = parseUnitMappingCsv(await readFile(file, 'utf8'), file);
  await withStore(config, (store) => store.replaceUnitMappings(tenantOf(config), rules));
  return `Unit mapping replaced: ${rules.length} rules. It applies from the next directory sync and adoption ingestion.`;
}
