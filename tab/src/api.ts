import type { Locale } from './i18n';

export type Role = 'Staff' | 'Communicator' | 'UnitLead' | 'AdoptionAdmin' | 'SafetyRep';

/** `GET /api/v1/auth-config`: how to sign in, before anyone has. */
export interface AuthConfig {
  authority: string;
  clientId: string;
  scopes: string[];
  demo: boolean;
  defaultLocale: Locale;
  /** The smallest group any figure about people is shown for (the privacy page states it). */
  minGroupSize?: number;
}

/** `GET /api/v1/me`: the signed-in person. */
export interface Me {
  id: string;
  name: string;
  upn: string | null;
  tenantId: string;
  roles: Role[];
  units: Array<{ id: string; name: string; path: string[] }>;
  locale: Locale | null;
}

/** A failed API call, with the server's stable problem code (never its message text) to decide on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string };
    throw new ApiError(response.status, problem.code ?? `http_${response.status}`, problem.detail ?? problem.title ?? response.statusText);
  }
  return (await response.json()) as T;
}

export const getAuthConfig = () => request<AuthConfig>('/api/v1/auth-config');

/** The API as a signed-in person calls it; every feature's screens use this. */
export interface Api {
  get<T>(path: string): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

/**
 * An API client that asks for a token on every call (Teams renews SSO tokens itself) and reports a 401
 * once, so any screen's call that finds the session gone sends the person back to sign-in.
 */
export function createApi(getToken: () => Promise<string>, onUnauthorized: (error: ApiError) => void): Api {
  const call = async <T>(path: string, init?: RequestInit): Promise<T> => {
    try {
      return await request<T>(path, init, await getToken());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized(error);
      throw error;
    }
  };
  const withBody = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return {
    get: (path) => call(path),
    put: (path, body) => call(path, withBody('PUT', body)),
    post: (path, body) => call(path, withBody('POST', body)),
  };
}
