import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSurveyFormat } from '../../surveys/format';
import type { RoundSummary } from '../../surveys/types';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hidden: { fontStyle: 'italic', color: tokens.colorNeutralForeground2 },
});

/** A survey's rounds, newest first, each with its response rate for the whole municipality. */
export function RoundList(props: { rounds: RoundSummary[]; minGroupSize: number }) {
  const { t } = useTranslation();
  const format = useSurveyFormat();
  const styles = useStyles();
  if (props.rounds.length === 0) return <Caption1>{t('surveys.list.noRounds')}</Caption1>;
  return (
    <ul className={styles.list} data-testid="round-list">
      {[...props.rounds].reverse().map((round) => (
        <li key={round.id}>
          <Caption1>
            {format.round(round)}
            {': '}
            {round.invited !== null && round.answered !== null ? (
              t('surveys.responseOf', { rate: round.invited > 0 ? format.percent(round.answered / round.invited) : '–', answered: format.number(round.answered), invited: format.number(round.invited) })
            ) : (
              <span className={styles.hidden}>{t('surveys.hiddenSmall', { minGroupSize: props.minGroupSize })}</span>
            )}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
