import { Body1, Card, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({ card: { maxWidth: '40rem', gap: tokens.spacingVerticalS } });

/** Nothing ingested for this period yet: says so, and what an admin does about it. */
export function EmptyState() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Card className={styles.card} data-testid="adoption-empty">
      <Subtitle1 as="h2">{t('adoption.empty.heading')}</Subtitle1>
      <Body1 as="p">{t('adoption.empty.body')}</Body1>
      <Body1 as="p">{t('adoption.empty.action')}</Body1>
    </Card>
  );
}
