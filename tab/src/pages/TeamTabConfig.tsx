import { Body1, Title2 } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Frame, type FrameProps } from '../components/Frame';
import type { TeamsHost } from '../teams/host';

/**
 * The team tab's configuration page (`configurationUrl`): nothing to choose, so Save is enabled at once
 * and the tab points at Digipuls itself, which shows each person what their roles allow.
 */
export function TeamTabConfig(props: { host: TeamsHost; frame: FrameProps }) {
  const { t } = useTranslation();
  const { host } = props;
  useEffect(() => {
    const tab = `${window.location.origin}/tab/`;
    host.allowSavingTeamTab({ contentUrl: tab, websiteUrl: tab, entityId: 'digipuls', suggestedDisplayName: 'Digipuls' });
  }, [host]);
  return (
    <Frame title={t('teamTab.heading')} {...props.frame}>
      <Title2 as="h1" block>{t('teamTab.heading')}</Title2>
      <Body1 as="p" block>{t('teamTab.body')}</Body1>
    </Frame>
  );
}
