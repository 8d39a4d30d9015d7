import { Body1, makeStyles, MessageBar, MessageBarBody, Subtitle2, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS, '& p, & h2': { margin: 0 } },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * The tenant conceals user names in usage reports, so usage cannot be placed in units: says so, what
 * exactly to change and where (to an admin; others are told whom to ask), and why changing it does not
 * weaken the privacy Digipuls promises.
 */
export function ConcealedNotice(props: { minGroupSize: number; isAdmin: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="concealed-notice">
      <MessageBarBody className={styles.body}>
        <Subtitle2 as="h2">{t('adoption.concealed.heading')}</Subtitle2>
        <Body1 as="p">{t('adoption.concealed.body')}</Body1>
        {props.isAdmin ? (
          <>
            <Body1 as="p">{t('adoption.concealed.how')}</Body1>
            <ol className={styles.steps}>
              {(t('adoption.concealed.steps', { returnObjects: true }) as string[]).map((step) => (
                <li key={step}>
                  <Body1>{step}</Body1>
                </li>
              ))}
            </ol>
            <Body1 as="p">{t('adoption.concealed.graph')}</Body1>
          </>
        ) : (
          // A unit lead cannot change the tenant's settings: they are told whom to ask.
          <Body1 as="p">{t('adoption.concealed.ask')}</Body1>
        )}
        <Body1 as="p">{t('adoption.concealed.why', { minGroupSize: props.minGroupSize })}</Body1>
        <Body1 as="p">{t('adoption.concealed.later')}</Body1>
      </MessageBarBody>
    </MessageBar>
  );
}
