/**
 * A survey being written in the tab: what the form holds, the defaults it starts from, and how it becomes
 * the body of `POST /surveys`. Texts may be left blank in some languages while writing; they take the
 * text of the language written in when the survey is saved (the API wants all four).
 */
import { LOCALES, type Locale } from '../i18n';
import type { Audience, LocalizedText, Question, QuestionKind, SurveyDefinition, SurveySchedule, SurveyTemplate, TemplateId } from './types';
import { MAX_OPTIONS, MAX_QUESTIONS, MIN_OPTIONS } from './types';

export interface DraftOption {
  key: string;
  id: string;
  text: LocalizedText;
}

export interface DraftQuestion {
  /** Stable while the question moves up and down (React key, focus after a move). */
  key: string;
  id: string;
  kind: QuestionKind;
  text: LocalizedText;
  required: boolean;
  options: DraftOption[];
  maxLength: number;
}

export type StartChoice = 'now' | 'at';
export type Recurrence = 'once' | 'week' | 'month';

export interface Draft {
  templateId: TemplateId | null;
  title: LocalizedText;
  intro: LocalizedText;
  questions: DraftQuestion[];
  /** Group ids with the names they were picked by (the list shows names, the API wants ids). */
  audience: { kind: Audience['kind']; unitIds: string[]; groups: Array<{ id: string; displayName: string }> };
  schedule: {
    start: StartChoice;
    /** `<input type="datetime-local">` value, in the browser's time zone. */
    at: string;
    recurrence: Recurrence;
    /** YYYY-MM-DD, the last day a round may open. */
    until: string;
    openDays: number;
    remind: boolean;
    remindAfterDays: number;
  };
}

/** Default texts in each language, from the tab's translations (`t` fixed to that language). */
export type Translate = (locale: Locale, key: string, values?: Record<string, unknown>) => string;

const blank = (): LocalizedText => ({ nb: '', nn: '', sv: '', en: '' });
const each = (make: (locale: Locale) => string): LocalizedText => Object.fromEntries(LOCALES.map((l) => [l, make(l)])) as LocalizedText;

let counter = 0;
const nextKey = () => `k${++counter}`;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const DAY = 86_400_000;
/** A datetime-local value for a moment, in the browser's time zone. */
export function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Ids the API accepts: lower-case letters, digits and hyphens, unique within the survey. */
function freeId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function newOption(translate: Translate, taken: DraftOption[]): DraftOption {
  const id = freeId('o', taken.map((o) => o.id));
  const n = taken.length + 1;
  return { key: nextKey(), id, text: each((l) => translate(l, 'surveys.editor.defaultOption', { n })) };
}

/** A new question of a kind: empty text to write, two numbered options for a choice question. */
export function newQuestion(kind: QuestionKind, translate: Translate, taken: DraftQuestion[]): DraftQuestion {
  const question: DraftQuestion = { key: nextKey(), id: freeId('q', taken.map((q) => q.id)), kind, text: blank(), required: kind !== 'text', options: [], maxLength: 500 };
  return withKind(question, kind, translate);
}

/** The question as another kind; a choice question keeps (or gets) its options. */
export function withKind(question: DraftQuestion, kind: QuestionKind, translate: Translate): DraftQuestion {
  const next = { ...question, kind };
  if ((kind === 'single' || kind === 'multiple') && next.options.length < MIN_OPTIONS) {
    const options = [...next.options];
    while (options.length < MIN_OPTIONS) options.push(newOption(translate, options));
    next.options = options;
  }
  return next;
}

function defaultSchedule(now: Date, openDays = 7, recurrence: Recurrence = 'once'): Draft['schedule'] {
  return {
    start: 'now',
    at: localInputValue(new Date(now.getTime() + DAY)),
    recurrence,
    until: isoDay(new Date(now.getTime() + 90 * DAY)),
    openDays,
    remind: true,
    remindAfterDays: Math.min(3, Math.max(1, openDays - 1)),
  };
}

/** A survey from scratch: a default title in every language and one Likert question to write. */
export function emptyDraft(translate: Translate, now = new Date()): Draft {
  return {
    templateId: null,
    title: each((l) => translate(l, 'surveys.editor.defaultTitle')),
    intro: blank(),
    questions: [newQuestion('likert', translate, [])],
    audience: { kind: 'everyone', unitIds: [], groups: [] },
    schedule: defaultSchedule(now),
  };
}

const draftQuestion = (question: Question): DraftQuestion => ({
  key: nextKey(),
  id: question.id,
  kind: question.kind,
  text: { ...question.text },
  required: question.required,
  options: 'options' in question ? question.options.map((o) => ({ key: nextKey(), id: o.id, text: { ...o.text } })) : [],
  maxLength: 'maxLength' in question ? question.maxLength : 500,
});

/** A template's survey, ready to adjust, with the schedule the template suggests. */
export function draftFromTemplate(template: SurveyTemplate, now = new Date()): Draft {
  const every: Recurrence = template.suggested.recurrence === 'weekly' ? 'week' : template.suggested.recurrence === 'monthly' ? 'month' : 'once';
  return {
    templateId: template.id,
    title: { ...template.definition.title },
    intro: template.definition.intro ? { ...template.definition.intro } : blank(),
    questions: template.definition.questions.map(draftQuestion),
    audience: { kind: 'everyone', unitIds: [], groups: [] },
    schedule: defaultSchedule(now, template.suggested.openDays, every),
  };
}

/** Blank languages take the text of the language written in, else of the first language written. */
export function filled(text: LocalizedText, primary: Locale): LocalizedText {
  const source = text[primary].trim() || LOCALES.map((l) => text[l].trim()).find(Boolean) || '';
  return each((l) => text[l].trim() || source);
}

const isBlank = (text: LocalizedText) => LOCALES.every((l) => !text[l].trim());

export function toDefinition(draft: Draft, primary: Locale): SurveyDefinition {
  return {
    title: filled(draft.title, primary),
    ...(isBlank(draft.intro) ? {} : { intro: filled(draft.intro, primary) }),
    questions: draft.questions.map((q): Question => {
      const base = { id: q.id, text: filled(q.text, primary), required: q.required };
      if (q.kind === 'single' || q.kind === 'multiple') return { ...base, kind: q.kind, options: q.options.map((o) => ({ id: o.id, text: filled(o.text, primary) })) };
      if (q.kind === 'text') return { ...base, kind: 'text', maxLength: q.maxLength };
      return { ...base, kind: q.kind };
    }),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Group ids typed or pasted (one per line, or separated by commas). */
export const groupIdsOf = (text: string) => text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);

export function toAudience(draft: Draft): Audience {
  if (draft.audience.kind === 'units') return { kind: 'units', unitIds: draft.audience.unitIds };
  if (draft.audience.kind === 'groups') return { kind: 'groups', groupIds: draft.audience.groups.map((g) => g.id) };
  return { kind: 'everyone' };
}

export function toSchedule(draft: Draft, now = new Date()): SurveySchedule {
  const s = draft.schedule;
  return {
    startsAt: s.start === 'now' ? now.toISOString() : new Date(s.at).toISOString(),
    openDays: s.openDays,
    recurrence: s.recurrence === 'once' ? { every: 'once' } : { every: s.recurrence, until: s.until },
    remindAfterDays: s.remind ? s.remindAfterDays : null,
  };
}

/** Something to put right before saving: the field (for focus and the message's place) and the message key. */
export interface DraftProblem {
  field: string;
  key: string;
  values?: Record<string, unknown>;
}

/** What the form can tell before asking the server; the server checks everything again. */
export function problemsOf(draft: Draft, now = new Date()): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (isBlank(draft.title)) problems.push({ field: 'title', key: 'surveys.editor.problems.title' });
  if (draft.questions.length === 0) problems.push({ field: 'questions', key: 'surveys.editor.problems.noQuestions' });
  if (draft.questions.length > MAX_QUESTIONS) problems.push({ field: 'questions', key: 'surveys.editor.problems.tooMany', values: { max: MAX_QUESTIONS } });
  draft.questions.forEach((q, index) => {
    const n = index + 1;
    if (isBlank(q.text)) problems.push({ field: `question-${q.key}`, key: 'surveys.editor.problems.questionText', values: { n } });
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (q.options.length < MIN_OPTIONS || q.options.length > MAX_OPTIONS) problems.push({ field: `question-${q.key}`, key: 'surveys.editor.problems.options', values: { n, min: MIN_OPTIONS, max: MAX_OPTIONS } });
      if (q.options.some((o) => isBlank(o.text))) problems.push({ field: `question-${q.key}`, key: 'surveys.editor.problems.optionText', values: { n } });
    }
  });
  if (draft.audience.kind === 'units' && draft.audience.unitIds.length === 0) problems.push({ field: 'audience', key: 'surveys.editor.problems.noUnits' });
  if (draft.audience.kind === 'groups') {
    const ids = draft.audience.groups.map((g) => g.id);
    if (ids.length === 0) problems.push({ field: 'audience', key: 'surveys.editor.problems.noGroups' });
    else if (ids.some((id) => !GUID.test(id))) problems.push({ field: 'audience', key: 'surveys.editor.problems.groupId' });
  }
  const s = draft.schedule;
  const startsAt = s.start === 'now' ? now : new Date(s.at);
  if (s.start === 'at' && (Number.isNaN(startsAt.getTime()) || startsAt.getTime() < now.getTime() - 60_000)) problems.push({ field: 'schedule', key: 'surveys.editor.problems.startInPast' });
  if (!Number.isInteger(s.openDays) || s.openDays < 1 || s.openDays > 60) problems.push({ field: 'schedule', key: 'surveys.editor.problems.openDays' });
  // A round closes before the next one opens.
  else if (s.recurrence === 'week' && s.openDays > 7) problems.push({ field: 'schedule', key: 'surveys.editor.problems.openDaysWeek' });
  else if (s.recurrence === 'month' && s.openDays > 28) problems.push({ field: 'schedule', key: 'surveys.editor.problems.openDaysMonth' });
  if (s.remind && (!Number.isInteger(s.remindAfterDays) || s.remindAfterDays < 1 || s.remindAfterDays >= s.openDays)) problems.push({ field: 'schedule', key: 'surveys.editor.problems.remind' });
  if (s.recurrence !== 'once' && (!/^\d{4}-\d{2}-\d{2}$/.test(s.until) || new Date(`${s.until}T23:59:59`) < startsAt)) problems.push({ field: 'schedule', key: 'surveys.editor.problems.until' });
  return problems;
}

/** Moves the item at `from` to `to` (an up or down button). */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}
