import { Body1, Button, Caption1, Link, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../i18n';
import { hashOf } from '../../routes';
import { useSession } from '../../session';
import { draftFromTemplate, emptyDraft, moved, newQuestion, problemsOf, toAudience, toDefinition, toSchedule, type Draft, type DraftProblem, type Translate } from '../../surveys/draft';
import { useAction } from '../../surveys/hooks';
import { surveysPath } from '../../surveys/queries';
import { useLocalized } from '../../surveys/text';
import { MAX_QUESTIONS, type SurveySummary } from '../../surveys/types';
import { AudiencePicker } from './AudiencePicker';
import { CardPreview } from './CardPreview';
import { LocalizedField } from './LocalizedField';
import { ProblemBar } from './ProblemBar';
import { QuestionEditor } from './QuestionEditor';
import { SchedulePicker } from './SchedulePicker';
import { TemplatePicker } from './TemplatePicker';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0, maxWidth: '48rem', '& h1, & p': { margin: 0 } },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  questions: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground2 },
  submit: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  summary: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * A new survey: from a template or from scratch, its questions in four languages, who gets it, when, a
 * preview of the card as staff get it, then create. The form's own checks and the API's answer show
 * above the button, with links to the fields concerned.
 */
export function SurveyEditor(props: { onCreated: (survey: SurveySummary) => void }) {
  const { t, i18n } = useTranslation();
  const { api, me } = useSession();
  const { locale } = useLocalized();
  const styles = useStyles();
  const translate: Translate = (l: Locale, key, values) => i18n.getFixedT(l)(key, values ?? {}) as string;
  const [start, setStart] = useState<Draft['templateId'] | 'scratch' | null>(null);
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(translate));
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const action = useAction();
  const managesAll = me.roles.includes('Communicator') || me.roles.includes('AdoptionAdmin');
  const ownUnitIds = me.units.map((u) => u.id);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  const pickStart = (choice: Parameters<Parameters<typeof TemplatePicker>[0]['onPick']>[0]) => {
    const next = choice === 'scratch' ? emptyDraft(translate) : draftFromTemplate(choice);
    setStart(choice === 'scratch' ? 'scratch' : choice.id);
    // Who gets it stays as chosen; a unit lead starts with their own unit.
    setDraft({ ...next, audience: managesAll ? draft.audience : { kind: 'units', unitIds: draft.audience.unitIds.length ? draft.audience.unitIds : ownUnitIds, groups: [] } });
    setProblems([]);
  };

  const submit = async () => {
    const found = problemsOf(draft);
    setProblems(found);
    if (found.length > 0) {
      focusLater('survey-form-problems');
      return;
    }
    const body = { ...(draft.templateId ? { templateId: draft.templateId } : {}), definition: toDefinition(draft, locale), audience: toAudience(draft), schedule: toSchedule(draft) };
    const created = await action.run(() => api.post<SurveySummary>(surveysPath, body));
    if (created) props.onCreated(created);
    else focusLater('survey-form-api-problem');
  };

  const fieldProblem = (field: string) => problems.find((p) => p.field === field);
  const message = (p: DraftProblem | undefined) => (p ? t(p.key, p.values ?? {}) : undefined);

  return (
    <form className={styles.form} noValidate onSubmit={(event) => { event.preventDefault(); void submit(); }} aria-labelledby="survey-editor-heading" data-testid="survey-editor">
      <Link href={hashOf('surveys')}>{t('surveys.back')}</Link>
      <Title2 as="h1" id="survey-editor-heading">{t('surveys.editor.heading')}</Title2>
      <Body1 as="p">{t('surveys.editor.intro')}</Body1>

      <section className={styles.section} aria-labelledby="survey-editor-start">
        <Subtitle1 as="h2" id="survey-editor-start">{t('surveys.editor.start')}</Subtitle1>
        <TemplatePicker value={start} onPick={pickStart} labelledBy="survey-editor-start" />
      </section>

      {start && (
        <>
          <section className={styles.section} aria-labelledby="survey-editor-content">
            <Subtitle1 as="h2" id="survey-editor-content">{t('surveys.editor.content')}</Subtitle1>
            <LocalizedField id="field-title" label={t('surveys.editor.title')} value={draft.title} onChange={(title) => set({ title })} primary={locale} required maxLength={120} validation={message(fieldProblem('title'))} />
            <LocalizedField label={t('surveys.editor.introField')} value={draft.intro} onChange={(intro) => set({ intro })} primary={locale} multiline maxLength={600} />
            <ol className={styles.questions} aria-label={t('surveys.editor.questions')}>
              {draft.questions.map((question, index) => (
                <li key={question.key}>
                  <QuestionEditor
                    question={question}
                    index={index}
                    count={draft.questions.length}
                    primary={locale}
                    translate={translate}
                    problem={message(fieldProblem(`question-${question.key}`))}
                    onChange={(next) => set({ questions: draft.questions.map((q) => (q.key === question.key ? next : q)) })}
                    onMove={(to) => {
                      set({ questions: moved(draft.questions, index, to) });
                      focusLater(`question-${question.key}`);
                    }}
                    onRemove={() => {
                      const rest = draft.questions.filter((q) => q.key !== question.key);
                      set({ questions: rest });
                      const neighbour = rest[Math.max(0, index - 1)];
                      if (neighbour) focusLater(`question-${neighbour.key}`);
                    }}
                  />
                </li>
              ))}
            </ol>
            <div className={styles.add}>
              <Button
                disabled={draft.questions.length >= MAX_QUESTIONS}
                onClick={() => {
                  const added = newQuestion('likert', translate, draft.questions);
                  set({ questions: [...draft.questions, added] });
                  focusLater(`question-${added.key}`);
                }}
              >
                {t('surveys.editor.addQuestion')}
              </Button>
              <Caption1 className={styles.note}>{t('surveys.editor.questionCount', { count: draft.questions.length, max: MAX_QUESTIONS })}</Caption1>
            </div>
          </section>

          <section className={styles.section} aria-labelledby="survey-editor-audience" id="field-audience" tabIndex={-1}>
            <Subtitle1 as="h2" id="survey-editor-audience">{t('surveys.editor.audience')}</Subtitle1>
            <AudiencePicker value={draft.audience} onChange={(audience) => set({ audience })} ownUnitsOnly={!managesAll} ownUnitIds={ownUnitIds} problem={message(fieldProblem('audience'))} />
          </section>

          <section className={styles.section} aria-labelledby="survey-editor-schedule" id="field-schedule" tabIndex={-1}>
            <Subtitle1 as="h2" id="survey-editor-schedule">{t('surveys.editor.schedule')}</Subtitle1>
            <SchedulePicker value={draft.schedule} onChange={(schedule) => set({ schedule })} />
          </section>

          <section className={styles.section} aria-labelledby="survey-editor-preview">
            <Subtitle1 as="h2" id="survey-editor-preview">{t('surveys.editor.preview')}</Subtitle1>
            <CardPreview definition={() => toDefinition(draft, locale)} locale={locale} />
          </section>

          {problems.length > 0 && (
            <div id="survey-form-problems" tabIndex={-1} data-testid="form-problems">
              <MessageBar intent="error" layout="multiline" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>{t('surveys.editor.problems.heading', { count: problems.length })}</MessageBarTitle>
                  <ul className={styles.summary}>
                    {problems.map((p, i) => (
                      <li key={i}>
                        <Link href="#" onClick={(event) => { event.preventDefault(); document.getElementById(p.field === 'title' ? 'field-title' : p.field.startsWith('question-') ? p.field : `field-${p.field}`)?.focus(); }}>
                          {t(p.key, p.values ?? {})}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            </div>
          )}
          <div id="survey-form-api-problem" tabIndex={-1}>
            <ProblemBar error={action.error} title={t('surveys.editor.failed')} testId="create-problem" />
          </div>
          <div className={styles.submit}>
            <Button type="submit" appearance="primary" disabledFocusable={action.busy}>
              {action.busy ? t('surveys.editor.creating') : draft.schedule.start === 'now' ? t('surveys.editor.createNow') : t('surveys.editor.createLater')}
            </Button>
            <Link href={hashOf('surveys')}>{t('surveys.editor.cancel')}</Link>
          </div>
        </>
      )}
    </form>
  );
}
