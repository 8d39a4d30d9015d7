import { Body1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * What the API refused and why, in its own words (problem+json `detail`, and the fields it names),
 * beside the form that sent it. Announced at once, as an alert.
 */
export function ProblemBar(props: { error: unknown; title: string; testId?: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (!props.error) return null;
  const error = props.error;
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <MessageBar intent="error" layout="multiline" role="alert" data-testid={props.testId ?? 'problem'}>
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle>
        {forbidden && <Body1 block>{t('surveys.problem.forbidden')}</Body1>}
        <Body1 block>{error instanceof Error ? error.message : String(error)}</Body1>
        {error instanceof ApiError && error.errors.length > 0 && (
          <ul className={styles.list}>
            {error.errors.map((e) => (
              <li key={`${e.path}|${e.message}`}>
                <Body1>{e.path ? `${e.path}: ${e.message}` : e.message}</Body1>
              </li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
