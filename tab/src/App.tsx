import { Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getAuthConfig, type AuthConfig } from './api';
import { SignInError, startSignIn } from './auth/demo-sign-in';
import { SignInNeeded, startSession, TeamsSignInFailed } from './auth/start-session';
import { tokenStore } from './auth/token-store';
import { Frame } from './components/Frame';
import { setLanguage, type Locale } from './i18n';
import { chooseLocale, rememberPicked, type LocaleSources } from './locale-choice';
import { Problem } from './pages/Problem';
import { SignIn, type Notice } from './pages/SignIn';
import { TeamTabConfig } from './pages/TeamTabConfig';
import { PublicPage } from './PublicPage';
import { usePage } from './routes';
import type { Session } from './session';
import { Shell } from './Shell';
import type { TeamsHost } from './teams/host';

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out'; config: AuthConfig; notice?: Notice }
  | { kind: 'ready'; session: Session }
  | { kind: 'failed'; detail: string };

/** What a failed start means for the person: sign in (again), with or without a message, or an error page. */
function stateAfter(error: unknown, config: AuthConfig): State {
  if (error instanceof SignInNeeded) return { kind: 'signed-out', config };
  if (error instanceof TeamsSignInFailed) return { kind: 'signed-out', config, notice: { key: 'signIn.teamsFailed', detail: error.message } };
  if (error instanceof SignInError) return { kind: 'signed-out', config, notice: error.reason === 'state' ? { key: 'signIn.state' } : { key: 'signIn.failed', detail: error.message } };
  if (error instanceof ApiError && error.status === 401) return { kind: 'signed-out', config, notice: { key: 'signIn.expired' } };
  return { kind: 'failed', detail: messageOf(error) };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Signs the person in (Teams SSO, or the demo sign-in outside Teams) and shows the shell, in their language. */
export function App(props: { host?: TeamsHost; sources: LocaleSources }) {
  const { t } = useTranslation();
  const page = usePage();
  const sources = useRef(props.sources);
  const [locale, setLocale] = useState<Locale>(() => chooseLocale(props.sources));
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const started = useRef(-1);

  useEffect(() => setLanguage(locale), [locale]);

  const configuring = props.host?.isTeamTabConfig ?? false;
  const fail = (error: unknown) => setState({ kind: 'failed', detail: messageOf(error) });

  useEffect(() => {
    if (configuring) return;
    // Once per attempt, also under StrictMode's second run: a sign-in code can be exchanged only once.
    if (started.current === attempt) return;
    started.current = attempt;
    (async () => {
      const config = await getAuthConfig();
      sources.current = { ...sources.current, fallback: config.defaultLocale };
      setLocale(chooseLocale(sources.current));
      const expired = () => setState({ kind: 'signed-out', config, notice: { key: 'signIn.expired' } });
      try {
        const session = await startSession(props.host, config, expired);
        sources.current = { ...sources.current, saved: session.me.locale };
        setLocale(chooseLocale(sources.current));
        setState({ kind: 'ready', session });
      } catch (error) {
        setState(stateAfter(error, config));
      }
    })().catch(fail);
  }, [attempt, configuring, props.host]);

  const pick = useCallback(
    (picked: Locale) => {
      rememberPicked(picked);
      sources.current = { ...sources.current, url: undefined, picked };
      setLocale(picked);
      // Saved for the bot too. Someone not yet in the directory (404) keeps the choice for this visit.
      if (state.kind === 'ready') void state.session.api.put('/api/v1/me/preferences', { locale: picked }).catch(() => undefined);
    },
    [state],
  );
  const retry = () => {
    setState({ kind: 'loading' });
    setAttempt((n) => n + 1);
  };
  const frame = { locale, onLocale: pick };

  if (configuring && props.host) return <TeamTabConfig host={props.host} frame={frame} />;
  switch (state.kind) {
    case 'loading':
      return <Spinner label={t('loading')} style={{ paddingTop: '3rem' }} />;
    case 'failed':
      return (
        <Frame title={t('error.title')} {...frame}>
          <Problem detail={state.detail} onRetry={retry} />
        </Frame>
      );
    case 'signed-out':
      if (page === 'privacy' || page === 'terms') return <PublicPage page={page} minGroupSize={state.config.minGroupSize} frame={frame} />;
      return (
        <Frame title={t('appName')} {...frame}>
          <SignIn notice={state.notice} onSignIn={props.host ? retry : () => startSignIn(state.config, locale).catch(fail)} />
        </Frame>
      );
    case 'ready':
      return (
        <Shell
          session={state.session}
          frame={frame}
          onSignOut={
            props.host
              ? undefined
              : () => {
                  tokenStore.clear();
                  setState({ kind: 'signed-out', config: state.session.config });
                }
          }
        />
      );
  }
}
