import assert from 'node:assert/strict';
import { LOCALES } from '../../core/locale.js';
import { MAX_QUESTIONS, surveyDefinitionSchema, TEMPLATE_IDS, type LocalizedText, type SurveyTemplate } from '../../core/survey.js';
import { findTemplate, SURVEY_TEMPLATES } from '../../core/survey-templates/index.js';

/** Every text of a template a reader meets (description, title, intro, questions, options), with where it is. */
function textsOf(template: SurveyTemplate): Array<[string, LocalizedText]> {
  const { definition } = template;
  const texts: Array<[string, LocalizedText]> = [
    [`${template.id}.description`, template.description],
    [`${template.id}.title`, definition.title],
  ];
  if (definition.intro) texts.push([`${template.id}.intro`, definition.intro]);
  for (const question of definition.questions) {
    texts.push([`${template.id}.${question.id}`, question.text]);
    if (question.kind === 'single' || question.kind === 'multiple') {
      for (const option of question.options) texts.push([`${template.id}.${question.id}.${option.id}`, option.text]);
    }
  }
  return texts;
}

describe('shipped survey templates', () => {
  it('are the three the product promises, found by id', () => {
    assert.deepEqual(SURVEY_TEMPLATES.map((t) => t.id), [...TEMPLATE_IDS]);
    for (const id of TEMPLATE_IDS) assert.equal(findTemplate(id)?.id, id);
    assert.equal(findTemplate('employee-satisfaction'), undefined);
    assert.equal(findTemplate(''), undefined);
  });

  it('each pass the survey schema unchanged, with at most ten questions', () => {
    for (const template of SURVEY_TEMPLATES) {
      const parsed = surveyDefinitionSchema.safeParse(template.definition);
      assert.ok(parsed.success, `${template.id}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues)}`);
      // Nothing is left to defaults: what the admin reviews is what staff get.
      assert.deepEqual(parsed.data, template.definition, template.id);
      assert.ok(template.definition.questions.length <= MAX_QUESTIONS, template.id);
    }
  });

  it('keep their template, question and option ids (results and trends are keyed by them)', () => {
    const ids = SURVEY_TEMPLATES.map((t) => ({
      id: t.id,
      questions: t.definition.questions.map((q) => `${q.id}:${q.kind}${q.required ? '' : '?'}${'options' in q ? `[${q.options.map((o) => o.id).join(',')}]` : ''}`),
    }));
    assert.deepEqual(ids, [
      {
        id: 'digital-work-environment',
        questions: [
          'it-stress:likert',
          'interruptions:likert',
          'systems:likert',
          'training:likert',
          'support:likert',
          'involvement:likert',
          'information:likert',
          'information-channel:multiple[teams,viva-engage,email,intranet,leader,colleagues,paper,none]',
          'one-thing:text?',
        ],
      },
      { id: 'weekly-pulse', questions: ['workload:likert', 'tools:likert', 'information:likert', 'comment:text?'] },
      {
        id: 'onboarding-check',
        questions: ['training-in-time:likert', 'knows-help:likert', 'fits-tasks:likert', 'how-learned:single[course,colleague,guides,on-my-own,not-yet]', 'easier:text?'],
      },
    ]);
  });

  it('suggest how they are meant to run', () => {
    assert.deepEqual(
      SURVEY_TEMPLATES.map((t) => [t.id, t.suggested.recurrence, t.suggested.openDays]),
      [
        ['digital-work-environment', 'once', 14],
        ['weekly-pulse', 'weekly', 3],
        ['onboarding-check', 'once', 7],
      ],
    );
  });

  it('have every text in bokmål, nynorsk, Swedish and English, none empty or padded', () => {
    for (const template of SURVEY_TEMPLATES) {
      for (const [where, text] of textsOf(template)) {
        assert.deepEqual(Object.keys(text).sort(), [...LOCALES].sort(), where);
        for (const locale of LOCALES) {
          const value = text[locale];
          assert.ok(value.trim().length > 0, `${where}.${locale} is empty`);
          assert.equal(value, value.trim(), `${where}.${locale} has spaces at its ends`);
          assert.doesNotMatch(value, /\s{2}|TODO|\{\{/, `${where}.${locale}`);
        }
      }
    }
  });

  it('are translated, not copied: bokmål, Swedish and English differ everywhere, nynorsk nearly everywhere', () => {
    let texts = 0;
    let nynorskLikeBokmal = 0;
    for (const template of SURVEY_TEMPLATES) {
      for (const [where, { nb, nn, sv, en }] of textsOf(template)) {
        assert.notEqual(nb, sv, `${where}: nb = sv`);
        assert.notEqual(nb, en, `${where}: nb = en`);
        assert.notEqual(sv, en, `${where}: sv = en`);
        texts++;
        if (nn === nb) nynorskLikeBokmal++;
      }
    }
    // Nynorsk may share a word with bokmål ("Kurs eller opplæringsøkt", "E-post"), but a sentence never.
    assert.ok(nynorskLikeBokmal / texts < 0.2, `${nynorskLikeBokmal} of ${texts} nynorsk texts equal bokmål`);
    for (const template of SURVEY_TEMPLATES) {
      for (const question of template.definition.questions) assert.notEqual(question.text.nn, question.text.nb, `${template.id}.${question.id}: every question is written in nynorsk`);
    }
  });

  it('give each option of a question its own text in every language', () => {
    for (const template of SURVEY_TEMPLATES) {
      for (const question of template.definition.questions) {
        if (question.kind !== 'single' && question.kind !== 'multiple') continue;
        for (const locale of LOCALES) {
          const texts: string[] = question.options.map((o) => o.text[locale]);
          assert.equal(new Set(texts).size, texts.length, `${template.id}.${question.id}.${locale}`);
        }
      }
    }
  });

  it('state Likert items as statements in the first person or about my work, and ask the rest as questions', () => {
    for (const template of SURVEY_TEMPLATES) {
      for (const question of template.definition.questions) {
        const { en, sv } = question.text;
        if (question.kind === 'likert') {
          assert.match(en, /\.$/, `${template.id}.${question.id} is a statement`);
          assert.match(`${en} ${sv}`, /\b(I|me|my|Jag|mig|mitt|mina)\b/, `${template.id}.${question.id} speaks for the person answering`);
        } else {
          assert.match(en, /\?|\.$/, `${template.id}.${question.id}`);
        }
      }
    }
  });

  it('cannot be changed by a caller (they are shared by every tenant)', () => {
    const template = findTemplate('weekly-pulse')!;
    assert.equal(Reflect.set(template.definition.title, 'nb', 'Endret'), false);
    assert.equal(Reflect.set(template.definition.questions, 0, template.definition.questions[3]), false);
    assert.equal(Reflect.set(template.suggested, 'openDays', 30), false);
    assert.equal(template.definition.title.nb, 'Ukepuls');
  });
});
