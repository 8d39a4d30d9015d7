import type { AnswerProblem } from '../../core/survey-answers.js';
import type { Locale } from '../../core/locale.js';
import type { Answers, SurveyDefinition } from '../../core/survey.js';
import { VERBS } from '../card-actions.js';
import { botText } from '../i18n.js';
import { carry } from '../survey-data.js';
import { adaptiveCard, executeAction, heading, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/**
 * Answers that could not be used: nothing was stored, and each problem is named next to its question
 * in the person's language. "Answer again" brings the survey back with the valid answers filled in.
 */
export function surveyProblemsCard(
  input: { definition: SurveyDefinition; roundId: string; problems: readonly AnswerProblem[]; valid: Answers },
  locale: Locale,
): AdaptiveCard {
  const t = botText(locale);
  const { definition, roundId, problems, valid } = input;
  const lines: CardElement[] = [];
  definition.questions.forEach((question, index) => {
    const problem = problems.find((p) => p.questionId === question.id);
    if (!problem) return;
    lines.push(
      { type: 'TextBlock', text: t('surveyProblems.question', { number: index + 1, text: question.text[locale] }), wrap: true, weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: t(`surveyProblems.${problem.code}`, { max: question.kind === 'text' ? question.maxLength : undefined }), wrap: true, color: 'Attention', spacing: 'None' },
    );
  });
  // Keys that are no question of this survey (a stale or tampered card): one line says it, whatever they were.
  if (problems.some((p) => p.code === 'unknown_question')) {
    lines.push(
      { type: 'TextBlock', text: t('surveyProblems.unknownQuestion'), wrap: true, weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: t('surveyProblems.unknown_question'), wrap: true, color: 'Attention', spacing: 'None' },
    );
  }
  return adaptiveCard(
    locale,
    [{ ...heading(t('surveyProblems.title')), color: 'Attention' }, paragraph(t('surveyProblems.intro')), ...lines],
    [executeAction(t('surveyProblems.retry'), VERBS.surveyShow, { roundId, ...carry(valid) }, { style: 'positive' })],
  );
}
