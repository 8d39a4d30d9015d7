import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportPeriod } from '../core/adoption.js';
import type { Municipality, SimPerson } from './municipality.js';
import { REPORT_FUNCTIONS, UTF8_BOM, type ReportFunction } from './report-csv.js';
import type { UsageReports } from './report-state.js';
import { hashString } from './random.js';
import { usageProfile } from './usage-model.js';

export interface ReportFilesOptions {
  /** Default D30. */
  period?: ReportPeriod;
  /** The users list as the admin center's "Export users" CSV, or as Graph /users JSON pages. */
  users: 'csv' | 'json';
  /** The moment the files were exported, which the admin center puts in their names (default now). */
  exportedAt?: Date;
}

export interface WrittenReportFiles {
  /** Absolute paths of the five report files. */
  reports: Record<ReportFunction, string>;
  /** The users CSV, or the JSON pages in order. */
  users: string[];
}

/** What the admin center's "Export users" writes (the columns of its CSV, in its order). */
export const USER_EXPORT_HEADERS = [
  'Block credential', 'City', 'Country/Region', 'Department', 'DirSyncEnabled', 'Display name', 'Fax', 'First name', 'Last dirsync time',
  'Last name', 'Last password change time stamp', 'License assignment details', 'Licenses', 'Mobile Phone', 'Object Id', 'Office',
  'Password never expires', 'Phone number', 'Postal code', 'Preferred data location', 'Preferred language', 'Proxy addresses', 'Release track',
  'Soft deletion time stamp', 'State', 'Street address', 'Strong password required', 'Title', 'Usage location', 'User principal name', 'When created',
] as const;

/** The users JSON as a Graph client saves its pages: the properties Digipuls selects, 999 a page. */
export const USER_JSON_FIELDS = ['id', 'userPrincipalName', 'displayName', 'department', 'officeLocation', 'jobTitle', 'accountEnabled'] as const;
const USERS_PER_PAGE = 999;

const SKU: Record<string, string> = {
  'MICROSOFT 365 E3': 'SPE_E3',
  'MICROSOFT 365 F3': 'SPE_F1',
  'MICROSOFT 365 A3 FOR FACULTY': 'M365EDU_A3_FACULTY',
  'POWER BI PRO': 'POWER_BI_PRO',
};

/**
 * Writes the five reports as the Microsoft 365 admin center exports them (same CSV as Graph serves,
 * named like `TeamsUserActivityUserDetail11_23_2026 8_04_12 AM.csv`) and the users list, for the
 * import path of tenants that grant no report permissions.
 */
export async function writeReportFiles(dir: string, reports: UsageReports, municipality: Municipality, seed: string, options: ReportFilesOptions): Promise<WrittenReportFiles> {
  const period = options.period ?? 'D30';
  const stamp = adminCenterStamp(options.exportedAt ?? new Date());
  await mkdir(dir, { recursive: true });
  const written = {} as Record<ReportFunction, string>;
  for (const report of REPORT_FUNCTIONS) {
    const file = path.resolve(dir, `${report.slice(3)}${stamp}.csv`);
    await writeFile(file, reports.csv(report, period));
    written[report] = file;
  }
  const users = options.users === 'csv' ? [await writeUsersCsv(dir, stamp, municipality, seed)] : await writeUsersJson(dir, municipality);
  return { reports: written, users };
}

/** "11_23_2026 8_04_12 AM": month, day, year, 12-hour clock (UTC here), as the admin center names downloads. */
export function adminCenterStamp(at: Date): string {
  const h = at.getUTCHours();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCMonth() + 1}_${at.getUTCDate()}_${at.getUTCFullYear()} ${h % 12 || 12}_${two(at.getUTCMinutes())}_${two(at.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** "3/14/2019 8:02:11 AM", the admin center's date format (en-US). */
function usDateTime(at: Date): string {
  const h = at.getUTCHours();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCMonth() + 1}/${at.getUTCDate()}/${at.getUTCFullYear()} ${h % 12 || 12}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

const quoted = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

async function writeUsersCsv(dir: string, stamp: string, municipality: Municipality, seed: string): Promise<string> {
  const tenantPrefix = municipality.domain.split('.').slice(0, 2).join('');
  const lines = municipality.people.map((p) => {
    const h = hashString(`${seed}:created:${p.id}`);
    // Accounts were created over the years before the export; each person's date is fixed by the seed.
    const created = new Date(Date.UTC(2012, 0, 1) + (h % (14 * 365)) * 86_400_000 + (h % 36_000) * 1000 + 6 * 3_600_000);
    const products = usageProfile(seed, p).products;
    const licenses = products ? products.split('+').map((name) => `${tenantPrefix}:${SKU[name] ?? name.replace(/\s+/g, '_')}`).join('+') : '';
    const row = userCells(p, { created: usDateTime(created), licenses });
    return row.map(quoted).join(',');
  });
  const file = path.resolve(dir, `users_${stamp}.csv`);
  await writeFile(file, `${UTF8_BOM}${USER_EXPORT_HEADERS.join(',')}\r\n${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

function userCells(p: SimPerson, extra: { created: string; licenses: string }): string[] {
  const cells: Record<(typeof USER_EXPORT_HEADERS)[number], string> = {
    'Block credential': p.accountEnabled ? 'False' : 'True',
    City: 'Fjordvik',
    'Country/Region': 'Norway',
    Department: p.department ?? '',
    DirSyncEnabled: 'True',
    'Display name': p.displayName,
    Fax: '',
    'First name': p.givenName,
    'Last dirsync time': '',
    'Last name': p.surname,
    'Last password change time stamp': '',
    'License assignment details': '',
    Licenses: extra.licenses,
    'Mobile Phone': '',
    'Object Id': p.id,
    Office: p.officeLocation ?? '',
    'Password never expires': 'False',
    'Phone number': '',
    'Postal code': '',
    'Preferred data location': '',
    'Preferred language': p.preferredLanguage ?? '',
    'Proxy addresses': `SMTP:${p.mail}`,
    'Release track': '',
    'Soft deletion time stamp': '',
    State: '',
    'Street address': '',
    'Strong password required': 'True',
    Title: p.jobTitle,
    'Usage location': p.usageLocation,
    'User principal name': p.userPrincipalName,
    'When created': extra.created,
  };
  return USER_EXPORT_HEADERS.map((h) => cells[h]);
}

async function writeUsersJson(dir: string, municipality: Municipality): Promise<string[]> {
  const select = USER_JSON_FIELDS.join(',');
  const files: string[] = [];
  const people = municipality.people;
  for (let start = 0, page = 1; start < people.length; start += USERS_PER_PAGE, page++) {
    const value = people.slice(start, start + USERS_PER_PAGE).map((p) => Object.fromEntries(USER_JSON_FIELDS.map((f) => [f, p[f]])));
    const next = start + USERS_PER_PAGE < people.length;
    const body = {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users(${select})`,
      // As saved from Graph: every page but the last names the next (its skip token is of no use offline).
      ...(next ? { '@odata.nextLink': `https://graph.microsoft.com/v1.0/users?$select=${select}&$top=${USERS_PER_PAGE}&$skiptoken=page${page + 1}` } : {}),
      value,
    };
    const file = path.resolve(dir, `users-${page}.json`);
    await writeFile(file, JSON.stringify(body), 'utf8');
    files.push(file);
  }
  return files;
}
