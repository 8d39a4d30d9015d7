import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { CodeStore } from './authorization-codes.js';
import type { SimContext } from './context.js';
import { formOf, sendJson, type Router } from './http.js';
import { tenantOf } from './tenants.js';
import { appToken, BOT_FRAMEWORK_RESOURCE, GRAPH_RESOURCE, userAccessToken, userIdToken } from './tokens.js';

const required = (name: string) => z.string({ error: `The request body must contain the following parameter: '${name}'.` }).min(1, `The request body must contain the following parameter: '${name}'.`);

const authorizationCodeGrant = z.object({
  client_id: required('client_id'),
  code: required('code'),
  redirect_uri: required('redirect_uri'),
  code_verifier: required('code_verifier'),
  client_secret: z.string().optional(),
});

const clientCredentialsGrant = z.object({
  client_id: required('client_id'),
  client_secret: required('client_secret'),
  scope: required('scope'),
});

/** Resources an app-only token can be asked for. */
const RESOURCES = new Set([GRAPH_RESOURCE, BOT_FRAMEWORK_RESOURCE]);

/** `POST /{tenant}/oauth2/v2.0/token`: authorization code (with PKCE) and client credentials, in Entra's error shapes. */
export function registerTokenEndpoint(router: Router, ctx: SimContext, codes: CodeStore): void {
  router.on('POST', '/:tenant/oauth2/v2.0/token', async (req, res) => {
    const tenantId = tenantOf(ctx, req.params.tenant!);
    if (!tenantId) return tokenError(res, 400, 'invalid_request', `AADSTS90002: Tenant '${req.params.tenant}' not found.`);
    // Client credentials may come as HTTP Basic instead of in the body (client_secret_basic).
    const basic = basicAuth(req.headers.authorization);
    const fields: Record<string, string | undefined> = { ...(basic ? { client_id: basic.id, client_secret: basic.secret } : {}), ...Object.fromEntries(formOf(req)) };

    if (fields.grant_type === 'authorization_code') {
      // A code is spent by the first attempt to redeem it, right or wrong.
      const pending = fields.code ? codes.redeem(fields.code) : undefined;
      const parsed = authorizationCodeGrant.safeParse(fields);
      if (!parsed.success) return tokenError(res, 400, 'invalid_request', `AADSTS900144: ${parsed.error.issues[0]!.message}`);
      const grant = parsed.data;
      if (tenantId !== ctx.tenantId) return tokenError(res, 400, 'invalid_grant', 'AADSTS50020: No account of this tenant signed in.');
      if (grant.client_secret !== undefined && !sameClient(ctx, grant.client_id, grant.client_secret)) return invalidClient(res);
      if (!pending) return tokenError(res, 400, 'invalid_grant', 'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity, or was already redeemed.');
      if (pending.clientId !== grant.client_id) return tokenError(res, 400, 'invalid_grant', 'AADSTS70000: The provided authorization code was issued to another client.');
      if (pending.redirectUri !== grant.redirect_uri) return tokenError(res, 400, 'invalid_grant', 'AADSTS50148: The redirect_uri does not match the one in the authorization request.');
      if (!safeEqual(createHash('sha256').update(grant.code_verifier).digest('base64url'), pending.challenge)) {
        return tokenError(res, 400, 'invalid_grant', 'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
      }
      const person = ctx.personById(pending.personId)!;
      const openid = pending.scope.split(/\s+/).includes('openid');
      return sendJson(res, 200, {
        token_type: 'Bearer',
        scope: pending.scope,
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: await userAccessToken(ctx, person),
        ...(openid ? { id_token: await userIdToken(ctx, person, pending.nonce) } : {}),
      });
    }

    if (fields.grant_type === 'client_credentials') {
      const parsed = clientCredentialsGrant.safeParse(fields);
      if (!parsed.success) return tokenError(res, 400, 'invalid_request', `AADSTS900144: ${parsed.error.issues[0]!.message}`);
      const grant = parsed.data;
      if (grant.client_id !== ctx.app.clientId) {
        return tokenError(res, 400, 'unauthorized_client', `AADSTS700016: Application with identifier '${grant.client_id}' was not found in the directory.`);
      }
      if (!sameClient(ctx, grant.client_id, grant.client_secret)) return invalidClient(res);
      if (!grant.scope.endsWith('/.default') || grant.scope.includes(' ')) {
        return tokenError(res, 400, 'invalid_scope', `AADSTS1002012: The provided value for scope ${grant.scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
      }
      const resource = grant.scope.slice(0, -'/.default'.length).replace(/\/+$/, '');
      if (!RESOURCES.has(resource)) {
        return tokenError(res, 400, 'invalid_resource', `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${ctx.municipality.name}.`);
      }
      return sendJson(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: await appToken(ctx, tenantId, resource) });
    }

    const grantType = fields.grant_type;
    if (!grantType) return tokenError(res, 400, 'invalid_request', "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
    tokenError(res, 400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${grantType}'.`);
  });
}

function sameClient(ctx: SimContext, clientId: string, secret: string): boolean {
  return clientId === ctx.app.clientId && safeEqual(secret, ctx.app.clientSecret);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function invalidClient(res: ServerResponse): void {
  tokenError(res, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.');
}

/** Entra's token error body. */
function tokenError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, {
    error,
    error_description: description,
    error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)],
    timestamp: new Date().toISOString(),
    trace_id: crypto.randomUUID(),
    correlation_id: crypto.randomUUID(),
  });
}

function basicAuth(header: string | undefined): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined.
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}
