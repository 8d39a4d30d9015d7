import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarBody, Spinner, Subtitle1, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusHeadingOn } from '../focus-heading';
import { hashOf, useSubPath } from '../routes';
import { useSession } from '../session';
import { LoadProblem } from '../components/surveys/LoadProblem';
import { PrintReport } from '../components/surveys/PrintReport';
import { SurveyEditor } from '../components/surveys/SurveyEditor';
import { SurveyList } from '../components/surveys/SurveyList';
import { SurveyResultsView } from '../components/surveys/SurveyResultsView';
import { usePrintStyles } from '../components/surveys/print-styles';
import { useSurveys } from '../surveys/hooks';
import { useLocalized } from '../surveys/text';
import type { SurveySummary } from '../surveys/types';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, '& h1': { margin: 0 } },
  intro: { maxWidth: '48rem', margin: 0 },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

const MANAGERS = ['Communicator', 'UnitLead', 'AdoptionAdmin'] as const;

/**
 * Pulse surveys: the list, one survey's results (`#/surveys/<id>`), its printable report
 * (`#/surveys/<id>/print/<round>`), and a new survey (`#/surveys/new`). The server decides what each
 * role sees and hides small groups; a safety representative sees everything read-only.
 */
export function Surveys() {
  const { me } = useSession();
  const path = useSubPath();
  const [created, setCreated] = useState<SurveySummary | null>(null);
  const readOnly = !me.roles.some((role) => (MANAGERS as readonly string[]).includes(role));
  usePrintStyles();
  useFocusHeadingOn(path.join('/'));
  const [first, second, third] = path;

  if (first === 'new' && !readOnly) {
    return (
      <SurveyEditor
        onCreated={(survey) => {
          setCreated(survey);
          window.location.hash = hashOf('surveys', survey.id);
        }}
      />
    );
  }
  if (first && second === 'print') return <PrintReport surveyId={first} roundId={third ?? null} />;
  if (first && first !== 'new') {
    return (
      <>
        {created?.id === first && <CreatedNotice survey={created} />}
        <SurveyResultsView key={first} surveyId={first} readOnly={readOnly} />
      </>
    );
  }
  return <SurveyOverview readOnly={readOnly} />;
}

/** The list of surveys, with "New pulse survey" for those who may create one. */
function SurveyOverview(props: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { config } = useSession();
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const surveys = useSurveys(version);
  const minGroupSize = config.minGroupSize ?? 5;
  return (
    <div className={styles.page}>
      <Title2 as="h1" block>{t('nav.surveys')}</Title2>
      <Body1 as="p" className={styles.intro}>{t(props.readOnly ? 'surveys.introReadOnly' : 'surveys.intro', { minGroupSize })}</Body1>
      <div className={styles.bar}>
        <Subtitle1 as="h2">{t('surveys.list.heading')}</Subtitle1>
        {surveys.kind === 'ready' && surveys.data.canCreate && !props.readOnly && (
          <Button as="a" href={hashOf('surveys', 'new')} appearance="primary">{t('surveys.list.create')}</Button>
        )}
      </div>
      {surveys.kind === 'loading' && <Spinner label={t('surveys.loading')} />}
      {surveys.kind === 'failed' && <LoadProblem error={surveys.error} onRetry={surveys.retry} what="surveys" />}
      {surveys.kind === 'ready' && (
        <SurveyList surveys={surveys.data.surveys} minGroupSize={minGroupSize} readOnly={props.readOnly} onChanged={() => setVersion((v) => v + 1)} />
      )}
    </div>
  );
}

function CreatedNotice(props: { survey: SurveySummary }) {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  return (
    <MessageBar intent="success" role="status" style={{ marginBottom: tokens.spacingVerticalL }} data-testid="created-notice">
      <MessageBarBody>
        <Caption1>{t(props.survey.status === 'open' ? 'surveys.created.open' : 'surveys.created.scheduled', { title: pick(props.survey.title) })}</Caption1>
      </MessageBarBody>
    </MessageBar>
  );
}

