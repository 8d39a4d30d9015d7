import type { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { normaliseHeader } from './columns.js';
import { ReportFileError } from './report-file-error.js';

export interface CsvTable {
  /** Header cells as normalised (see normaliseHeader), in file order. */
  headers: string[];
  /** Position of each normalised header. */
  index: Map<string, number>;
  /** The data records with the file line each ends on. */
  records: AsyncGenerator<{ cells: string[]; line: number }>;
}

/**
 * Opens a CSV file and reads its header row. Tolerates a BOM, CRLF, quoted cells and rows with more
 * or fewer cells than the header (missing cells read as empty).
 */
export async function openCsvTable(input: Readable, source: string): Promise<CsvTable> {
  // on_record pairs each record with its line more cheaply than `info: true`, which copies a whole info object per row.
  const options: Options = {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // csv-parse types on_record as returning a record; it passes on whatever is returned.
    on_record: ((record: string[], context: { lines: number }) => ({ record, info: { lines: context.lines } })) as unknown as Options['on_record'],
  };
  const parser = input.pipe(parse(options));
  input.on('error', (error) => parser.destroy(error));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { lines: number } }>;
  const first = await next(iterator, source);
  if (first.done) throw new ReportFileError(source, null, null, 'the file is empty (no header row)');
  const headers = first.value.record.map(normaliseHeader);
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    if (h && !index.has(h)) index.set(h, i);
  });
  async function* records() {
    for (;;) {
      const item = await next(iterator, source);
      if (item.done) return;
      yield { cells: item.value.record, line: item.value.info.lines };
    }
  }
  return { headers, index, records: records() };
}

/** The next record; a malformed file (an unclosed quote…) becomes a ReportFileError with the line csv-parse found. */
async function next<T>(iterator: AsyncIterator<T>, source: string): Promise<IteratorResult<T>> {
  try {
    return await iterator.next();
  } catch (error) {
    if (error instanceof ReportFileError) throw error;
    const e = error as { lines?: number; message?: string };
    throw new ReportFileError(source, typeof e.lines === 'number' ? e.lines : null, null, `not a readable CSV file (${e.message ?? String(error)})`);
  }
}
