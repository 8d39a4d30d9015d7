import type { Request } from 'restify';
import type { z } from 'zod';
import { badRequest } from '../core/errors.js';

/** Reads the query string with its (strict) schema: 400 naming an unknown parameter or the first wrong one. */
export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const parsed = schema.safeParse(req.query ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badRequest('invalid_query', issue.code === 'unrecognized_keys' ? `Unknown query parameter: ${issue.keys.join(', ')}` : issue.message);
  }
  return parsed.data;
}
