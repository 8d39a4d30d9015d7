import { Body1, Button, Card, makeStyles, MessageBar, MessageBarBody, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  page: { minHeight: '100vh', display: 'grid', placeItems: 'center', padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground2, boxSizing: 'border-box' },
  card: { maxWidth: '28rem', width: '100%', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Outside Teams (the demo): the start page with a sign-in button. */
export function SignIn(props: { message?: string; onSignIn: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <Card className={styles.card}>
        <Title2 as="h1">{t('appName')}</Title2>
        <Body1>{t('tagline')}</Body1>
        {props.message && (
          <MessageBar intent="warning">
            <MessageBarBody>{props.message}</MessageBarBody>
          </MessageBar>
        )}
        <Body1>{t('signIn.body')}</Body1>
        <Button appearance="primary" onClick={props.onSignIn}>
          {t('signIn.button')}
        </Button>
      </Card>
    </main>
  );
}
