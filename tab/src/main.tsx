import { FluentProvider } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { setLanguage } from './i18n';
import { chooseLocale, initialSources, type LocaleSources } from './locale-choice';
import { connectToTeams, type TeamsHost } from './teams/host';
import { THEMES, useTheme } from './theme';

/** The theme wraps everything, so the whole page background follows it. */
function Root(props: { host?: TeamsHost; sources: LocaleSources }) {
  const theme = useTheme(props.host);
  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }} data-theme={theme}>
      <App host={props.host} sources={props.sources} />
    </FluentProvider>
  );
}

const host = await connectToTeams();
const sources = initialSources(host?.context.app.locale);
setLanguage(chooseLocale(sources));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root host={host} sources={sources} />
  </StrictMode>,
);
