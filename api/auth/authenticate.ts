import type { Request } from 'restify';
import { unauthorized } from '../../core/errors.js';
import type { Caller } from './caller.js';
import type { TokenValidator } from './token-validator.js';

/** Reads the bearer token of a request and validates it; throws a 401 DigipulsError otherwise. */
export async function authenticate(req: Request, validate: TokenValidator): Promise<Caller> {
  const header = req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw unauthorized('missing_token', 'Send an Entra ID access token as "Authorization: Bearer …"');
  return validate(match[1]!);
}
