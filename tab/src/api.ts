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
    /** The fields a refused body got wrong, when the problem lists them (`errors: [{path, message}]`). */
    readonly errors: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
  }
}

/** Fetches with the bearer token; a failed call becomes an ApiError with the problem's code. */
async function send(path: string, init: RequestInit = {}, token?: string, accept = 'application/json'): Promise<Response> {
  const response = await fetch(path, {
    ...init,
    headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string; errors?: unknown };
    const errors = Array.isArray(problem.errors) ? (problem.errors as Array<{ path: string; message: string }>).filter((e) => typeof e?.message === 'string') : [];
    throw new ApiError(response.status, problem.code ?? `http_${response.status}`, problem.detail ?? problem.title ?? response.statusText, errors);
  }
  return response;
}

async function request<T>(path: string, init: RequestInit = {}, token?: string): Promise<T> {
  return (await (await send(path, init, token)).json()) as T;
}

/** A file the API sent (a CSV export, say), with the name the server suggests, if any. */
export interface DownloadedFile {
  blob: Blob;
  filename: string | null;
}

/** The file name from a Content-Disposition header (`filename*=UTF-8''…` preferred over `filename="…"`). */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed encoding: fall back to the plain filename parameter below.
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1]?.trim() ?? null;
}

export const getAuthConfig = () => request<AuthConfig>('/api/v1/auth-config');

/** The API as a signed-in person calls it; every feature's screens use this. */
export interface Api {
  get<T>(path: string): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** A non-JSON answer (a CSV export) as a file; a bearer token cannot ride on a plain link, hence fetch. */
  download(path: string, accept: string): Promise<DownloadedFile>;
}

/**
 * An API client that asks for a token on every call (Teams renews SSO tokens itself) and reports a 401
 * once, so any screen's call that finds the session gone sends the person back to sign-in.
 */
export function createApi(getToken: () => Promise<string>, onUnauthorized: (error: ApiError) => void): Api {
  const guarded = async <T>(work: (token: string) => Promise<T>): Promise<T> => {
    try {
      return await work(await getToken());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized(error);
      throw error;
    }
  };
  const call = <T>(path: string, init?: RequestInit) => guarded((token) => request<T>(path, init, token));
  const withBody = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return {
    get: (path) => call(path),
    put: (path, body) => call(path, withBody('PUT', body)),
    post: (path, body) => call(path, withBody('POST', body)),
    download: (path, accept) =>
      guarded(async (token) => {
        const response = await send(path, {}, token, accept);
        return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) };
      }),
  };
}
