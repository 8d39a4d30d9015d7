import { z } from 'zod';
import { graphError } from './http.js';
import type { SimRequest } from './http.js';

/** $top as Graph takes it for /users, /groups and member lists: 1–999, 100 when absent. */
export const topParam = z.coerce
  .number({ error: '$top must be a number' })
  .int('$top must be a whole number')
  .min(1, 'Invalid page size specified: $top must be between 1 and 999 inclusive.')
  .max(999, 'Invalid page size specified: $top must be between 1 and 999 inclusive.')
  .default(100);

/** Graph's answer to a skip token it did not hand out (or handed out for another collection). */
export const badPageToken = () => graphError('Request_BadRequest', 'The specified page token value has expired or is invalid.');

/**
 * Skip tokens are opaque to clients (they follow nextLink); inside, the collection they belong to and
 * an offset, so a token from one collection is refused by another.
 */
export const pageToken = (collection: string, offset: number) => Buffer.from(`sim-${collection}:${offset}`).toString('base64url');

/** The offset in a page token for this collection, or undefined when it is not one. */
export function pageOffset(collection: string, token: string): number | undefined {
  const match = /^sim-([a-z-]+):(\d{1,9})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return match && match[1] === collection ? Number(match[2]) : undefined;
}

/** The page's nextLink: absolute, on the transport the client used, every other query option kept (as Graph does). */
export function nextLinkFor(req: SimRequest, collection: string, offset: number): string {
  const next = new URL(req.url);
  next.searchParams.set('$skiptoken', pageToken(collection, offset));
  return next.toString();
}
