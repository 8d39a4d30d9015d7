import { createConfidentialClient } from './confidential-client.js';

export interface AppCredentials {
  /** The Entra ID authority base (https://login.microsoftonline.com, or the simulator's HTTPS URL). */
  loginUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** CAs to trust for the token endpoint (see trust.ts); the public roots when absent. */
  ca?: string[];
}

/** Gets app-only tokens (client credentials) for a resource scope, e.g. https://graph.microsoft.com/.default. */
export type AppTokenProvider = (scope: string) => Promise<string>;

/** A failure to get a token: the message says which app and tenant, and what Entra ID answered. */
export class AppTokenError extends Error {
  override name = 'AppTokenError';
}

const MICROSOFT_LOGIN = 'https://login.microsoftonline.com';

/** Tokens through msal-node, which caches each until shortly before it expires. */
export function createAppTokenProvider(credentials: AppCredentials): AppTokenProvider {
  const authority = `${credentials.loginUrl}/${credentials.tenantId}`;
  const msal = createConfidentialClient({
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    authority,
    trustAuthority: credentials.loginUrl !== MICROSOFT_LOGIN,
    ca: credentials.ca,
  });
  return async (scope) => {
    try {
      const result = await msal.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new Error('no access token in the answer');
      return result.accessToken;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new AppTokenError(`Could not get a token for app ${credentials.clientId} in tenant ${credentials.tenantId} from ${authority} (${reason})`, { cause: error });
    }
  };
}
