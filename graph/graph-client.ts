import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { AppTokenProvider } from './app-token.js';

const RETRYABLE = new Set([429, 503, 504]);
const MAX_ATTEMPTS = 5;

const graphError = z.object({ error: z.object({ code: z.string(), message: z.string().optional() }) });

/** A Graph call that failed for good: carries Graph's status and error code. */
export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphClient {
  /** GET a Graph path (e.g. `/v1.0/users?$top=999`) or an absolute nextLink; returns parsed JSON. */
  get(pathOrUrl: string): Promise<unknown>;
  /** Every item of a paged collection, following `@odata.nextLink`. */
  pages<T>(path: string, item: z.ZodType<T>): AsyncGenerator<T[]>;
}

const page = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().url().optional() });

/** App-only Microsoft Graph over fetch, with retry that honours Retry-After on 429/503/504. */
export function createGraphClient(options: {
  baseUrl: string;
  token: AppTokenProvider;
  fetch?: typeof fetch;
}): GraphClient {
  const fetchImpl = options.fetch ?? fetch;
  // Graph tokens are always for the Graph resource, whatever base URL stands in for it (the simulator).
  const scope = 'https://graph.microsoft.com/.default';

  async function get(pathOrUrl: string): Promise<unknown> {
    const url = /^https?:\/\//.test(pathOrUrl) ? pathOrUrl : `${options.baseUrl}${pathOrUrl}`;
    for (let attempt = 1; ; attempt++) {
      const response = await fetchImpl(url, {
        headers: { authorization: `Bearer ${await options.token(scope)}`, accept: 'application/json' },
      });
      if (response.ok) return response.json();
      if (RETRYABLE.has(response.status) && attempt < MAX_ATTEMPTS) {
        await sleep(retryDelayMs(response.headers.get('retry-after'), attempt));
        continue;
      }
      const body: unknown = await response.json().catch(() => undefined);
      const parsed = graphError.safeParse(body);
      const code = parsed.success ? parsed.data.error.code : `http_${response.status}`;
      const detail = parsed.success ? parsed.data.error.message : response.statusText;
      throw new GraphError(response.status, code, `Graph GET ${new URL(url).pathname} failed: ${response.status} ${code} ${detail ?? ''}`.trim());
    }
  }

  async function* pages<T>(path: string, item: z.ZodType<T>): AsyncGenerator<T[]> {
    let next: string | undefined = path;
    while (next) {
      const body = page.parse(await get(next));
      yield body.value.map((value, index) => {
        const parsed = item.safeParse(value);
        if (!parsed.success) {
          throw new GraphError(502, 'unexpected_response', `Graph ${path}: item ${index} is not as documented: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
        }
        return parsed.data;
      });
      next = body['@odata.nextLink'];
    }
  }

  return { get, pages };
}

/** Retry-After may be seconds (possibly decimal, e.g. "2.128") or an HTTP date; else exponential backoff with jitter. */
export function retryDelayMs(retryAfter: string | null, attempt: number): number {
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return Math.min(30_000, 500 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
}
