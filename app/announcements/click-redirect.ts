import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { localeFromTag, type Locale } from '../../core/locale.js';
import { botText } from '../../bot/i18n.js';
import { CLICK_PATH, type ClickLinks } from './click-links.js';

/**
 * GET /r/{deliveryKey}/{n}.{signature}: counts the click and sends the person on (302). A link that
 * was altered, forged or belongs to a deleted announcement gets a short page in the browser's
 * language saying so, and nothing is counted.
 */
export function registerClickRedirect(server: Server, links: ClickLinks, defaultLocale: Locale, logger: Logger): void {
  server.get(`${CLICK_PATH}/:deliveryKey/:token`, async (req: Request, res: Response) => {
    const params = req.params as { deliveryKey?: string; token?: string };
    try {
      const target = await links.follow(params.deliveryKey ?? '', params.token ?? '', new Date());
      if ('url' in target) {
        // No referrer: the address would carry the delivery key to the site the person goes to.
        res.writeHead(302, { location: target.url, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
        res.end();
        return;
      }
      sendPage(res, target.error === 'unknown_link' ? 404 : 400, browserLocale(req, defaultLocale), 'linkInvalid');
    } catch (error) {
      logger.error({ err: error }, 'Click link failed');
      sendPage(res, 503, browserLocale(req, defaultLocale), 'linkUnavailable');
    }
  });
}

function browserLocale(req: Request, fallback: Locale): Locale {
  const header = req.header('accept-language') ?? '';
  for (const part of header.split(',')) {
    const locale = localeFromTag(part.split(';')[0]);
    if (locale) return locale;
  }
  return fallback;
}

function sendPage(res: Response, status: number, locale: Locale, key: 'linkInvalid' | 'linkUnavailable'): void {
  const t = botText(locale);
  const title = escapeHtml(t(`announcement.${key}Title`));
  const text = escapeHtml(t(`announcement.${key}`));
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#242424;background:#fff}@media (prefers-color-scheme:dark){body{color:#fff;background:#1f1f1f}}</style></head>
<body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
