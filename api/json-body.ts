import type { Request } from 'restify';
import type { z } from 'zod';
import { badRequest, DigipulsError } from '../core/errors.js';

/** Reads a JSON body with its schema: 415 unless it is JSON, 400 naming the first wrong field (all of them in `errors`). */
export function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const type = req.header('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new DigipulsError(415, 'unsupported_media_type', 'Send the body as application/json');
  }
  const parsed = schema.safeParse(req.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest('invalid_body', `${issue.path.join('.') || 'body'}: ${issue.message}`, {
      errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  return parsed.data;
}
