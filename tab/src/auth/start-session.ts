import { createApi, type ApiError, type AuthConfig, type Me } from '../api';
import type { Session } from '../session';
import type { TeamsHost } from '../teams/host';
import { finishSignIn } from './demo-sign-in';
import { tokenStore } from './token-store';

/** Outside Teams with no token yet: the start page with its sign-in button comes next. */
export class SignInNeeded extends Error {}

/** Teams would not give an SSO token (consent missing, app not approved, offline). */
export class TeamsSignInFailed extends Error {}

/**
 * Finds the person's token (Teams SSO, the return from the demo sign-in, or this browser tab's stored
 * token) and asks the API who they are. `onUnauthorized` fires whenever the API later says 401.
 */
export async function startSession(host: TeamsHost | undefined, config: AuthConfig, onUnauthorized: (error: ApiError) => void): Promise<Session> {
  let getToken: () => Promise<string>;
  if (host) {
    await host.getToken().catch((error: unknown) => {
      throw new TeamsSignInFailed(error instanceof Error ? error.message : String(error));
    });
    getToken = () => host.getToken();
  } else {
    const token = (await finishSignIn(config)) ?? tokenStore.get();
    if (!token) throw new SignInNeeded();
    tokenStore.set(token);
    getToken = async () => token;
  }
  const api = createApi(getToken, (error) => {
    tokenStore.clear();
    onUnauthorized(error);
  });
  const me = await api.get<Me>('/api/v1/me');
  return { me, config, api };
}
