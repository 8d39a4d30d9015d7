import { z } from 'zod';

const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
  token_type: z.string(),
});

const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });

export interface AppCredentials {
  loginBaseUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** Gets app-only tokens (OAuth 2.0 client credentials) and reuses each until shortly before it expires. */
export type AppTokenProvider = (scope: string) => Promise<string>;

/** A failure to get a token: the message says which app, tenant and what Entra ID answered. */
export class AppTokenError extends Error {
  override name = 'AppTokenError';
}

export function createAppTokenProvider(credentials: AppCredentials, fetchImpl: typeof fetch = fetch): AppTokenProvider {
  const cache = new Map<string, { token: string; renewAt: number }>();
  return async (scope) => {
    const cached = cache.get(scope);
    if (cached && cached.renewAt > Date.now()) return cached.token;
    const url = `${credentials.loginBaseUrl}/${encodeURIComponent(credentials.tenantId)}/oauth2/v2.0/token`;
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        scope,
      }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = tokenError.safeParse(body);
      const reason = error.success ? `${error.data.error}: ${error.data.error_description ?? ''}` : `HTTP ${response.status}`;
      throw new AppTokenError(`Could not get a token for app ${credentials.clientId} in tenant ${credentials.tenantId} (${reason.trim()})`);
    }
    const parsed = tokenResponse.safeParse(body);
    if (!parsed.success) throw new AppTokenError(`The token endpoint ${url} answered with an unexpected body`);
    // Renew a minute early so a token never expires in flight.
    cache.set(scope, { token: parsed.data.access_token, renewAt: Date.now() + (parsed.data.expires_in - 60) * 1000 });
    return parsed.data.access_token;
  };
}
