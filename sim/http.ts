import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** A request as the simulator's handlers see it: parsed URL, path parameters and the raw body. */
export interface SimRequest {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The origin the client used (http or https), so issuers and links match what it called. */
  origin: string;
}

export type SimHandler = (req: SimRequest, res: ServerResponse) => void | Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: SimHandler;
}

/** A minimal router: `/:tenant/oauth2/v2.0/token` style patterns, first match wins. */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, path: string, handler: SimHandler): this {
    const names: string[] = [];
    const pattern = new RegExp(
      `^${path.replace(/[.]/g, '\\.').replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}/?$`,
    );
    this.routes.push({ method, pattern, names, handler });
    return this;
  }

  /** Handles a request; answers 404/405 in Graph's error shape when no route matches. */
  async handle(incoming: IncomingMessage, res: ServerResponse): Promise<void> {
    const encrypted = Boolean((incoming.socket as TLSSocket).encrypted);
    const origin = `${encrypted ? 'https' : 'http'}://${incoming.headers.host ?? 'localhost'}`;
    const url = new URL(incoming.url ?? '/', origin);
    const body = await readBody(incoming);
    const method = incoming.method ?? 'GET';
    if (method === 'OPTIONS') return sendPreflight(res);
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      try {
        await route.handler({ method, url, params, headers: incoming.headers, body, origin }, res);
      } catch (error) {
        if (!res.headersSent) sendJson(res, 500, { error: { code: 'InternalServerError', message: String(error) } });
      }
      return;
    }
    sendJson(res, pathMatched ? 405 : 404, {
      error: { code: pathMatched ? 'MethodNotAllowed' : 'NotFound', message: `${method} ${url.pathname} is not simulated` },
    });
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
};

function sendPreflight(res: ServerResponse): void {
  res.writeHead(204, CORS);
  res.end();
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...CORS, ...headers });
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
