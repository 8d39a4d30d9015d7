import type { AuthConfig } from '../api';
import { challengeFor, randomString } from './pkce';

const VERIFIER = 'digipuls.pkce.verifier';
const STATE = 'digipuls.pkce.state';

/** Why a sign-in failed, so the page can say it in the person's language. */
export type SignInFailure = 'state' | 'provider' | 'token';

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    detail: string,
  ) {
    super(detail);
  }
}

interface Metadata {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function metadata(config: AuthConfig): Promise<Metadata> {
  const response = await fetch(`${config.authority}/v2.0/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OpenID metadata: HTTP ${response.status}`);
  return (await response.json()) as Metadata;
}

/** The tab itself receives `?code=` (the same address must be registered as the app's redirect URI). */
const redirectUri = () => `${window.location.origin}/tab/`;

/** Starts the OAuth 2.0 authorization code flow with PKCE: leaves for the sign-in page. */
export async function startSignIn(config: AuthConfig, locale: string): Promise<void> {
  const { authorization_endpoint } = await metadata(config);
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    // openid and profile add an ID token; Entra ID takes them beside one API's scope.
    scope: [...new Set(['openid', 'profile', ...config.scopes])].join(' '),
    state,
    code_challenge: await challengeFor(verifier),
    code_challenge_method: 'S256',
    ui_locales: locale,
  }).toString();
  window.location.assign(url.toString());
}

/**
 * On return from the sign-in page: checks `state`, exchanges the code for an access token and cleans
 * the code out of the address. Undefined when this page load is no such return.
 */
export async function finishSignIn(config: AuthConfig): Promise<string | undefined> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  const state = params.get('state');
  const error = params.get('error');
  const errorDescription = params.get('error_description');
  if (!code && !error) return undefined;
  for (const name of ['code', 'state', 'error', 'error_description', 'session_state']) params.delete(name);
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
  const expectedState = sessionStorage.getItem(STATE);
  const verifier = sessionStorage.getItem(VERIFIER);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  if (error) throw new SignInError('provider', errorDescription ?? error);
  // A code we did not ask for (or asked for in another browser tab) is refused: that is what state is for.
  if (!expectedState || !verifier || state !== expectedState) {
    throw new SignInError('state', 'state mismatch');
  }
  const { token_endpoint } = await metadata(config);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code: code!, redirect_uri: redirectUri(), code_verifier: verifier }),
  });
  const body = (await response.json().catch(() => ({}))) as { access_token?: string; error_description?: string; error?: string };
  if (!response.ok || !body.access_token) throw new SignInError('token', body.error_description ?? body.error ?? `HTTP ${response.status}`);
  return body.access_token;
}
