import { Body1, Button, Caption1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';

const useStyles = makeStyles({
  problem: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

/** A failed load: no access or no such announcement says so plainly; anything else can be tried again. */
export function LoadProblem(props: { error: unknown; onRetry: () => void; what: 'list' | 'announcement' | 'reach' | 'briefing' }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (props.error instanceof ApiError && props.error.status === 403) return <Body1 role="alert">{t('announcements.problem.forbidden')}</Body1>;
  if (props.error instanceof ApiError && props.error.status === 404) return <Body1 role="alert">{t('announcements.problem.notFound')}</Body1>;
  return (
    <div className={styles.problem} role="alert">
      <Subtitle1 as="h2">{t(`announcements.problem.${props.what}`)}</Subtitle1>
      {props.error instanceof Error && <Caption1>{t('signIn.detail', { detail: props.error.message })}</Caption1>}
      <Button appearance="primary" onClick={props.onRetry}>{t('error.retry')}</Button>
    </div>
  );
}
