import { z } from 'zod';
import { LOCALES, type Locale } from './locale.js';

/** The kinds of question a pulse survey can ask. */
export const QUESTION_KINDS = ['likert', 'single', 'multiple', 'enps', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A pulse survey stays short: staff answer it on a phone between two tasks. */
export const MAX_QUESTIONS = 10;
/** Free-text answers are capped so a card stays readable and nobody pastes a document. */
export const MAX_TEXT_ANSWER = 1000;
/** Likert questions are five points: 1 (strongly disagree) to 5 (strongly agree). */
export const LIKERT_VALUES = [1, 2, 3, 4, 5] as const;
/** eNPS: 0–10, promoters 9–10, detractors 0–6. */
export const ENPS_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `missing: write it in each of ${LOCALES.join(', ')}` : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `at most ${max} characters`);

/** A text in every language Digipuls speaks; a survey reaches staff in theirs. */
export const localizedTextSchema = (max = 300) =>
  z.strictObject(Object.fromEntries(LOCALES.map((locale) => [locale, text(max)])) as Record<Locale, ReturnType<typeof text>>);
export type LocalizedText = Record<Locale, string>;

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'ids are lower-case letters, digits and hyphens (at most 40)');

const optionSchema = z.strictObject({ id, text: localizedTextSchema(120) });

const base = { id, text: localizedTextSchema(300), required: z.boolean().default(true) };
const optionsSchema = z.array(optionSchema).min(2, 'a choice question has at least 2 options').max(8, 'a choice question has at most 8 options');

export const questionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...base, kind: z.literal('likert') }),
  z.strictObject({ ...base, kind: z.literal('enps') }),
  z.strictObject({ ...base, kind: z.literal('single'), options: optionsSchema }),
  z.strictObject({ ...base, kind: z.literal('multiple'), options: optionsSchema }),
  z.strictObject({ ...base, kind: z.literal('text'), maxLength: z.number().int().min(10).max(MAX_TEXT_ANSWER).default(500) }),
]);
export type Question = z.infer<typeof questionSchema>;
export type ChoiceQuestion = Extract<Question, { kind: 'single' | 'multiple' }>;

/** What a survey asks: its title, an optional introduction and 1–10 questions, all in nb, nn, sv and en. */
export const surveyDefinitionSchema = z
  .strictObject({
    title: localizedTextSchema(120),
    intro: localizedTextSchema(600).optional(),
    questions: z.array(questionSchema).min(1, 'a survey asks at least one question').max(MAX_QUESTIONS, `a survey asks at most ${MAX_QUESTIONS} questions`),
  })
  .superRefine((survey, ctx) => {
    const seen = new Set<string>();
    survey.questions.forEach((question, index) => {
      if (seen.has(question.id)) ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: `question id ${question.id} is used twice` });
      seen.add(question.id);
      if (question.kind === 'single' || question.kind === 'multiple') {
        const options = new Set(question.options.map((o) => o.id));
        if (options.size !== question.options.length) ctx.addIssue({ code: 'custom', path: ['questions', index, 'options'], message: 'option ids must differ' });
      }
    });
  });
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;

/** One person's answer to one question: a scale point, an option id, option ids, or text. */
export type AnswerValue = number | string | string[];
/** A person's answers, by question id; optional questions they skipped are absent. */
export type Answers = Record<string, AnswerValue>;

/** The surveys shipped with Digipuls (see survey-templates/). */
export const TEMPLATE_IDS = ['digital-work-environment', 'weekly-pulse', 'onboarding-check'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export interface SurveyTemplate {
  id: TemplateId;
  /** What the template is for, for the admin who picks it. */
  description: LocalizedText;
  /** How it is meant to run: once, weekly or monthly; how many days each round stays open. */
  suggested: { recurrence: 'once' | 'weekly' | 'monthly'; openDays: number };
  definition: SurveyDefinition;
}

/** The text of a localized text in a locale. */
export function inLocale(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
