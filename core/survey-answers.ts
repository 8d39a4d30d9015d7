import { ENPS_VALUES, LIKERT_VALUES, type Answers, type AnswerValue, type Question, type SurveyDefinition } from './survey.js';

/** Why an answer was refused; the bot turns each into a localized line on the error card. */
export type AnswerProblemCode = 'required' | 'out_of_range' | 'unknown_option' | 'too_long' | 'wrong_type' | 'unknown_question';

export interface AnswerProblem {
  questionId: string;
  code: AnswerProblemCode;
}

export type ParsedAnswers = { ok: true; answers: Answers } | { ok: false; problems: AnswerProblem[] };

/**
 * Reads what a card submitted (question id → raw value) against the survey's questions. Adaptive Card
 * inputs arrive as strings ("4", "a,b"); a tampered or stale card may send anything, so every value is
 * checked for its kind, range and options, and a key that is no question of this survey refuses the
 * whole submission: nothing is stored unless all of it is valid.
 */
export function parseAnswers(definition: SurveyDefinition, raw: Readonly<Record<string, unknown>>): ParsedAnswers {
  const problems: AnswerProblem[] = [];
  const answers: Answers = {};
  const known = new Set(definition.questions.map((q) => q.id));
  for (const key of Object.keys(raw)) if (!known.has(key)) problems.push({ questionId: key.slice(0, 60), code: 'unknown_question' });
  for (const question of definition.questions) {
    const value = raw[question.id];
    if (isEmpty(value)) {
      if (question.required) problems.push({ questionId: question.id, code: 'required' });
      continue;
    }
    const read = readAnswer(question, value);
    if (typeof read === 'string') problems.push({ questionId: question.id, code: read });
    else answers[question.id] = read.value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

function readAnswer(question: Question, value: unknown): { value: AnswerValue } | AnswerProblemCode {
  switch (question.kind) {
    case 'likert':
      return readScale(value, LIKERT_VALUES);
    case 'enps':
      return readScale(value, ENPS_VALUES);
    case 'single': {
      if (typeof value !== 'string') return 'wrong_type';
      return question.options.some((o) => o.id === value) ? { value } : 'unknown_option';
    }
    case 'multiple': {
      const ids = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
      if (!ids || !ids.every((v): v is string => typeof v === 'string')) return 'wrong_type';
      const chosen = [...new Set(ids.map((v) => v.trim()).filter(Boolean))];
      if (!chosen.every((v) => question.options.some((o) => o.id === v))) return 'unknown_option';
      // Stored in the survey's option order, so two equal answers look alike whatever the client sent.
      return { value: question.options.map((o) => o.id).filter((o) => chosen.includes(o)) };
    }
    case 'text': {
      if (typeof value !== 'string') return 'wrong_type';
      const text = value.trim();
      return text.length > question.maxLength ? 'too_long' : { value: text };
    }
  }
}

function readScale(value: unknown, scale: readonly number[]): { value: number } | AnswerProblemCode {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : undefined;
  if (number === undefined) return 'wrong_type';
  return scale.includes(number) ? { value: number } : 'out_of_range';
}
