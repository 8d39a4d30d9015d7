import { z } from 'zod';
import { ACKNOWLEDGE_VERB } from '../core/announcement.js';
import { LOCALES } from '../core/locale.js';
import { NUDGE_FEEDBACK_VERB, NUDGE_STOP_VERB, TIP_FEEDBACK } from '../core/nudge-tips.js';

/** The verbs of Digipuls' card buttons. */
export const VERBS = {
  showLanguages: 'digipuls.showLanguages',
  setLanguage: 'digipuls.setLanguage',
  showPrivacy: 'digipuls.showPrivacy',
  showWelcome: 'digipuls.showWelcome',
  /** Send a survey's answers (the whole card, or the last step of the one-at-a-time mode). */
  surveyAnswer: 'digipuls.survey.answer',
  /** Show one question of a survey, with the answers given so far. */
  surveyStep: 'digipuls.survey.step',
  /** Show a survey's card with all questions again (after the privacy notice or a refused answer). */
  surveyShow: 'digipuls.survey.show',
  /** "Acknowledge" on an announcement that asks for it; the data carries only the announcement id. */
  acknowledge: ACKNOWLEDGE_VERB,
  /** "This helped" / "Not for me" under a usage tip; the data carries the nudge's id and the answer. */
  nudgeFeedback: NUDGE_FEEDBACK_VERB,
  /** "No more tips" on a usage tip: the same as writing «stopp». */
  nudgeStop: NUDGE_STOP_VERB,
  /** "Turn off the digest" on a unit lead's weekly digest: the same as writing «sammendrag av». */
  digestOff: 'digipuls.digest.off',
} as const;

/** The survey verbs; their data (round, step, answers) is read in survey-data.ts. */
export const SURVEY_VERBS = [VERBS.surveyAnswer, VERBS.surveyStep, VERBS.surveyShow] as const;

/** A card action, from an Action.Execute invoke or an Action.Submit fallback; anything else is refused. */
export const cardActionSchema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(VERBS.showLanguages) }),
  // From a survey card, the notice offers a way back to that survey.
  z.object({ verb: z.literal(VERBS.showPrivacy), roundId: z.string().trim().min(1).max(100).optional() }),
  z.object({ verb: z.literal(VERBS.showWelcome) }),
  z.object({ verb: z.literal(VERBS.setLanguage), locale: z.enum(LOCALES) }),
  // Strict: the card has no inputs, so anything besides the id was not put there by Digipuls.
  z.strictObject({ verb: z.literal(VERBS.acknowledge), announcementId: z.uuid() }),
  z.strictObject({ verb: z.literal(VERBS.nudgeFeedback), nudgeId: z.uuid(), feedback: z.enum(TIP_FEEDBACK) }),
  z.strictObject({ verb: z.literal(VERBS.nudgeStop), nudgeId: z.uuid() }),
  // Strict and empty: it only ever turns off the presser's own digest.
  z.strictObject({ verb: z.literal(VERBS.digestOff) }),
  // Kept whole (the answers are keyed by input id); handlers/survey-*.ts parse it with surveyActionSchema.
  z.looseObject({ verb: z.enum(SURVEY_VERBS) }),
]);
/** A card action Digipuls performs. */
export type CardAction = z.infer<typeof cardActionSchema>;

/** The `value` of an `adaptiveCard/action` invoke (Universal Actions). */
export const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Reads an invoke value as a card action; undefined when it is not one we know. */
export function actionFromInvoke(value: unknown): CardAction | undefined {
  const invoke = invokeValueSchema.safeParse(value);
  if (!invoke.success) return undefined;
  const action = cardActionSchema.safeParse({ ...invoke.data.action.data, verb: invoke.data.action.verb });
  return action.success ? action.data : undefined;
}

/** Reads an Action.Submit fallback (a message whose value carries the verb). */
export function actionFromSubmit(value: unknown): CardAction | undefined {
  const action = cardActionSchema.safeParse(value);
  return action.success ? action.data : undefined;
}
