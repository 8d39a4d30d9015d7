import { z } from 'zod';
import type { DirectoryEntry } from '../../core/directory.js';
import { directoryEntryOf, graphUser } from '../users.js';
import { CellError, flagCell } from './cell-values.js';
import { normaliseHeader } from './columns.js';
import type { CsvTable } from './csv-table.js';
import { ReportFileError } from './report-file-error.js';

/** The admin center's "Export users" CSV, recognised by these columns. */
const USERS_IDENTIFYING = ['User principal name', 'Department'].map(normaliseHeader);

export function isUsersExport(headers: readonly string[]): boolean {
  const present = new Set(headers);
  return USERS_IDENTIFYING.every((h) => present.has(h)) && !present.has(normaliseHeader('Report Refresh Date'));
}

/** People from the admin center's user export: UPN, department, office; "Block credential" True is a disabled account. */
export async function* usersFromExport(table: CsvTable, source: string): AsyncGenerator<DirectoryEntry> {
  const at = (name: string) => table.index.get(normaliseHeader(name));
  const [upn, department, office, blocked, display, objectId, language] = [
    'User principal name', 'Department', 'Office', 'Block credential', 'Display name', 'Object Id', 'Preferred language',
  ].map(at);
  for await (const { cells, line } of table.records) {
    const value = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? '').trim());
    const principal = value(upn);
    if (!principal) throw new ReportFileError(source, line, 'User principal name', 'is empty');
    let disabled = false;
    try {
      disabled = flagCell(value(blocked));
    } catch (error) {
      if (error instanceof CellError) throw new ReportFileError(source, line, 'Block credential', error.message);
      throw error;
    }
    yield {
      aadObjectId: value(objectId) || principal,
      upn: principal,
      displayName: value(display) || principal,
      department: value(department) || null,
      officeLocation: value(office) || null,
      preferredLanguage: value(language) || null,
      accountEnabled: !disabled,
    };
  }
}

const usersPage = z.union([z.object({ value: z.array(z.unknown()) }), z.array(z.unknown())]);

/** People from a saved Graph /users answer (a page `{ value: [...] }` or a plain array). */
export function usersFromGraphJson(text: string, source: string): DirectoryEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const at = /position (\d+)/.exec(String(error))?.[1];
    const line = at === undefined ? null : text.slice(0, Number(at)).split('\n').length;
    throw new ReportFileError(source, line, null, `not valid JSON (${(error as Error).message})`);
  }
  const page = usersPage.safeParse(json);
  if (!page.success) throw new ReportFileError(source, null, null, 'not a Graph /users answer (expected {"value": [...]})');
  const items = Array.isArray(page.data) ? page.data : page.data.value;
  return items.map((item, i) => {
    const user = graphUser.safeParse(item);
    if (!user.success) {
      const issue = user.error.issues[0];
      throw new ReportFileError(source, null, issue?.path.join('.') ?? null, `user ${i + 1} is not as Graph documents it: ${issue?.message}`);
    }
    return directoryEntryOf(user.data);
  });
}
