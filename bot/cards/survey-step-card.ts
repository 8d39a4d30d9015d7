import type { Locale } from '../../core/locale.js';
import type { Answers } from '../../core/survey.js';
import type { SurveyPrompt } from '../../core/survey-store.js';
import { VERBS } from '../card-actions.js';
import { formatDay } from '../format-date.js';
import { botText } from '../i18n.js';
import { carry } from '../survey-data.js';
import { adaptiveCard, executeAction, paragraph, subheading, type AdaptiveCard } from './adaptive-card.js';
import { reminderBanner } from './survey-card.js';
import { questionInput } from './survey-questions.js';

/**
 * One question of a survey, for a phone: Back and Next, and Send on the last one. The answers given
 * so far travel in the buttons' data, so nothing is stored before the person sends them all; the last
 * step sends them exactly as the full card does, through the same checks.
 */
export function surveyStepCard(prompt: SurveyPrompt, locale: Locale, step: number, answers: Answers): AdaptiveCard {
  const t = botText(locale);
  const { definition, roundId } = prompt;
  const total = definition.questions.length;
  const question = definition.questions[step]!;
  const last = step === total - 1;
  // The current question's answer comes from its input; Back sends no inputs, so it carries it along.
  const others = carry(answers, question.id);
  return adaptiveCard(
    locale,
    [
      ...(prompt.reminder && step === 0 ? [reminderBanner(t('survey.reminder'))] : []),
      subheading(definition.title[locale]),
      {
        ...paragraph(`${t('surveyStep.progress', { number: step + 1, total })} · ${t('survey.closesOn', { date: formatDay(prompt.closesOn, locale) })}`),
        isSubtle: true,
        spacing: 'Small',
      },
      questionInput(question, step + 1, locale, answers[question.id]),
    ],
    [
      last
        ? executeAction(t('survey.send'), VERBS.surveyAnswer, { roundId, ...others }, { style: 'positive' })
        : executeAction(t('surveyStep.next'), VERBS.surveyStep, { roundId, step: step + 1, ...others }, { style: 'positive' }),
      ...(step > 0 ? [executeAction(t('surveyStep.back'), VERBS.surveyStep, { roundId, step: step - 1, ...carry(answers) }, { inputs: 'none' })] : []),
      executeAction(t('surveyStep.all'), VERBS.surveyShow, { roundId, ...carry(answers) }, { inputs: 'none' }),
    ],
  );
}
