import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** A request as the simulator's handlers see it: parsed URL, path parameters and the raw body. */
export interface SimRequest {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The origin the client used (http or https), so the links we hand out keep it on the same transport. */
  origin: string;
}

export type SimHandler = (req: SimRequest, res: ServerResponse) => void | Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: SimHandler;
}

/** Larger bodies are refused: nothing the simulator stands in for takes more. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

class HttpProblem extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** A minimal router: `/:tenant/oauth2/v2.0/token` style patterns, first match wins. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: SimHandler): this {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/[.$]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}/?$`,
    );
    this.routes.push({ method, pattern, names, handler });
    return this;
  }

  /**
   * Handles a request and never rejects: a request that cannot be read or routed gets 400/404/405/413
   * and a handler that throws gets 500, each in the error shape of the API the path belongs to.
   */
  async handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    let path = incoming.url ?? '/';
    try {
      const encrypted = Boolean((incoming.socket as TLSSocket).encrypted);
      const origin = `${encrypted ? 'https' : 'http'}://${incoming.headers.host ?? 'localhost'}`;
      const url = parseUrl(incoming.url ?? '/', origin);
      path = url.pathname;
      const body = await readBody(incoming);
      const method = incoming.method ?? 'GET';
      if (method === 'OPTIONS') return sendPreflight(res);
      let pathMatched = false;
      for (const route of this.routes) {
        const match = route.pattern.exec(url.pathname);
        if (!match) continue;
        pathMatched = true;
        if (route.method !== method) continue;
        const params = Object.fromEntries(route.names.map((name, i) => [name, decode(match[i + 1]!)]));
        await route.handler({ method, url, params, headers: incoming.headers, body, origin: url.origin }, res);
        return;
      }
      if (pathMatched) throw new HttpProblem(405, 'MethodNotAllowed', `${method} is not supported on ${url.pathname}`);
      throw new HttpProblem(404, 'NotFound', `${method} ${url.pathname} is not simulated`);
    } catch (error) {
      const problem = error instanceof HttpProblem ? error : new HttpProblem(500, 'InternalServerError', String(error));
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendProblem(res, path, problem.status, problem.code, problem.message);
    }
  }
}

function parseUrl(raw: string, origin: string): URL {
  try {
    return new URL(raw, origin);
  } catch {
    throw new HttpProblem(400, 'BadRequest', 'The request line or Host header is not a valid URL');
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpProblem(400, 'BadRequest', `Malformed percent-encoding in '${segment}'`);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new HttpProblem(413, 'RequestEntityTooLarge', `The body is larger than ${MAX_BODY_BYTES} bytes`));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Entra ID answers `{error, error_description}`; Graph and the Bot Connector `{error: {code, message}}`. */
function sendProblem(res: ServerResponse, path: string, status: number, code: string, message: string): void {
  if (/\/oauth2\/|\/discovery\/|openid-configuration/.test(path)) {
    sendJson(res, status, { error: status >= 500 ? 'temporarily_unavailable' : 'invalid_request', error_description: message });
  } else {
    sendJson(res, status, graphError(code, message));
  }
}

/** Graph's error body, with the innerError Graph adds. */
export function graphError(code: string, message: string) {
  return { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': crypto.randomUUID() } } };
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type, consistencylevel, client-request-id, x-client-sku, x-client-ver, x-client-os, x-client-cpu, x-ms-lib-capability',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-expose-headers': 'retry-after, request-id, location',
};

function sendPreflight(res: ServerResponse): void {
  res.writeHead(204, { ...CORS, 'access-control-max-age': '600' });
  res.end();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS, ...headers });
  res.end(JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store' });
  res.end();
}

/** The body as form fields (application/x-www-form-urlencoded). */
export function formOf(req: SimRequest): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}

/** The body as JSON, or undefined when it is not JSON. */
export function jsonOf(req: SimRequest): unknown {
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export function bearerOf(req: SimRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}
