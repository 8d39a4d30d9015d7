import { z } from 'zod';
import { MAX_QUESTIONS, type Answers, type AnswerValue, type Question, type SurveyDefinition } from '../core/survey.js';
import { VERBS } from './card-actions.js';

/**
 * How a survey's answers travel through a card. Each question's input is named `q.<question id>`;
 * Teams merges the inputs into the pressed button's data, next to the round id (and, in the one
 * question at a time mode, the step and the answers given so far). Nothing here is trusted: the
 * data comes back from the client and is read again with zod and the survey's own rules.
 */
const INPUT_PREFIX = 'q.';

/** The id of a question's input on a card. */
export const inputIdOf = (questionId: string) => `${INPUT_PREFIX}${questionId}`;

/** Keys of a survey button's data that are no answers. */
const RESERVED = new Set(['verb', 'roundId', 'step']);

const roundId = z.string().trim().min(1).max(100);

/** The survey buttons' data: the verb and the round are required; answers are read by rawAnswersOf. */
export const surveyActionSchema = z.discriminatedUnion('verb', [
  z.looseObject({ verb: z.literal(VERBS.surveyAnswer), roundId }),
  z.looseObject({ verb: z.literal(VERBS.surveyStep), roundId, step: z.number().int().min(0).max(MAX_QUESTIONS - 1) }),
  z.looseObject({ verb: z.literal(VERBS.surveyShow), roundId }),
]);
export type SurveyAction = z.infer<typeof surveyActionSchema>;

/**
 * The answers in a button's data, by question id, as parseAnswers reads them. A key that is not an
 * input of ours keeps a mark no question id can have, so it is refused as an unknown question and can
 * never pass for one. Built with fromEntries: a key such as "__proto__" stays a plain key.
 */
export function rawAnswersOf(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data)
      .filter(([key]) => !RESERVED.has(key))
      .map(([key, value]) => [key.startsWith(INPUT_PREFIX) ? key.slice(INPUT_PREFIX.length) : `?${key}`, value]),
  );
}

/** Answers given so far, as button data that travels to the next card (nothing is stored until the end). */
export function carry(answers: Answers, except?: string): Record<string, AnswerValue> {
  return Object.fromEntries(Object.entries(answers).filter(([id]) => id !== except).map(([id, value]) => [inputIdOf(id), value]));
}

/**
 * The survey with only its first `answeredUpTo` questions required: what answers carried between
 * the steps are checked against (the later questions have not been asked yet, but a value given
 * for them must still be a valid answer).
 */
export function requiredBefore(definition: SurveyDefinition, answeredUpTo: number): SurveyDefinition {
  return {
    ...definition,
    questions: definition.questions.map((question, index): Question => (index < answeredUpTo ? question : { ...question, required: false })),
  };
}
