import type { Locale } from '../../core/locale.js';
import { ENPS_VALUES, LIKERT_VALUES, type AnswerValue, type Question } from '../../core/survey.js';
import { botText } from '../i18n.js';
import { inputIdOf } from '../survey-data.js';
import type { CardElement } from './adaptive-card.js';

/**
 * A question as a card input. The question text is the input's label (so screen readers read it with
 * the choices); required questions carry isRequired, which Teams marks with * and checks before the
 * card is sent, with the error message in the person's language. `value` pre-fills an earlier answer.
 */
export function questionInput(question: Question, number: number, locale: Locale, value?: AnswerValue): CardElement {
  const t = botText(locale);
  const label = `${number}. ${question.text[locale]}${question.required ? '' : ` ${t('survey.optional')}`}`;
  const common = {
    id: inputIdOf(question.id),
    label,
    isRequired: question.required,
    ...(question.required ? { errorMessage: t('survey.required') } : {}),
    spacing: 'Large',
    ...(value === undefined ? {} : { value: Array.isArray(value) ? value.join(',') : String(value) }),
  };
  switch (question.kind) {
    case 'likert':
    case 'enps':
    case 'single':
    case 'multiple':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        // Expanded: radio buttons and check boxes are easier to hit on a phone than a drop-down.
        style: 'expanded',
        wrap: true,
        ...(question.kind === 'multiple' ? { isMultiSelect: true } : {}),
        choices: choicesOf(question, locale),
      };
    case 'text':
      return {
        type: 'Input.Text',
        ...common,
        isMultiline: true,
        maxLength: question.maxLength,
        placeholder: t('survey.textPlaceholder', { max: question.maxLength }),
      };
  }
}

/** The choices of a question, with the texts staff read and the values the card sends back. */
export function choicesOf(question: Question, locale: Locale): Array<{ title: string; value: string }> {
  const t = botText(locale);
  switch (question.kind) {
    case 'likert':
      return LIKERT_VALUES.map((v) => ({ title: t(`survey.likert.${v}`), value: String(v) }));
    case 'enps':
      return ENPS_VALUES.map((v) => ({
        title: v === 0 ? t('survey.enps.low') : v === 10 ? t('survey.enps.high') : String(v),
        value: String(v),
      }));
    case 'single':
    case 'multiple':
      return question.options.map((o) => ({ title: o.text[locale], value: o.id }));
    case 'text':
      return [];
  }
}

/** An answer as the person reads it back: the scale point with its words, the option texts, or their text. */
export function answerText(question: Question, value: AnswerValue, locale: Locale): string {
  if (question.kind === 'text') return String(value);
  const titles = new Map(choicesOf(question, locale).map((c) => [c.value, c.title]));
  const values = Array.isArray(value) ? value : [String(value)];
  return values.map((v) => titles.get(v) ?? v).join(', ');
}
