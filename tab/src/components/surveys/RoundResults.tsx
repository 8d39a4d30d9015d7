import { Body1, Caption1, makeStyles, Subtitle1, Text, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSurveyFormat } from '../../surveys/format';
import { isShown, type RoundResultsData } from '../../surveys/results';
import type { GroupResults, SurveyFollowUp, SurveyResults } from '../../surveys/types';
import { FollowUpForm } from './FollowUpForm';
import { FollowUps } from './FollowUps';
import { QuestionResults, type Subject } from './QuestionResults';
import { ResponseTable } from './ResponseTable';
import { SurveyTrend } from './SurveyTrend';

const WIDE = '@media (min-width: 1000px)';

const useStyles = makeStyles({
  // Follow-ups stand beside the results on a wide screen; on a phone they come right after the summary.
  grid: {
    display: 'grid', gap: tokens.spacingVerticalXL, minWidth: 0, gridTemplateColumns: 'minmax(0, 1fr)',
    [WIDE]: { gridTemplateColumns: 'minmax(0, 1fr) 20rem', gridTemplateAreas: '"summary aside" "questions aside" "units aside" "trend aside"', columnGap: tokens.spacingHorizontalXXL },
  },
  summary: { [WIDE]: { gridArea: 'summary' } },
  aside: { [WIDE]: { gridArea: 'aside', alignSelf: 'start' } },
  questions: { [WIDE]: { gridArea: 'questions' } },
  units: { [WIDE]: { gridArea: 'units' } },
  trend: { [WIDE]: { gridArea: 'trend' } },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0, '& p': { margin: 0 } },
  tiles: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  tile: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, '& dd': { margin: 0 },
  },
  label: { color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground2, maxWidth: '48rem' },
});

export interface RoundResultsProps {
  results: RoundResultsData;
  /** The group the answers are shown for (a unit, or the municipality). */
  subject: Subject & { unitId: string | null };
  onFollowUp: (followUp: SurveyFollowUp) => void;
  readOnly: boolean;
}

/** A round's results: response rates, follow-ups, each question, units least responded first, and the trend. */
export function RoundResults(props: RoundResultsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useSurveyFormat();
  const { results, subject } = props;
  const { survey, minGroupSize, municipality } = results;
  const compare = subject.unitId !== null && municipality ? { name: t('adoption.municipality'), results: municipality } : undefined;
  const rate = (group: GroupResults) =>
    t('surveys.responseReached', { rate: format.percent(group.responseRate), answered: format.number(group.answered), reached: format.number(group.reached) });
  const canWrite = results.canFollowUp && !results.readOnly && !props.readOnly;

  return (
    <div className={styles.grid}>
      <section className={`${styles.section} ${styles.summary}`} aria-labelledby="survey-round-heading">
        <Subtitle1 as="h2" id="survey-round-heading">{format.round(results.round)}</Subtitle1>
        <dl className={styles.tiles} data-testid="response-tiles">
          {[subject, compare].filter((g): g is Subject => Boolean(g)).map((group) => (
            <div key={group.name} className={styles.tile}>
              <dt className={styles.label}>{t('surveys.results.responseFor', { name: group.name })}</dt>
              <dd>
                <Text size={500} weight="semibold">{rate(group.results)}</Text>
                {group.results.invited > group.results.reached && (
                  <Caption1 block className={styles.label}>{t('surveys.results.notReached', { count: group.results.invited - group.results.reached, invited: format.number(group.results.invited) })}</Caption1>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <aside className={styles.aside} aria-label={t('surveys.followUps.heading')}>
        <FollowUps followUps={results.followUps} rounds={survey.rounds} currentRoundId={results.round.id} headingId="survey-follow-ups">
          {canWrite && <FollowUpForm surveyId={survey.id} roundId={results.round.id} onCreated={props.onFollowUp} />}
        </FollowUps>
      </aside>

      <section className={`${styles.section} ${styles.questions}`} aria-labelledby="survey-questions">
        <Subtitle1 as="h2" id="survey-questions">{t('surveys.results.questions', { name: subject.name })}</Subtitle1>
        {subject.results.answered === 0 ? (
          <Body1 as="p">{t('surveys.results.noAnswers')}</Body1>
        ) : (
          survey.definition.questions.map((question, index) => (
            <QuestionResults key={question.id} question={question} index={index} subject={subject} compare={compare} minGroupSize={minGroupSize} />
          ))
        )}
      </section>

      {results.units.length > 0 && (
        <section className={`${styles.section} ${styles.units}`} aria-labelledby="survey-units">
          <Subtitle1 as="h2" id="survey-units">{t('surveys.results.unitsHeading')}</Subtitle1>
          <Caption1 as="p" className={styles.hint}>{t('surveys.results.unitsHint', { minGroupSize })}</Caption1>
          <ResponseTable units={results.units} minGroupSize={minGroupSize} labelledBy="survey-units" />
        </section>
      )}

      <section className={`${styles.section} ${styles.trend}`} aria-labelledby="survey-trend">
        <Subtitle1 as="h2" id="survey-trend">{t('surveys.trend.heading', { name: subject.name })}</Subtitle1>
        <SurveyTrend key={`${survey.id}|${subject.unitId}`} survey={survey} unitId={subject.unitId} name={subject.name} minGroupSize={minGroupSize} />
      </section>
    </div>
  );
}

/** The groups the results can be shown for: the municipality (when given) and every unit that may be shown. */
export function subjectsOf(results: SurveyResults, municipalityName: string, unitPath: (path: string[]) => string): Array<Subject & { unitId: string | null }> {
  const units = results.units.filter(isShown).map((unit) => ({ unitId: unit.unitId, name: unitPath(unit.path), results: unit.results }));
  return results.municipality ? [{ unitId: null, name: municipalityName, results: results.municipality }, ...units] : units;
}
