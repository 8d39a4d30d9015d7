import { Body1, Caption1, Card, Link, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { hashOf } from '../../routes';
import { useSurveyFormat } from '../../surveys/format';
import { useAudienceText, useLocalized } from '../../surveys/text';
import type { SurveySummary } from '../../surveys/types';
import { CloseSurveyButton } from './CloseSurveyButton';
import { RoundList } from './RoundList';
import { StatusBadge } from './StatusBadge';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0, '& dd': { margin: 0, overflowWrap: 'anywhere' } },
  term: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * The surveys, newest first: title in the reader's language, status, audience, schedule and each round's
 * response rate. A survey's title leads to its results.
 */
export function SurveyList(props: { surveys: SurveySummary[]; minGroupSize: number; readOnly: boolean; onChanged: (survey: SurveySummary) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useSurveyFormat();
  const { pick } = useLocalized();
  const audience = useAudienceText();
  if (props.surveys.length === 0) return <Body1 as="p">{t('surveys.list.none')}</Body1>;
  const newestFirst = [...props.surveys].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className={styles.list} data-testid="survey-list">
      {newestFirst.map((survey) => (
        <li key={survey.id} data-survey-id={survey.id}>
          <Card className={styles.card}>
            <div className={styles.head}>
              <Subtitle2 as="h3" className={styles.title}>
                <Link href={hashOf('surveys', survey.id)}>{pick(survey.title)}</Link>
              </Subtitle2>
              <StatusBadge survey={survey} />
            </div>
            <dl className={styles.facts}>
              <dt className={styles.term}><Caption1>{t('surveys.audience.label')}</Caption1></dt>
              <dd><Caption1 data-testid="survey-audience">{audience(survey)}</Caption1></dd>
              <dt className={styles.term}><Caption1>{t('surveys.schedule.label')}</Caption1></dt>
              <dd><Caption1>{format.schedule(survey.schedule)}</Caption1></dd>
              <dt className={styles.term}><Caption1>{t('surveys.list.rounds')}</Caption1></dt>
              <dd><RoundList rounds={survey.rounds} minGroupSize={props.minGroupSize} /></dd>
            </dl>
            {survey.canManage && !props.readOnly && survey.status !== 'ended' && (
              <div className={styles.actions}>
                <CloseSurveyButton survey={survey} onClosed={props.onChanged} />
              </div>
            )}
          </Card>
        </li>
      ))}
    </ul>
  );
}
