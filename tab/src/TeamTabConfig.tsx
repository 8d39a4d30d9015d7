import { Body1, Card, makeStyles, Title2, tokens } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground2, minHeight: '100vh', boxSizing: 'border-box' },
});

/**
 * The configuration page Teams shows when Digipuls is added as a tab in a team: there is nothing
 * to choose yet, so it says what the tab shows and tells Teams it may save at once.
 */
export function TeamTabConfig({ inTeams }: { inTeams: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  useEffect(() => {
    if (!inTeams) return;
    pages.config.registerOnSaveHandler((save) => {
      const contentUrl = `${window.location.origin}/tab/`;
      void pages.config
        .setConfig({ entityId: 'digipuls-team', contentUrl, websiteUrl: contentUrl, suggestedDisplayName: 'Digipuls' })
        .then(() => save.notifySuccess(), (error: Error) => save.notifyFailure(error.message));
    });
    pages.config.setValidityState(true);
  }, [inTeams]);
  return (
    <main className={styles.page}>
      <Card>
        <Title2 as="h1">{t('teamTab.heading')}</Title2>
        <Body1>{t('teamTab.body')}</Body1>
      </Card>
    </main>
  );
}
