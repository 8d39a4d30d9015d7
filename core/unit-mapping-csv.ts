import { parse } from 'csv-parse/sync';
import { badRequest } from './errors.js';
import { mappingKey, type UnitMappingRule } from './unit-mapping.js';
import { unitPathFromDepartment } from './units.js';

const HEADERS = { value: ['department', 'value', 'office'], unit: ['unit', 'unit path', 'enhet'], source: ['source'] };

/**
 * Reads an admin's unit mapping CSV: a `department` column (or `office`, or `value` with a `source`
 * column saying department/office) and a `unit` column with the unit path ("Helse og omsorg /
 * Hjemmetjenesten / Nord"). Comma or semicolon separated (Excel in Nordic locales writes semicolons).
 * A wrong file is refused whole, with the line and column of the first problem.
 */
export function parseUnitMappingCsv(text: string, source = 'mapping.csv'): UnitMappingRule[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    throw fileError(source, e.lines ?? null, null, `not a readable CSV file (${e.message})`);
  }
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const find = (names: string[]) => header.findIndex((h) => names.includes(h));
  const valueAt = find(HEADERS.value);
  const unitAt = find(HEADERS.unit);
  const sourceAt = find(HEADERS.source);
  if (valueAt < 0) throw fileError(source, 1, 'department', 'the column is missing (name the directory value column "department" or "office")');
  if (unitAt < 0) throw fileError(source, 1, 'unit', 'the column is missing (the unit path each value belongs to)');
  const defaultSource = header[valueAt] === 'office' ? 'office' : 'department';
  const rules: UnitMappingRule[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const value = cells[valueAt]?.trim() ?? '';
    const unitPath = unitPathFromDepartment(cells[unitAt]);
    const rawSource = sourceAt >= 0 ? (cells[sourceAt]?.trim().toLowerCase() ?? '') : '';
    if (!value) throw fileError(source, line, header[valueAt]!, 'is empty');
    if (unitPath.length === 0) throw fileError(source, line, 'unit', 'is empty: give the unit path, e.g. "Helse og omsorg / Hjemmetjenesten"');
    if (rawSource && rawSource !== 'department' && rawSource !== 'office') throw fileError(source, line, 'source', `'${rawSource}' is neither department nor office`);
    const ruleSource = (rawSource || defaultSource) as UnitMappingRule['source'];
    const key = `${ruleSource}:${mappingKey(value)}`;
    if (seen.has(key)) throw fileError(source, line, header[valueAt]!, `'${value}' is mapped already on line ${seen.get(key)}`);
    seen.set(key, line);
    rules.push({ source: ruleSource, value, unitPath });
  });
  return rules;
}

function fileError(source: string, line: number | null, column: string | null, problem: string) {
  const where = `${source}${line !== null ? `, line ${line}` : ''}${column !== null ? `, column '${column}'` : ''}`;
  return badRequest('invalid_unit_mapping', `${where}: ${problem}`, { line, column });
}
