import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { packageRoot } from './package-root.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Hosts the tab may be framed by: Teams on the web, desktop and mobile, and Microsoft 365. */
const FRAME_ANCESTORS = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.office.com https://*.cloud.microsoft https://*.microsoft365.com";

/**
 * Serves the built tab (dist/tab) at /tab/. Unknown paths under /tab/ get index.html, so the tab's
 * own routes (/tab/config for the team tab) load the app; hashed assets are cached for a year.
 */
export function registerTabFiles(server: Server, tabDir = path.join(packageRoot(), 'dist', 'tab')): void {
  const send = async (req: Request, res: Response) => {
    const relative = decodeURIComponent(req.path().replace(/^\/tab\/?/, ''));
    const requested = path.resolve(tabDir, relative || 'index.html');
    const inside = requested.startsWith(tabDir + path.sep);
    const file = inside && (await isFile(requested)) ? requested : path.join(tabDir, 'index.html');
    if (!(await isFile(file))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The tab has not been built: run "npm run build".');
      return;
    }
    const isAsset = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
      'content-security-policy': `frame-ancestors ${FRAME_ANCESTORS}`,
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  };
  const redirectTo = (location: string) => async (_req: Request, res: Response) => {
    res.writeHead(302, { location });
    res.end();
  };
  server.get('/tab', redirectTo('/tab/'));
  server.get('/tab/*', send);
  // The manifest links these; the tab has the text in every language.
  for (const page of ['privacy', 'terms']) {
    server.get(`/${page}`, redirectTo(`/tab/#/${page}`));
  }
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}
