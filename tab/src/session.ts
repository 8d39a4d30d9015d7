import { createContext, useContext } from 'react';
import type { Api, AuthConfig, Me } from './api';

/** The signed-in person and an API client that sends them back to sign-in when their session ends. */
export interface Session {
  me: Me;
  config: AuthConfig;
  api: Api;
}

export const SessionContext = createContext<Session | undefined>(undefined);

/** The session, for any screen below the shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() is only available once signed in');
  return session;
}
