import { Body1, Button, Caption1, Link, makeStyles, Spinner, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { hashOf } from '../../routes';
import { useSurveyFormat } from '../../surveys/format';
import { useResults } from '../../surveys/hooks';
import { hasRound } from '../../surveys/results';
import { useLocalized } from '../../surveys/text';
import { FollowUps } from './FollowUps';
import { LoadProblem } from './LoadProblem';
import { usePrintStyles } from './print-styles';
import { QuestionResults } from './QuestionResults';
import { ResponseTable } from './ResponseTable';
import { subjectsOf } from './RoundResults';
import { SurveyFacts } from './SurveyFacts';
import { UnitScores } from './UnitScores';

const useStyles = makeStyles({
  report: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0, '& h1, & p': { margin: 0 } },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalL },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
});

/**
 * The whole round on paper, for the work-environment committee: facts, "you said, we did", response per
 * unit, each unit's scores, and every question with its distribution and free texts.
 */
export function PrintReport(props: { surveyId: string; roundId: string | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useSurveyFormat();
  const { pick } = useLocalized();
  usePrintStyles();
  const results = useResults(props.surveyId, props.roundId, 0, true);
  if (results.kind === 'failed') return <LoadProblem error={results.error} onRetry={results.retry} what="results" />;
  if (results.kind === 'loading') return <Spinner label={t('surveys.results.loading')} />;
  const data = results.data;
  if (!hasRound(data)) return <Body1 as="p">{t('surveys.results.noRound')}</Body1>;
  const { survey, minGroupSize } = data;
  const subject = subjectsOf(data, t('adoption.municipality'), format.unitPath)[0];
  return (
    <article className={styles.report} data-testid="print-report">
      <div className={styles.tools} data-print="hide">
        <Link href={hashOf('surveys', survey.id)}>{t('surveys.print.back')}</Link>
        <Button appearance="primary" onClick={() => window.print()}>{t('surveys.print.print')}</Button>
      </div>
      <div className={styles.head}>
        <Title2 as="h1">{t('surveys.print.heading', { title: pick(survey.title) })}</Title2>
        <Body1 as="p"><strong>{format.round(data.round)}</strong></Body1>
        <SurveyFacts survey={survey} />
        <Caption1 as="p" className={styles.note}>{t('surveys.print.privacy', { minGroupSize, date: format.day(new Date().toISOString()) })}</Caption1>
      </div>
      <FollowUps followUps={data.followUps} rounds={survey.rounds} currentRoundId={data.round.id} headingId="print-follow-ups" />
      {subject && (
        <section className={styles.section} aria-labelledby="print-response">
          <Subtitle1 as="h2" id="print-response">{t('surveys.results.responseFor', { name: subject.name })}</Subtitle1>
          <Body1 as="p">{t('surveys.responseReached', { rate: format.percent(subject.results.responseRate), answered: format.number(subject.results.answered), reached: format.number(subject.results.reached) })}</Body1>
        </section>
      )}
      {data.units.length > 0 && (
        <section className={styles.section} aria-labelledby="print-units">
          <Subtitle1 as="h2" id="print-units">{t('surveys.results.unitsHeading')}</Subtitle1>
          <ResponseTable units={data.units} minGroupSize={minGroupSize} labelledBy="print-units" />
          <Subtitle1 as="h2" id="print-scores">{t('surveys.print.scores')}</Subtitle1>
          <UnitScores definition={survey.definition} units={data.units} minGroupSize={minGroupSize} />
        </section>
      )}
      {subject ? (
        <section className={styles.section} aria-labelledby="print-questions">
          <Subtitle1 as="h2" id="print-questions">{t('surveys.results.questions', { name: subject.name })}</Subtitle1>
          {survey.definition.questions.map((question, index) => (
            <QuestionResults key={question.id} question={question} index={index} subject={subject} minGroupSize={minGroupSize} printing />
          ))}
        </section>
      ) : (
        <Body1 as="p">{t('surveys.results.nothingShown', { minGroupSize })}</Body1>
      )}
    </article>
  );
}
