import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../adoption/format';

const useStyles = makeStyles({
  value: { display: 'flex', flexDirection: 'column', whiteSpace: 'nowrap' },
  count: { color: tokens.colorNeutralForeground2 },
});

/** A share of staff as a percentage, with the number of people under it (the rate alone hides how many). */
export function Percent(props: { count: number; staff: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  return (
    <span className={styles.value}>
      <span>{props.staff > 0 ? format.percent(props.count / props.staff) : '–'}</span>
      {/* A space between the two, so they are not read (or copied) as one number. */}{' '}
      <Caption1 className={styles.count}>{t('adoption.people', { count: props.count, n: format.number(props.count) })}</Caption1>
    </span>
  );
}
