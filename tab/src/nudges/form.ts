/**
 * The nudge rules as the editor holds them: numbers as typed (so a half-typed or empty value can be
 * told apart from a number), the Teams tips in the order chosen with which of them are on. The browser
 * checks the same limits as core/nudge-rules.ts so mistakes show at once; the API decides.
 */
import { TEAMS_TIPS, type NudgeRules, type TeamsTip } from './types';

export interface RulesForm {
  enabled: boolean;
  teamsEnabled: boolean;
  inactiveDays: string;
  /** Every Teams tip, in the order they are sent; only the chosen ones are. */
  tipOrder: TeamsTip[];
  chosen: TeamsTip[];
  engageEnabled: boolean;
  reminderEnabled: boolean;
  reminderAfterDays: string;
  welcomeEnabled: boolean;
  perWeek: string;
  sendFrom: string;
  holdOutPercent: string;
  measureAfterDays: string;
}

/** The fields a problem can be shown beside, in the order they appear on the page. */
export const FIELDS = ['inactiveDays', 'tips', 'reminderAfterDays', 'perWeek', 'sendFrom', 'holdOutPercent', 'measureAfterDays'] as const;
export type Field = (typeof FIELDS)[number];

/** Each number field's limits, as core/nudge-rules.ts has them. */
export const LIMITS = {
  inactiveDays: { min: 7, max: 180 },
  reminderAfterDays: { min: 1, max: 30 },
  perWeek: { min: 1, max: 3 },
  holdOutPercent: { min: 0, max: 50 },
  measureAfterDays: { min: 7, max: 60 },
} as const satisfies Partial<Record<Field, { min: number; max: number }>>;

/** A problem beside a field: a translation key and its values. */
export interface FieldProblem {
  field: Field;
  key: string;
  values?: Record<string, unknown>;
}

/** The element that takes focus for a field's problem. */
export const fieldId = (field: Field) => `nudge-field-${field}`;

export function formOf(rules: NudgeRules): RulesForm {
  const chosen = rules.teamsTips.tips.filter((tip) => (TEAMS_TIPS as readonly string[]).includes(tip));
  return {
    enabled: rules.enabled,
    teamsEnabled: rules.teamsTips.enabled,
    inactiveDays: String(rules.teamsTips.inactiveDays),
    tipOrder: [...chosen, ...TEAMS_TIPS.filter((tip) => !chosen.includes(tip))],
    chosen,
    engageEnabled: rules.engageInvitation.enabled,
    reminderEnabled: rules.announcementReminder.enabled,
    reminderAfterDays: String(rules.announcementReminder.afterDays),
    welcomeEnabled: rules.welcome.enabled,
    perWeek: String(rules.pacing.perWeek),
    sendFrom: rules.pacing.sendFrom,
    holdOutPercent: String(rules.holdOutPercent),
    measureAfterDays: String(rules.measureAfterDays),
  };
}

/** A typed number as the API wants it; anything but digits becomes NaN, which the API refuses by name. */
const whole = (typed: string) => (/^\s*-?\d+\s*$/.test(typed) ? Number(typed) : Number.NaN);

/** The body of `PUT /api/v1/nudges/rules`: the whole rules. */
export function rulesOf(form: RulesForm): NudgeRules {
  return {
    enabled: form.enabled,
    teamsTips: { enabled: form.teamsEnabled, inactiveDays: whole(form.inactiveDays), tips: form.tipOrder.filter((tip) => form.chosen.includes(tip)) },
    engageInvitation: { enabled: form.engageEnabled },
    announcementReminder: { enabled: form.reminderEnabled, afterDays: whole(form.reminderAfterDays) },
    welcome: { enabled: form.welcomeEnabled },
    pacing: { perWeek: whole(form.perWeek), sendFrom: form.sendFrom },
    holdOutPercent: whole(form.holdOutPercent),
    measureAfterDays: whole(form.measureAfterDays),
  };
}

const rangeProblem = (field: keyof typeof LIMITS, typed: string): FieldProblem | null => {
  const value = whole(typed);
  const { min, max } = LIMITS[field];
  return Number.isInteger(value) && value >= min && value <= max ? null : { field, key: 'nudges.rules.errors.range', values: { min, max } };
};

/** What the browser can tell is wrong, in the order of the page. */
export function problemsOf(form: RulesForm): FieldProblem[] {
  const found: Array<FieldProblem | null> = [
    rangeProblem('inactiveDays', form.inactiveDays),
    form.chosen.length === 0 ? { field: 'tips', key: 'nudges.rules.errors.noTip' } : null,
    rangeProblem('reminderAfterDays', form.reminderAfterDays),
    rangeProblem('perWeek', form.perWeek),
    /^([01]\d|2[0-3]):[0-5]\d$/.test(form.sendFrom) ? null : { field: 'sendFrom', key: 'nudges.rules.errors.time' },
    rangeProblem('holdOutPercent', form.holdOutPercent),
    rangeProblem('measureAfterDays', form.measureAfterDays),
  ];
  return found.filter((p): p is FieldProblem => p !== null);
}

/** The form's field for a path the API names (`teamsTips.inactiveDays`, `teamsTips.tips.2`), if it has one. */
export function fieldOfPath(path: string): Field | null {
  const [first, second] = path.split('.');
  if (first === 'teamsTips') return second === 'inactiveDays' ? 'inactiveDays' : second === 'tips' ? 'tips' : null;
  if (first === 'announcementReminder' && second === 'afterDays') return 'reminderAfterDays';
  if (first === 'pacing') return second === 'perWeek' ? 'perWeek' : second === 'sendFrom' ? 'sendFrom' : null;
  if (first === 'holdOutPercent' || first === 'measureAfterDays') return first;
  return null;
}

/**
 * The API's field errors as problems beside the fields, in the order of the page; what no field shows
 * (a path the form does not know) is returned apart, to be shown in the API's words.
 */
export function problemsOfApi(errors: ReadonlyArray<{ path: string; message: string }>): { fields: FieldProblem[]; other: Array<{ path: string; message: string }> } {
  const fields = new Map<Field, FieldProblem>();
  const other: Array<{ path: string; message: string }> = [];
  for (const error of errors) {
    const field = fieldOfPath(error.path);
    if (!field) other.push(error);
    else if (!fields.has(field)) fields.set(field, problemFor(field));
  }
  return { fields: FIELDS.filter((f) => fields.has(f)).map((f) => fields.get(f)!), other };
}

/** The message beside a field the API refused: what the field takes, in the reader's language. */
function problemFor(field: Field): FieldProblem {
  if (field === 'tips') return { field, key: 'nudges.rules.errors.tips' };
  if (field === 'sendFrom') return { field, key: 'nudges.rules.errors.time' };
  return { field, key: 'nudges.rules.errors.range', values: LIMITS[field] };
}

/** The list with the item at `from` moved to `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
