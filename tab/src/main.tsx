import { FluentProvider } from '@fluentui/react-components';
import { app } from '@microsoft/teams-js';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { TeamTabConfig } from './TeamTabConfig';
import { connectToTeams } from './auth/teams';
import { localeFromTag, setLanguage, type Locale } from './i18n';
import { browserTheme, THEMES, themeFromTeams, type ThemeName } from './theme';

/** Theme and language come from Teams when hosted there; from the URL or the browser otherwise. */
function Root(props: { inTeams: boolean; theme: ThemeName; locale: Locale; localeFixed: boolean }) {
  const [theme, setTheme] = useState(props.theme);
  const [locale, setLocale] = useState(props.locale);
  useEffect(() => {
    if (props.inTeams) app.registerOnThemeChangeHandler((name) => setTheme(themeFromTeams(name)));
  }, [props.inTeams]);
  useEffect(() => setLanguage(locale), [locale]);
  return (
    <FluentProvider theme={THEMES[theme]} style={{ minHeight: '100vh' }} data-theme={theme}>
      {window.location.pathname.replace(/\/+$/, '').endsWith('/tab/config') ? (
        <TeamTabConfig inTeams={props.inTeams} />
      ) : (
        <App inTeams={props.inTeams} locale={locale} localeFixed={props.localeFixed} onLocale={setLocale} />
      )}
    </FluentProvider>
  );
}

const context = await connectToTeams();
const asked = localeFromTag(new URLSearchParams(window.location.search).get('lang'));
const fromHost = asked ?? localeFromTag(context?.app.locale);
const locale = fromHost ?? localeFromTag(navigator.language) ?? 'nb';
setLanguage(locale);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root inTeams={Boolean(context)} theme={context ? themeFromTeams(context.app.theme) : browserTheme()} locale={locale} localeFixed={Boolean(fromHost)} />
  </StrictMode>,
);
