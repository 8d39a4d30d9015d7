import type { TurnContext } from 'botbuilder';
import { parseAnswers } from '../../core/survey-answers.js';
import type { SurveyPrompt } from '../../core/survey-store.js';
import { VERBS } from '../card-actions.js';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { surveyForm } from '../cards/survey-card.js';
import { damagedSurveyCard, surveyClosedCard, unknownSurveyCard } from '../cards/survey-refusal-cards.js';
import { surveyStepCard } from '../cards/survey-step-card.js';
import { localeOf, type BotDeps } from '../chat.js';
import { rawAnswersOf, requiredBefore, surveyActionSchema } from '../survey-data.js';
import { tenantOf } from '../tenant-guard.js';
import { answerSurvey, refused } from './survey-answer.js';

/**
 * A survey button: send the answers, show one question (phone mode), or show the whole survey again.
 * The data is read at the edge (zod), the round looked up in the person's tenant, and every answer
 * checked with the survey's own rules before anything happens; what cannot be used gets a card that
 * says why, and nothing is stored. Answers are never logged, nor who pressed which survey.
 */
export async function performSurveyAction(context: TurnContext, deps: BotDeps, data: Readonly<Record<string, unknown>>): Promise<AdaptiveCard> {
  const locale = await localeOf(context, deps);
  const parsed = surveyActionSchema.safeParse(data);
  if (!parsed.success) {
    deps.logger.warn('Refused survey card data without a usable round or step');
    return damagedSurveyCard(locale);
  }
  const action = parsed.data;
  const tenantId = tenantOf(context.activity);
  const found = tenantId ? await deps.surveys.findRound(tenantId, action.roundId) : undefined;
  if (!tenantId || !found) {
    deps.logger.warn('Refused a survey card for a round this tenant does not have');
    return unknownSurveyCard(locale);
  }
  const { definition } = found.survey;
  const prompt: SurveyPrompt = { surveyId: found.survey.id, roundId: found.round.id, definition, closesOn: found.closesOn, reminder: false };
  const raw = rawAnswersOf(action);
  if (action.verb === VERBS.surveyAnswer) {
    return answerSurvey(context, deps, locale, { tenantId, prompt, raw });
  }
  // Showing questions again is no use once the round has closed: say so now, not after the last step.
  if (found.round.closedAt !== null || deps.now() >= found.round.closesAt) return surveyClosedCard(definition, found.closesOn, locale);
  if (action.verb === VERBS.surveyStep) {
    if (action.step >= definition.questions.length) {
      deps.logger.warn('Refused a survey step beyond the last question');
      return damagedSurveyCard(locale);
    }
    // The questions before this step were answered on the way here (and required ones must be).
    const sofar = parseAnswers(requiredBefore(definition, action.step), raw);
    if (!sofar.ok) return refused(deps, locale, prompt, raw, sofar.problems);
    return surveyStepCard(prompt, locale, action.step, sofar.answers);
  }
  const given = parseAnswers(requiredBefore(definition, 0), raw);
  if (!given.ok) return refused(deps, locale, prompt, raw, given.problems);
  return surveyForm(prompt, locale, given.answers);
}
