import type { Logger } from 'pino';
import type { Request, RequestHandler, Response } from 'restify';
import { DigipulsError } from '../core/errors.js';
import { problemFromError, sendProblem } from './problem.js';

/**
 * Wraps an async route: its result is sent as JSON, a thrown DigipulsError as its problem, anything
 * else as a 500 problem that is logged but never leaks details.
 */
export function jsonRoute(logger: Logger, route: (req: Request, res: Response) => Promise<unknown>): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      const body = await route(req, res);
      if (!res.headersSent) {
        // A route may set 201 (created); anything else answers 200.
        res.writeHead(res.statusCode === 201 ? 201 : 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      }
    } catch (error) {
      if (!(error instanceof DigipulsError) || error.status >= 500) {
        logger.error({ err: error, path: req.path() }, 'API request failed');
      }
      sendProblem(res, problemFromError(error));
    }
  };
}
