import type { Locale } from './i18n';

export type Role = 'Staff' | 'Communicator' | 'UnitLead' | 'AdoptionAdmin' | 'SafetyRep';

export interface AuthConfig {
  authority: string;
  clientId: string;
  scopes: string[];
  demo: boolean;
  defaultLocale: Locale;
  minGroupSize: number;
}

export interface Me {
  id: string;
  name: string;
  upn: string | null;
  tenantId: string;
  roles: Role[];
  units: Array<{ id: string; name: string; path: string[] }>;
  locale: Locale | null;
}

/** A failed API call, with the server's stable problem code. */
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
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError(response.status, problem.code ?? `http_${response.status}`, problem.detail ?? response.statusText);
  }
  return (await response.json()) as T;
}

export const getAuthConfig = () => request<AuthConfig>('/api/v1/auth-config');
export const getMe = (token: string) => request<Me>('/api/v1/me', {}, token);
export const putLocale = (token: string, locale: Locale) =>
  request<Me>('/api/v1/me/preferences', { method: 'PUT', body: JSON.stringify({ locale }), headers: { 'content-type': 'application/json' } }, token);
