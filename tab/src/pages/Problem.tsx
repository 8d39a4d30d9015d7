import { Body1, Button, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({ page: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM } });

/** Something other than sign-in failed (the server is down, say): what happened, and a way to try again. */
export function Problem(props: { detail: string; onRetry: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.page} role="alert">
      <Title2 as="h1" block>{t('error.title')}</Title2>
      <Body1>{t('signIn.detail', { detail: props.detail })}</Body1>
      <Button appearance="primary" onClick={props.onRetry}>
        {t('error.retry')}
      </Button>
    </div>
  );
}
