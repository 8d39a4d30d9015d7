import { Body1, Caption1, Field, Link, makeStyles, Select, Spinner, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../adoption/use-load';
import { hashOf } from '../../routes';
import { useSession } from '../../session';
import { useSurveyFormat } from '../../surveys/format';
import { useResults } from '../../surveys/hooks';
import { hasRound } from '../../surveys/results';
import { exportPath, surveyPath } from '../../surveys/queries';
import { useLocalized } from '../../surveys/text';
import type { SurveySummary } from '../../surveys/types';
import { ExportButton } from '../adoption/ExportButton';
import { CloseSurveyButton } from './CloseSurveyButton';
import { LoadProblem } from './LoadProblem';
import { RoundResults, subjectsOf } from './RoundResults';
import { StatusBadge } from './StatusBadge';
import { SurveyFacts } from './SurveyFacts';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, '& h1': { margin: 0, overflowWrap: 'anywhere' } },
  titleRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalM },
  // A long option (a unit's whole path, a question) must not widen the page on a phone.
  field: { flex: '1 1 14rem', minWidth: 0, maxWidth: '32rem' },
  select: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  stale: { opacity: 0.6 },
});

/**
 * One survey: its facts, the round and group chosen, and the results. Read-only people (safety
 * representatives) get the same figures without the buttons that change anything.
 */
export function SurveyResultsView(props: { surveyId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useSession();
  const format = useSurveyFormat();
  const { pick, locale } = useLocalized();
  const [version, setVersion] = useState(0);
  const [roundId, setRoundId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null | undefined>(undefined);
  const survey = useLoad(`${props.surveyId}|${version}`, () => api.get<SurveySummary>(surveyPath(props.surveyId)));
  const known = survey.kind === 'ready' ? survey.data : survey.kind === 'loading' ? survey.previous : undefined;
  // Judged on the last answer while reloading, so the results (and a form being used) stay in place.
  const hasRounds = (known?.rounds.length ?? 0) > 0;
  const results = useResults(props.surveyId, roundId, version, hasRounds);
  const reload = () => setVersion((v) => v + 1);

  if (survey.kind === 'failed') return <LoadProblem error={survey.error} onRetry={survey.retry} what="survey" />;
  const summary = known;
  if (!summary) return <Spinner label={t('surveys.loading')} />;

  const loaded = results.kind === 'ready' ? results.data : results.kind === 'loading' ? results.previous : undefined;
  const shown = hasRound(loaded) ? loaded : undefined;
  const subjects = shown ? subjectsOf(shown, t('adoption.municipality'), format.unitPath) : [];
  const subject = subjects.find((s) => s.unitId === unitId) ?? subjects.find((s) => s.unitId === shown?.scopeUnitId) ?? subjects[0];
  const readOnly = props.readOnly || Boolean(shown?.readOnly);
  const title = pick(summary.title);

  return (
    <div className={styles.view}>
      <div className={styles.head}>
        <Link href={hashOf('surveys')}>{t('surveys.back')}</Link>
        <div className={styles.titleRow}>
          <Title2 as="h1">{title}</Title2>
          <StatusBadge survey={summary} />
        </div>
        <SurveyFacts survey={summary} />
        {readOnly && <Caption1 data-testid="read-only">{t('surveys.readOnly')}</Caption1>}
        {summary.canManage && !readOnly && summary.status !== 'ended' && (
          <div className={styles.actions} data-print="hide">
            <CloseSurveyButton survey={summary} onClosed={reload} />
          </div>
        )}
      </div>

      {!hasRounds ? (
        <Body1 as="p">{summary.status === 'ended' ? t('surveys.results.neverOpened') : t('surveys.results.notYet', { date: format.moment(summary.schedule.startsAt) })}</Body1>
      ) : (
        <>
          <div className={styles.bar}>
            <Field label={t('surveys.results.round')} className={styles.field}>
              <Select className={styles.select} value={roundId ?? shown?.round.id ?? ''} onChange={(_, data) => setRoundId(data.value)}>
                {[...summary.rounds].reverse().map((round) => (
                  <option key={round.id} value={round.id}>{format.round(round)}</option>
                ))}
              </Select>
            </Field>
            {subjects.length > 1 && (
              <Field label={t('surveys.results.showFor')} className={styles.field}>
                <Select className={styles.select} value={subject?.unitId ?? ''} onChange={(_, data) => setUnitId(data.value || null)} data-testid="subject-select">
                  {subjects.map((s) => (
                    <option key={s.unitId ?? ''} value={s.unitId ?? ''}>{s.name}</option>
                  ))}
                </Select>
              </Field>
            )}
            <div className={styles.actions} data-print="hide">
              {shown && (
                <ExportButton path={exportPath(summary.id, shown.round.id, locale)} fallbackName={`digipuls-survey-${summary.id}-round-${shown.round.number}.csv`} />
              )}
              {shown && <Link href={hashOf('surveys', summary.id, 'print', shown.round.id)}>{t('surveys.print.open')}</Link>}
            </div>
          </div>
          <Caption1 role="status">{results.kind === 'loading' ? t('surveys.results.loading') : ''}</Caption1>
          {results.kind === 'failed' && <LoadProblem error={results.error} onRetry={results.retry} what="results" />}
          {results.kind === 'loading' && !shown && <Spinner label={t('surveys.results.loading')} />}
          {shown && subject && results.kind !== 'failed' && (
            <div aria-busy={results.kind === 'loading'} className={results.kind === 'loading' ? styles.stale : undefined}>
              <RoundResults results={shown} subject={subject} readOnly={readOnly} onFollowUp={reload} />
            </div>
          )}
          {shown && !subject && <Body1 as="p">{t('surveys.results.nothingShown', { minGroupSize: shown.minGroupSize })}</Body1>}
        </>
      )}
    </div>
  );
}
