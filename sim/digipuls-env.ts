import path from 'node:path';

/**
 * The settings that point Digipuls at a running simulator as its tenant: Entra ID for the tab over
 * http (browsers would balk at the simulator's own CA), Graph and app tokens over HTTPS (msal-node
 * and the Graph client insist), with the simulator's CA trusted.
 */
export function digipulsEnvFor(
  sim: { url: string; httpsUrl: string; tenantId: string; app: { clientId: string; clientSecret: string }; teamsApp?: { catalogId: string } },
  tlsDir: string,
): Record<string, string> {
  return {
    MicrosoftAppTenantId: sim.tenantId,
    AUTH_CLIENT_ID: sim.app.clientId,
    AUTH_CLIENT_SECRET: sim.app.clientSecret,
    LOGIN_BASE_URL: sim.url,
    GRAPH_BASE_URL: sim.httpsUrl,
    GRAPH_LOGIN_URL: sim.httpsUrl,
    TLS_CA_FILE: path.join(tlsDir, 'ca.pem'),
    // The app's id in the org catalog, for installing it for staff who never opened the bot.
    ...(sim.teamsApp ? { TEAMS_APP_CATALOG_ID: sim.teamsApp.catalogId } : {}),
    // Where Digipuls opens 1:1 conversations with staff it installed the app for: the simulator's Bot Connector.
    BOT_SERVICE_URL: `${sim.url}/`,
  };
}
