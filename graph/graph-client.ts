import { Readable } from 'node:stream';
import {
  AuthenticationHandler,
  Client,
  GraphError as SdkGraphError,
  ResponseType,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { fetch as undiciFetch, type Agent } from 'undici';
import { z } from 'zod';
import type { AppTokenProvider } from './app-token.js';

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
  /** GET a Graph v1.0 path (e.g. `/users?$top=999`) or an absolute nextLink; returns parsed JSON. */
  get(pathOrUrl: string): Promise<unknown>;
  /** Every item of a paged collection, a page at a time, following `@odata.nextLink`; each item checked against its schema. */
  pages<T>(path: string, item: z.ZodType<T>): AsyncGenerator<T[]>;
  /**
   * A report function's file: Graph answers 302 to a short-lived pre-authenticated URL, which is
   * fetched without the bearer token (storage rejects or could leak it).
   */
  download(path: string): Promise<Readable>;
  /** POST a JSON body to a Graph v1.0 path; returns the parsed answer (undefined when empty). Failures throw GraphError with Graph's status and code. */
  post(path: string, body: unknown): Promise<unknown>;
}

export interface GraphClientOptions {
  /** https://graph.microsoft.com, or a stand-in (the simulator) — it must be HTTPS, as Graph is. */
  baseUrl: string;
  token: AppTokenProvider;
  /** The HTTP dispatcher (connection pool, trusted CAs) calls go through. */
  dispatcher: Agent;
  /** Retries of a throttled (429) or unavailable (503/504) call; Graph's report throttling needs patience. */
  maxRetries?: number;
}

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const page = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().url().optional() });

/**
 * App-only Microsoft Graph through the Microsoft Graph client library: its AuthenticationHandler adds
 * the token, its RetryHandler retries 429/503/504 honouring Retry-After (also decimal seconds), and the
 * last link sends the request through undici with redirects left to us.
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const base = new URL(options.baseUrl);
  if (base.protocol !== 'https:') throw new Error(`GRAPH_BASE_URL must be an https URL (Graph tokens are never sent over plain http); got ${options.baseUrl}`);
  const send = (url: string, init: RequestInit) => undiciFetch(url, { ...(init as object), dispatcher: options.dispatcher }) as unknown as Promise<Response>;
  const client = Client.initWithMiddleware({
    baseUrl: `${base.origin}${base.pathname.replace(/\/$/, '')}/`,
    defaultVersion: 'v1.0',
    // The library sends the token only to hosts it knows as Graph; a stand-in's host is named here.
    customHosts: new Set([base.hostname]),
    fetchOptions: { redirect: 'manual' },
    // The library links an array of handlers in order.
    middleware: [
      new AuthenticationHandler({ getAccessToken: () => options.token(GRAPH_SCOPE) }),
      new RetryHandler(new RetryHandlerOptions(2, options.maxRetries ?? 8)),
      fetchHandler(send),
    ],
  });

  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof SdkGraphError) {
        throw new GraphError(error.statusCode, error.code ?? `http_${error.statusCode}`, `Graph ${what} failed: ${error.statusCode} ${error.code ?? ''} ${error.message ?? ''}`.trim());
      }
      throw error;
    }
  }

  const get = (pathOrUrl: string) => call(`GET ${shortPath(pathOrUrl)}`, () => client.api(pathOrUrl).get() as Promise<unknown>);

  async function* pages<T>(path: string, item: z.ZodType<T>): AsyncGenerator<T[]> {
    let next: string | undefined = path;
    // Named by page and place, so the log says where Graph's answer broke from its documentation.
    for (let pageNumber = 1; next; pageNumber++) {
      const body = page.safeParse(await get(next));
      if (!body.success) throw new GraphError(502, 'unexpected_response', `Graph ${shortPath(path)}: page ${pageNumber} is not a collection page: ${issueText(body.error)}`);
      yield body.data.value.map((value, index) => {
        const parsed = item.safeParse(value);
        if (!parsed.success) {
          throw new GraphError(502, 'unexpected_response', `Graph ${shortPath(path)}: page ${pageNumber}, item ${index} is not as documented: ${issueText(parsed.error)}`);
        }
        return parsed.data;
      });
      next = body.data['@odata.nextLink'];
    }
  }

  async function download(path: string): Promise<Readable> {
    const redirect = await call(`GET ${shortPath(path)}`, () => client.api(path).responseType(ResponseType.RAW).get() as Promise<Response>);
    const location = redirect.headers.get('location');
    if (redirect.status < 300 || redirect.status > 399 || !location) {
      const body = (await redirect.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
      throw new GraphError(redirect.status, body?.error?.code ?? `http_${redirect.status}`, `Graph GET ${shortPath(path)} answered ${redirect.status} ${body?.error?.message ?? 'without a download link'}`);
    }
    const file = await send(new URL(location, base).toString(), { redirect: 'follow' });
    if (!file.ok || !file.body) throw new GraphError(file.status, `http_${file.status}`, `Downloading the report of ${shortPath(path)} failed: ${file.status} ${file.statusText}`);
    return Readable.fromWeb(file.body as import('node:stream/web').ReadableStream);
  }

  const post = (path: string, body: unknown) => call(`POST ${shortPath(path)}`, () => client.api(path).post(body) as Promise<unknown>);

  return { get, pages, download, post };
}

/** The last link of the chain: sends the request and leaves the response on the context. */
function fetchHandler(send: (url: string, init: RequestInit) => Promise<Response>): Middleware {
  return {
    async execute(context: Context) {
      const url = typeof context.request === 'string' ? context.request : (context.request as Request).url;
      context.response = await send(url, (context.options ?? {}) as RequestInit);
    },
  };
}

/** The first thing wrong, with the field it is in (`accountEnabled: Invalid input: expected boolean, received string`). */
function issueText(error: z.ZodError): string {
  const [first, ...more] = error.issues;
  if (!first) return 'not as documented';
  const where = first.path.length > 0 ? first.path.join('.') : 'the whole';
  return `${where}: ${first.message}${more.length > 0 ? ` (and ${more.length} more)` : ''}`;
}

/** A path for messages: no host, no query (query values can be long tokens). */
function shortPath(pathOrUrl: string): string {
  return pathOrUrl.replace(/^https?:\/\/[^/]+/, '').replace(/\?.*$/, '');
}
