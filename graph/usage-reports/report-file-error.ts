/** A report or users file that cannot be read as documented: names the file, line and column. */
export class ReportFileError extends Error {
  override name = 'ReportFileError';
  constructor(
    readonly source: string,
    readonly line: number | null,
    readonly column: string | null,
    problem: string,
  ) {
    super(`${source}${line !== null ? `, line ${line}` : ''}${column !== null ? `, column '${column}'` : ''}: ${problem}`);
  }
}
