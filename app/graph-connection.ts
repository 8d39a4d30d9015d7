import { createAppTokenProvider } from '../graph/app-token.js';
import { createGraphClient, type GraphClient } from '../graph/graph-client.js';
import { createDispatcher, trustedCas } from '../graph/trust.js';
import type { Config } from './config.js';

/** True when the settings needed to call Graph app-only are there. */
export function canCallGraph(config: Config): boolean {
  return Boolean(config.tenantId && config.auth.clientId && config.auth.clientSecret);
}

/** An app-only Graph client from the configuration; close it to release its connections. */
export function connectGraph(config: Config): { graph: GraphClient; tenantId: string; close(): Promise<void> } {
  const { tenantId } = config;
  const { clientId, clientSecret } = config.auth;
  if (!tenantId || !clientId || !clientSecret) {
    throw new Error('Microsoft Graph needs MicrosoftAppTenantId, and AUTH_CLIENT_ID with AUTH_CLIENT_SECRET (or MicrosoftAppId with MicrosoftAppPassword)');
  }
  const ca = trustedCas(config.graph.caFile);
  const dispatcher = createDispatcher(ca);
  const token = createAppTokenProvider({ loginUrl: config.graph.loginUrl, tenantId, clientId, clientSecret, ca });
  return { graph: createGraphClient({ baseUrl: config.graph.baseUrl, token, dispatcher }), tenantId, close: () => dispatcher.close() };
}
