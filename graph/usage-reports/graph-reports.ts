import type { ReportPeriod } from '../../core/adoption.js';
import type { UsageReportKind } from '../../core/usage-report-rows.js';
import type { GraphClient } from '../graph-client.js';
import { COLUMNS_OF } from './columns.js';
import { openUsageReport, type OpenedReport } from './read-report.js';

/** Downloads one usage report from Graph (through its 302 to the file) and opens it for reading. */
export async function downloadUsageReport(graph: GraphClient, kind: UsageReportKind, period: ReportPeriod): Promise<OpenedReport> {
  const call = `${COLUMNS_OF[kind].graphFunction}(period='${period}')`;
  const file = await graph.download(`/reports/${call}`);
  return openUsageReport(file, call, kind);
}
