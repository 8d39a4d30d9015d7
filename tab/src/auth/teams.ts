import { app, authentication } from '@microsoft/teams-js';

/** True when the page may be hosted by Teams (an iframe on the web and desktop, a webview on mobile). */
function mayBeInTeams(): boolean {
  return window.parent !== window || 'nativeInterface' in window || /Teams/.test(navigator.userAgent);
}

/**
 * Connects to Teams. Outside Teams `app.initialize()` never settles, so it races a short timeout;
 * a plain browser tab skips it at once.
 */
export async function connectToTeams(timeoutMs = 1500): Promise<app.Context | undefined> {
  if (!mayBeInTeams()) return undefined;
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs));
  try {
    const ready = await Promise.race([app.initialize().then(() => true), timeout]);
    if (!ready) return undefined;
    return await app.getContext();
  } catch {
    return undefined;
  }
}

/** Teams SSO: an Entra ID token for the Digipuls API, without a sign-in page. */
export function teamsToken(): Promise<string> {
  return authentication.getAuthToken();
}
