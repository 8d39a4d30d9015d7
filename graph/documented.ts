import type { z } from 'zod';
import { GraphError } from './graph-client.js';

/** Graph's answer checked against what its documentation promises; anything else is a 502 naming the first difference. */
export function documented<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new GraphError(502, 'unexpected_response', `Graph ${what}: the answer is not as documented: ${issue?.path.join('.')} ${issue?.message}`);
}
