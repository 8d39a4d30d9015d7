import type { TurnContext } from 'botbuilder';
import type { Locale } from '../../core/locale.js';
import { parseAnswers, type AnswerProblem } from '../../core/survey-answers.js';
import type { SurveyPrompt } from '../../core/survey-store.js';
import type { Answers, SurveyDefinition } from '../../core/survey.js';
import type { AdaptiveCard } from '../cards/adaptive-card.js';
import { surveyProblemsCard } from '../cards/survey-problems-card.js';
import { alreadyAnsweredCard, notInvitedCard, surveyClosedCard, unknownSurveyCard } from '../cards/survey-refusal-cards.js';
import { surveyThanksCard } from '../cards/survey-thanks-card.js';
import type { BotDeps } from '../chat.js';
import { requiredBefore } from '../survey-data.js';

/**
 * A person sends their answers (the whole card, or the last step). All of them are checked against
 * the survey before the store sees any: one bad value and nothing is stored. The store then decides,
 * in one transaction, whether they count (invited, not yet answered, round still open).
 */
export async function answerSurvey(
  context: TurnContext,
  deps: BotDeps,
  locale: Locale,
  input: { tenantId: string; prompt: SurveyPrompt; raw: Readonly<Record<string, unknown>> },
): Promise<AdaptiveCard> {
  const { tenantId, prompt, raw } = input;
  const { definition } = prompt;
  const parsed = parseAnswers(definition, raw);
  if (!parsed.ok) return refused(deps, locale, prompt, raw, parsed.problems);
  const aadObjectId = context.activity.from?.aadObjectId;
  // Without an Entra id nobody can tell whether the survey was sent to this person.
  if (!aadObjectId) return notInvitedCard(definition, locale);
  const outcome = await deps.surveys.recordAnswers({ tenantId, roundId: prompt.roundId, aadObjectId, answers: parsed.answers, now: deps.now() });
  switch (outcome.status) {
    case 'recorded':
      return surveyThanksCard(definition, parsed.answers, locale, deps);
    case 'already_answered':
      return alreadyAnsweredCard(definition, locale);
    case 'closed':
      return surveyClosedCard(definition, outcome.closedOn, locale);
    case 'not_invited':
      return notInvitedCard(definition, locale);
    case 'unknown_round':
      return unknownSurveyCard(locale);
  }
}

/** The card for answers that cannot be used, keeping the valid ones for "Answer again". Logs the problem kinds only. */
export function refused(deps: BotDeps, locale: Locale, prompt: SurveyPrompt, raw: Readonly<Record<string, unknown>>, problems: readonly AnswerProblem[]): AdaptiveCard {
  deps.logger.warn({ problems: [...new Set(problems.map((p) => p.code))] }, 'Refused survey answers that do not fit the survey');
  return surveyProblemsCard({ definition: prompt.definition, roundId: prompt.roundId, problems, valid: validAnswers(prompt.definition, raw, problems) }, locale);
}

/** The answers among `raw` that had no problem, as parsed values. */
function validAnswers(definition: SurveyDefinition, raw: Readonly<Record<string, unknown>>, problems: readonly AnswerProblem[]): Answers {
  const bad = new Set(problems.map((p) => p.questionId));
  const fine = Object.fromEntries(definition.questions.filter((q) => !bad.has(q.id) && q.id in raw).map((q) => [q.id, raw[q.id]]));
  const parsed = parseAnswers(requiredBefore(definition, 0), fine);
  return parsed.ok ? parsed.answers : {};
}
