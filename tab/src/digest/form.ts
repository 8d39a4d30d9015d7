/**
 * The unit lead's digest settings as the form holds them. The browser checks the same limits as
 * core/digest-preferences.ts so mistakes show at once; the API decides.
 */

/** What `GET/PUT /api/v1/me/digest` carries. */
export interface DigestPreferences {
  /** 1 Monday … 5 Friday. */
  weekday: number;
  /** Local HH:MM, 07:00–17:00. */
  time: string;
  enabled: boolean;
}

export const digestPath = '/api/v1/me/digest';
export const WEEKDAYS = ['1', '2', '3', '4', '5'] as const;
export const EARLIEST = '07:00';
export const LATEST = '17:00';

export interface DigestForm {
  weekday: string;
  time: string;
  enabled: boolean;
}

/** The fields a problem can be shown beside, in the order they appear. */
export const FIELDS = ['weekday', 'time'] as const;
export type DigestField = (typeof FIELDS)[number];

/** A problem beside a field: a translation key and its values. */
export interface DigestProblem {
  field: DigestField;
  key: string;
  values?: Record<string, unknown>;
}

export const fieldId = (field: DigestField) => `digest-field-${field}`;

export const formOf = (p: DigestPreferences): DigestForm => ({ weekday: String(p.weekday), time: p.time, enabled: p.enabled });

/** The body of the PUT: a weekday that is not 1–5 goes as NaN, which the API refuses by name. */
export const preferencesOf = (form: DigestForm): DigestPreferences => ({
  weekday: /^[1-5]$/.test(form.weekday) ? Number(form.weekday) : Number.NaN,
  time: form.time,
  enabled: form.enabled,
});

const problemFor = (field: DigestField): DigestProblem =>
  field === 'weekday' ? { field, key: 'digest.errors.weekday' } : { field, key: 'digest.errors.time', values: { earliest: EARLIEST, latest: LATEST } };

/** What the browser can tell is wrong, in the order of the form. */
export function problemsOf(form: DigestForm): DigestProblem[] {
  const found: DigestProblem[] = [];
  if (!/^[1-5]$/.test(form.weekday)) found.push(problemFor('weekday'));
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(form.time) || form.time < EARLIEST || form.time > LATEST) found.push(problemFor('time'));
  return found;
}

/** The API's field errors beside the fields; a path the form does not know is returned apart, in the API's words. */
export function problemsOfApi(errors: ReadonlyArray<{ path: string; message: string }>): { fields: DigestProblem[]; other: Array<{ path: string; message: string }> } {
  const fields = new Set<DigestField>();
  const other: Array<{ path: string; message: string }> = [];
  for (const error of errors) {
    const field = (FIELDS as readonly string[]).includes(error.path) ? (error.path as DigestField) : null;
    if (field) fields.add(field);
    else other.push(error);
  }
  return { fields: FIELDS.filter((f) => fields.has(f)).map(problemFor), other };
}
