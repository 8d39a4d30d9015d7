import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSurveyFormat } from '../../surveys/format';
import { useAudienceText } from '../../surveys/text';
import type { SurveySummary } from '../../surveys/types';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, '& dd': { margin: 0, overflowWrap: 'anywhere' } },
  term: { color: tokens.colorNeutralForeground2 },
});

/** Audience and schedule of a survey, as term–value pairs. */
export function SurveyFacts(props: { survey: SurveySummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useSurveyFormat();
  const audience = useAudienceText();
  return (
    <dl className={styles.facts}>
      <dt className={styles.term}><Caption1>{t('surveys.audience.label')}</Caption1></dt>
      <dd><Caption1 data-testid="survey-audience">{audience(props.survey)}</Caption1></dd>
      <dt className={styles.term}><Caption1>{t('surveys.schedule.label')}</Caption1></dt>
      <dd><Caption1>{format.schedule(props.survey.schedule)}</Caption1></dd>
    </dl>
  );
}
