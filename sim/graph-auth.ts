import { errors as joseErrors, jwtVerify } from 'jose';
import type { ServerResponse } from 'node:http';
import type { SimContext } from './context.js';
import { bearerOf, graphError, sendJson, type SimRequest } from './http.js';
import { GRAPH_RESOURCE } from './tokens.js';

/**
 * Checks a Graph call's token as Graph does: a token from this simulator for this tenant, audience
 * Graph, not expired (else 401), holding one of the permissions (else 403): application roles in
 * `roles`, or delegated scopes in `scp`. Answers the error itself and returns false.
 */
export async function graphAuthorised(ctx: SimContext, req: SimRequest, res: ServerResponse, anyOf: readonly string[]): Promise<boolean> {
  const token = bearerOf(req);
  if (!token) {
    sendJson(res, 401, graphError('InvalidAuthenticationToken', 'Access token is empty.'));
    return false;
  }
  try {
    const { payload } = await jwtVerify(token, ctx.entraKey.publicKey, { audience: GRAPH_RESOURCE, algorithms: ['RS256'] });
    if (payload.tid !== ctx.tenantId) throw new Error('another tenant');
    const roles = Array.isArray(payload.roles) ? (payload.roles as unknown[]) : [];
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!anyOf.some((p) => roles.includes(p) || scopes.includes(p))) {
      sendJson(res, 403, graphError('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'));
      return false;
    }
    return true;
  } catch (error) {
    const message = error instanceof joseErrors.JWTExpired ? 'Lifetime validation failed, the token is expired.' : 'Access token validation failure. Invalid audience, issuer or signature.';
    sendJson(res, 401, graphError('InvalidAuthenticationToken', message));
    return false;
  }
}
