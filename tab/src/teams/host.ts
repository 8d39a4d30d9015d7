import type { app } from '@microsoft/teams-js';

/** What the tab uses of Teams when Teams hosts it. */
export interface TeamsHost {
  context: app.Context;
  /** Teams opened the team tab's configuration page (`configurationUrl` in the manifest). */
  isTeamTabConfig: boolean;
  /** Teams SSO: an Entra ID token for the Digipuls API, without a sign-in page (Teams caches and renews it). */
  getToken(): Promise<string>;
  onThemeChange(handler: (theme: string) => void): void;
  /** On the team tab's configuration page: lets Teams save the tab, pointing at this app. */
  allowSavingTeamTab(config: { contentUrl: string; websiteUrl: string; entityId: string; suggestedDisplayName: string }): void;
}

/** True when the page may be hosted by Teams (an iframe on the web and desktop, a webview on mobile). */
function mayBeInTeams(): boolean {
  return window.parent !== window || 'nativeInterface' in window || /Teams/.test(navigator.userAgent);
}

/**
 * Connects to Teams. Outside Teams `app.initialize()` never settles, so it races a short timeout, and a
 * plain browser tab skips it at once. teams-js is loaded only here: it fetches Microsoft's list of host
 * origins as soon as it is imported, which a browser outside Teams has no reason to do.
 */
export async function connectToTeams(timeoutMs = 1500): Promise<TeamsHost | undefined> {
  if (!mayBeInTeams()) return undefined;
  const { app, authentication, FrameContexts, pages } = await import('@microsoft/teams-js');
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  const ready = await Promise.race([app.initialize().then(() => true), timeout]).catch((error: unknown) => {
    console.warn('Not hosted by Teams:', error);
    return false;
  });
  if (!ready) return undefined;
  const context = await app.getContext();
  void app.notifySuccess().catch((error: unknown) => console.warn('Teams did not take notifySuccess:', error));
  return {
    context,
    isTeamTabConfig: context.page.frameContext === FrameContexts.settings,
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler(handler),
    allowSavingTeamTab(config) {
      pages.config.registerOnSaveHandler((save) => {
        pages.config.setConfig(config).then(
          () => save.notifySuccess(),
          (error: Error) => save.notifyFailure(error.message),
        );
      });
      pages.config.setValidityState(true);
    },
  };
}
