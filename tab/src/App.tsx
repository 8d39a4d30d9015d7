import { Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, getAuthConfig, getMe, putLocale, type AuthConfig, type Me } from './api';
import { finishSignIn, startSignIn } from './auth/demo-sign-in';
import { teamsToken } from './auth/teams';
import { tokenStore } from './auth/token-store';
import { setLanguage, type Locale } from './i18n';
import { Shell } from './Shell';
import { SignIn } from './SignIn';

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out'; config: AuthConfig; message?: string }
  | { kind: 'ready'; config: AuthConfig; me: Me; token: string }
  | { kind: 'failed'; message: string };

/** Signs the person in (Teams SSO, or the demo sign-in outside Teams) and shows the shell. */
export function App(props: { inTeams: boolean; locale: Locale; localeFixed: boolean; onLocale: (l: Locale) => void }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const config = await getAuthConfig();
      let token: string | undefined;
      try {
        token = props.inTeams ? await teamsToken() : ((await finishSignIn(config)) ?? tokenStore.get());
      } catch (error) {
        if (!cancelled) setState({ kind: 'signed-out', config, message: t('signIn.failed', { reason: (error as Error).message }) });
        return;
      }
      if (!token) return !cancelled && setState({ kind: 'signed-out', config });
      try {
        const me = await getMe(token);
        if (!props.inTeams) tokenStore.set(token);
        if (me.locale && !props.localeFixed) props.onLocale(me.locale);
        if (!cancelled) setState({ kind: 'ready', config, me, token });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          tokenStore.clear();
          if (!cancelled) setState({ kind: 'signed-out', config, message: t('signIn.expired') });
        } else throw error;
      }
    })().catch((error: unknown) => !cancelled && setState({ kind: 'failed', message: (error as Error).message }));
    return () => {
      cancelled = true;
    };
    // Sign-in runs once per page load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const changeLocale = useCallback(
    (locale: Locale) => {
      props.onLocale(locale);
      setLanguage(locale);
      // Remember the choice for the bot too; a person not yet in the directory keeps it for this visit.
      if (state.kind === 'ready') void putLocale(state.token, locale).catch(() => undefined);
    },
    [props, state],
  );

  switch (state.kind) {
    case 'loading':
      return <Spinner label={t('loading')} style={{ marginTop: '3rem' }} />;
    case 'failed':
      return (
        <main style={{ padding: '2rem' }}>
          <h1>{t('error.title')}</h1>
          <p>{state.message}</p>
        </main>
      );
    case 'signed-out':
      return <SignIn message={state.message} onSignIn={() => void startSignIn(state.config, props.locale)} />;
    case 'ready':
      return (
        <Shell
          me={state.me}
          minGroupSize={state.config.minGroupSize}
          locale={props.locale}
          onLocale={changeLocale}
          onSignOut={
            props.inTeams
              ? undefined
              : () => {
                  tokenStore.clear();
                  setState({ kind: 'signed-out', config: state.config });
                }
          }
        />
      );
  }
}
