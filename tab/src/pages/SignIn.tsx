import { Body1, Button, Caption1, Card, Link, makeStyles, MessageBar, MessageBarBody, Title2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Why the person is (back) on the start page, in their language; `detail` is the technical reason, if any. */
export interface Notice {
  key: 'signIn.expired' | 'signIn.failed' | 'signIn.state' | 'signIn.teamsFailed';
  detail?: string;
}

const useStyles = makeStyles({
  card: { maxWidth: '30rem', margin: `${tokens.spacingVerticalXXL} auto`, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  message: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/** The start page: what Digipuls is, why you are here again if you are, and the sign-in button. */
export function SignIn(props: { notice?: Notice; onSignIn: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <Card className={styles.card}>
      <Title2 as="h1" block>{t('appName')}</Title2>
      <Body1>{t('tagline')}</Body1>
      {props.notice && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.message}>
            <span role="alert">{t(props.notice.key)}</span>
            {props.notice.detail && <Caption1>{t('signIn.detail', { detail: props.notice.detail })}</Caption1>}
          </MessageBarBody>
        </MessageBar>
      )}
      <Body1>{t('signIn.body')}</Body1>
      <Button appearance="primary" onClick={props.onSignIn}>
        {props.notice?.key === 'signIn.teamsFailed' ? t('signIn.retry') : t('signIn.button')}
      </Button>
      <div className={styles.links}>
        <Link href="#/privacy">{t('nav.privacy')}</Link>
        <Link href="#/terms">{t('nav.terms')}</Link>
      </div>
    </Card>
  );
}
