import type { AuthConfig } from '../api';

const VERIFIER = 'digipuls.pkce.verifier';
const STATE = 'digipuls.pkce.state';

interface Metadata {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function metadata(config: AuthConfig): Promise<Metadata> {
  const response = await fetch(`${config.authority}/v2.0/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`OpenID metadata: HTTP ${response.status}`);
  return (await response.json()) as Metadata;
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => `${window.location.origin}/tab/`;

/** Starts the OAuth 2.0 authorization code flow with PKCE: leaves for the sign-in page. */
export async function startSignIn(config: AuthConfig, locale: string): Promise<void> {
  const { authorization_endpoint } = await metadata(config);
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    scope: ['openid', 'profile', ...config.scopes].join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ui_locales: locale,
  }).toString();
  window.location.assign(url.toString());
}

/** On return from the sign-in page: exchanges the code for a token; undefined when this is no return. */
export async function finishSignIn(config: AuthConfig): Promise<string | undefined> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return undefined;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
  if (error) throw new Error(params.get('error_description') ?? error);
  if (params.get('state') !== sessionStorage.getItem(STATE)) throw new Error('state mismatch');
  const verifier = sessionStorage.getItem(VERIFIER) ?? '';
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  const { token_endpoint } = await metadata(config);
  const response = await fetch(token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code: code!, redirect_uri: redirectUri(), code_verifier: verifier }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(body.error_description ?? `HTTP ${response.status}`);
  return body.access_token;
}
