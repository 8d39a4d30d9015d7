import { LOCALES, type Locale } from '../core/locale.js';
import type { Question } from '../core/survey.js';
import { SURVEY_TEMPLATES } from '../core/survey-templates/index.js';

const KIND_LABELS: Record<Question['kind'], string> = {
  likert: 'Likert 1–5',
  enps: 'eNPS 0–10',
  single: 'single choice',
  multiple: 'multiple choice',
  text: 'free text',
};

/**
 * `digipuls survey templates`: the shipped templates with every question in nb, nn, sv and en, for
 * admins who review them with the works council before use. JSON is the templates exactly as Digipuls
 * uses them; text lists them in the chosen languages (all four by default).
 */
export function surveyTemplatesCommand(options: { json?: boolean; locale?: Locale }): string {
  if (options.json) return JSON.stringify({ templates: SURVEY_TEMPLATES }, null, 2);
  const locales = options.locale ? [options.locale] : LOCALES;
  const lines: string[] = [];
  for (const template of SURVEY_TEMPLATES) {
    const { recurrence, openDays } = template.suggested;
    lines.push(`${template.id} (${recurrence}, open ${openDays} days, ${template.definition.questions.length} questions)`);
    for (const locale of locales) lines.push(`  [${locale}] ${template.definition.title[locale]}: ${template.description[locale]}`);
    for (const [i, question] of template.definition.questions.entries()) {
      lines.push(`  ${i + 1}. ${question.id} — ${KIND_LABELS[question.kind]}${question.required ? '' : ', optional'}`);
      for (const locale of locales) {
        lines.push(`     [${locale}] ${question.text[locale]}`);
        if ('options' in question) for (const option of question.options) lines.push(`           - ${option.id}: ${option.text[locale]}`);
      }
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
