import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AdoptionStore } from '../core/adoption-store.js';
import type { DirectoryEntry } from '../core/directory.js';
import { createUnitResolver } from '../core/unit-mapping.js';
import type { UsageReportKind } from '../core/usage-report-rows.js';
import { COLUMNS_OF } from '../graph/usage-reports/columns.js';
import { openCsvTable } from '../graph/usage-reports/csv-table.js';
import { reportKindOf, usageReportOf } from '../graph/usage-reports/read-report.js';
import { ReportFileError } from '../graph/usage-reports/report-file-error.js';
import { isUsersExport, usersFromExport, usersFromGraphJson } from '../graph/usage-reports/users-file.js';
import type { IngestResult } from './adoption-ingest.js';
import { AdoptionRun } from './adoption-run.js';
import type { Config } from './config.js';
import type { Progress } from './progress.js';

/** A file of the folder and what its header row says it is. */
interface RecognisedFile {
  file: string;
  kind: UsageReportKind | 'users';
}

/**
 * `digipuls import-reports DIR`: usage reports exported from the Microsoft 365 admin center (or saved
 * from Graph) and a users list, recognised by their header rows, not their names. All files are read
 * before anything is written, and the snapshots are stored in one transaction: a bad file leaves the
 * database as it was.
 */
export async function importReportFolder(config: Config, tenantId: string, store: AdoptionStore, dir: string, progress: Progress): Promise<IngestResult> {
  const files = await recognise(dir);
  const users = files.filter((f) => f.kind === 'users');
  const reports = files.filter((f): f is RecognisedFile & { kind: UsageReportKind } => f.kind !== 'users');
  if (users.length === 0) {
    throw new ReportFileError(dir, null, null, 'no users list here: add the admin center\'s user export (Users → Active users → Export users) or Graph /users pages saved as JSON, so report rows can be placed in units');
  }
  if (reports.length === 0) throw new ReportFileError(dir, null, null, 'no usage reports here (CSV files with the header row of a Microsoft 365 usage report)');

  const resolve = createUnitResolver({ rules: await store.listUnitMappings(tenantId), useOfficeLocation: config.adoption.useOfficeLocation });
  const run = new AdoptionRun(resolve, { source: 'import', minGroupSize: config.privacy.minGroupSize });
  for (const { file } of users) {
    const step = progress.step(`Users (${path.basename(file)})`, 1000);
    const entries = await readUsers(file);
    run.addPeople(entries);
    step.advance(entries.length);
    step.done();
  }
  for (const { file, kind } of reports) {
    const table = await openCsvTable(createReadStream(file), path.basename(file));
    await run.fold(usageReportOf(table, path.basename(file), kind), progress.step(`${COLUMNS_OF[kind].title} (${path.basename(file)})`, run.staff));
  }
  progress.stop();
  const snapshots = run.snapshots();
  await store.saveSnapshots(tenantId, snapshots);
  return { concealedSetting: null, snapshots: snapshots.map((s) => ({ period: s.period, reportDate: s.reportDate, concealed: s.concealed, summary: s.summary })) };
}

/** Every CSV and JSON file of the folder, by what its content is; a CSV that is neither a report nor a users export is an error. */
async function recognise(dir: string): Promise<RecognisedFile[]> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && /\.(csv|json)$/i.test(e.name)).map((e) => e.name).sort();
  const found: RecognisedFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    if (/\.json$/i.test(name)) {
      found.push({ file, kind: 'users' });
      continue;
    }
    const input = createReadStream(file);
    try {
      const { headers } = await openCsvTable(input, name);
      const kind = isUsersExport(headers) ? 'users' : reportKindOf(headers);
      if (!kind) throw new ReportFileError(name, 1, null, 'the header row is neither a Microsoft 365 usage report Digipuls reads nor the admin center\'s user export');
      found.push({ file, kind });
    } finally {
      input.destroy();
    }
  }
  return found;
}

async function readUsers(file: string): Promise<DirectoryEntry[]> {
  const name = path.basename(file);
  if (/\.json$/i.test(file)) return usersFromGraphJson(await readFile(file, 'utf8'), name);
  const entries: DirectoryEntry[] = [];
  for await (const entry of usersFromExport(await openCsvTable(createReadStream(file), name), name)) entries.push(entry);
  return entries;
}
