import type { Readable } from 'node:stream';
import type { UsageReportKind, UsageReportRowOf } from '../../core/usage-report-rows.js';
import { CellError } from './cell-values.js';
import { COLUMNS_OF, normaliseHeader, REPORT_COLUMNS } from './columns.js';
import { openCsvTable, type CsvTable } from './csv-table.js';
import { ReportFileError } from './report-file-error.js';
import { ROW_BUILDERS, type CellReader, type ColumnRef } from './row-builders.js';

/** An opened report: which one it is (by its header row) and its rows, read lazily. */
export type OpenedReport = { [K in UsageReportKind]: { kind: K; rows: AsyncGenerator<UsageReportRowOf[K]> } }[UsageReportKind];

/** Which report a header row belongs to, if any. */
export function reportKindOf(headers: readonly string[]): UsageReportKind | undefined {
  const present = new Set(headers);
  return REPORT_COLUMNS.find((c) => c.identifying.every((name) => present.has(normaliseHeader(name))))?.kind;
}

/** Opens a usage report (CSV from Graph or the admin center) and checks it has every required column. */
export async function openUsageReport(input: Readable, source: string, expected?: UsageReportKind): Promise<OpenedReport> {
  return usageReportOf(await openCsvTable(input, source), source, expected);
}

/** Reads an already opened CSV table as a usage report. */
export function usageReportOf(table: CsvTable, source: string, expected?: UsageReportKind): OpenedReport {
  const kind = expected ?? reportKindOf(table.headers);
  if (!kind) throw new ReportFileError(source, 1, null, 'the header row is not that of a Microsoft 365 usage report Digipuls reads');
  const spec = COLUMNS_OF[kind];
  for (const name of spec.required) {
    if (!table.index.has(normaliseHeader(name))) {
      throw new ReportFileError(source, 1, name, `the column is missing from the header row of this ${spec.title} report (required: ${spec.required.join(', ')})`);
    }
  }
  const col = (name: string): ColumnRef | undefined => {
    const index = table.index.get(normaliseHeader(name));
    return index === undefined ? undefined : { index, name };
  };
  const build = (ROW_BUILDERS[kind] as (c: typeof col) => (cell: CellReader) => unknown)(col);
  // One reader for the whole file, pointed at the current record: no closure per row on this hot path.
  let current: { cells: string[]; line: number } = { cells: [], line: 0 };
  const cell: CellReader = (column, read, fallback) => {
    if (!column) return fallback;
    try {
      return read(current.cells[column.index] ?? '');
    } catch (error) {
      if (error instanceof CellError) throw new ReportFileError(source, current.line, column.name, error.message);
      throw error;
    }
  };
  async function* rows() {
    for await (const record of table.records) {
      current = record;
      yield build(cell);
    }
  }
  return { kind, rows: rows() } as OpenedReport;
}
