/**
 * Cell readers for report files. Each returns the value or throws a CellError saying what was
 * expected; the reader adds file, line and column.
 */
export class CellError extends Error {
  override name = 'CellError';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** YYYY-MM-DD (a time part is ignored); empty means none. */
export function dateCell(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  const match = DATE.exec(v);
  if (!match || Number.isNaN(Date.parse(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`))) throw new CellError(`'${v}' is not a date (YYYY-MM-DD)`);
  return `${match[1]}-${match[2]}-${match[3]}`;
}

export function requiredDateCell(value: string): string {
  const date = dateCell(value);
  if (date === null) throw new CellError('is empty, but must be a date (YYYY-MM-DD)');
  return date;
}

/** A whole count; empty is 0 (Microsoft leaves counts empty for people without activity). */
export function countCell(value: string): number {
  const v = value.trim();
  if (v === '') return 0;
  if (!/^\d+$/.test(v)) throw new CellError(`'${v}' is not a whole number`);
  return Number(v);
}

/** True/False (Is Deleted) or Yes/No (Used …); empty is false. */
export function flagCell(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === 'yes' || v === '1') return true;
  if (v === 'false' || v === 'no' || v === '0' || v === '') return false;
  throw new CellError(`'${value.trim()}' is not True/False or Yes/No`);
}

/** The report period in days: "30" in Graph files, "D30" or "30 days" in some exports. */
export function periodCell(value: string): number {
  const match = /^\s*D?(\d+)(\s*days?)?\s*$/i.exec(value);
  const days = match ? Number(match[1]) : NaN;
  if (![7, 30, 90, 180].includes(days)) throw new CellError(`'${value.trim()}' is not a report period (7, 30, 90 or 180 days)`);
  return days;
}

export function textCell(value: string): string {
  return value.trim();
}
