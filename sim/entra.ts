import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { errorPage, pageLocale, signInPage } from './sign-in-page.js';
import { formOf, redirect, sendHtml, sendJson, type Router, type SimRequest } from './http.js';
import type { SimContext } from './context.js';

/** The tenant name the Bot Framework issues bot → channel tokens from. */
export const BOT_FRAMEWORK_TENANT = 'botframework.com';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';
/** Application permissions granted to the Digipuls app in the simulated tenant. */
export const GRAPH_APP_ROLES = ['User.Read.All', 'Reports.Read.All', 'ReportSettings.Read.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All', 'Chat.Read.All'];

const authorizeParams = z.object({
  client_id: z.string().min(1),
  response_type: z.literal('code'),
  redirect_uri: z.string().url(),
  code_challenge: z.string().min(43).max(128),
  code_challenge_method: z.literal('S256'),
  state: z.string().optional(),
  scope: z.string().optional(),
  ui_locales: z.string().optional(),
});

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  personId: string;
  scope: string;
  expires: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Entra ID: OpenID metadata, keys, the demo sign-in (authorization code + PKCE) and the token endpoint. */
export function registerEntra(router: Router, ctx: SimContext): void {
  const codes = new Map<string, PendingCode>();
  const knownTenant = (tenant: string) => tenant === ctx.tenantId || tenant === BOT_FRAMEWORK_TENANT;

  router.on('GET', '/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    const { tenant } = req.params;
    if (!knownTenant(tenant!)) return sendJson(res, 400, { error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${tenant}' not found.` });
    const base = `${req.origin}/${tenant}`;
    sendJson(res, 200, {
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      tenant_region_scope: 'EU',
    });
  });

  router.on('GET', '/:tenant/discovery/v2.0/keys', (_req, res) => sendJson(res, 200, { keys: [ctx.entraKey.publicJwk] }));

  const authorize = (req: SimRequest, res: ServerResponse) => {
    const form = req.method === 'POST' ? formOf(req) : req.url.searchParams;
    const parsed = authorizeParams.safeParse(Object.fromEntries(form));
    const locale = pageLocale(form.get('ui_locales'));
    if (!parsed.success) return sendHtml(res, 400, errorPage(locale, `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`));
    const request = parsed.data;
    if (request.client_id !== ctx.app.clientId) return sendHtml(res, 400, errorPage(locale, `AADSTS700016: unknown client_id ${request.client_id}`));
    const redirectUri = new URL(request.redirect_uri);
    if (!LOOPBACK.has(redirectUri.host.replace(/:\d+$/, '')) && !LOOPBACK.has(redirectUri.hostname)) {
      return sendHtml(res, 400, errorPage(locale, 'AADSTS50011: the redirect URI is not registered (the simulator accepts loopback addresses only)'));
    }
    const personId = form.get('person');
    if (req.method === 'GET' || !personId) {
      const demo = ctx.municipality.demoPersons;
      return sendHtml(
        res,
        200,
        signInPage({
          locale,
          municipality: ctx.municipality.name,
          people: [demo.communicator, demo.unitLead, demo.admin, demo.safetyRep, demo.staff],
          hiddenFields: Object.fromEntries(Object.entries(request).filter((e): e is [string, string] => typeof e[1] === 'string')),
        }),
      );
    }
    if (!ctx.personById(personId)) return sendHtml(res, 400, errorPage(locale, 'unknown person'));
    const code = randomBytes(24).toString('base64url');
    codes.set(code, {
      clientId: request.client_id,
      redirectUri: request.redirect_uri,
      challenge: request.code_challenge,
      personId,
      scope: request.scope ?? 'openid profile',
      expires: Date.now() + 5 * 60_000,
    });
    redirectUri.searchParams.set('code', code);
    if (request.state !== undefined) redirectUri.searchParams.set('state', request.state);
    redirect(res, redirectUri.toString());
  };
  router.on('GET', '/:tenant/oauth2/v2.0/authorize', authorize);
  router.on('POST', '/:tenant/oauth2/v2.0/authorize', authorize);

  router.on('POST', '/:tenant/oauth2/v2.0/token', async (req, res) => {
    const { tenant } = req.params;
    if (!knownTenant(tenant!)) return tokenError(res, 400, 'invalid_request', `AADSTS90002: Tenant '${tenant}' not found.`);
    const form = formOf(req);
    const [basicId, basicSecret] = basicAuth(req.headers.authorization);
    const clientId = form.get('client_id') ?? basicId;
    switch (form.get('grant_type')) {
      case 'authorization_code': {
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? ''); // single use, also when the rest is wrong
        if (!pending || pending.expires < Date.now()) return tokenError(res, 400, 'invalid_grant', 'AADSTS70008: The authorization code is invalid or has expired.');
        if (pending.clientId !== clientId) return tokenError(res, 400, 'invalid_grant', 'AADSTS70000: The code was issued to another client.');
        if (pending.redirectUri !== form.get('redirect_uri')) return tokenError(res, 400, 'invalid_grant', 'AADSTS50148: The redirect_uri does not match the one in the authorization request.');
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== pending.challenge) {
          return tokenError(res, 400, 'invalid_grant', 'AADSTS501481: The code_verifier does not match the code_challenge.');
        }
        const accessToken = await ctx.issueUserToken(pending.personId, {}, req.origin);
        const idToken = await ctx.issueUserToken(pending.personId, { scp: undefined, roles: undefined }, req.origin);
        return sendJson(res, 200, { token_type: 'Bearer', scope: pending.scope, expires_in: 3600, ext_expires_in: 3600, access_token: accessToken, id_token: idToken });
      }
      case 'client_credentials': {
        const secret = form.get('client_secret') ?? basicSecret;
        if (clientId !== ctx.app.clientId || secret !== ctx.app.clientSecret) {
          return tokenError(res, 401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');
        }
        const scope = form.get('scope') ?? '';
        const resource = scope.endsWith('/.default') ? scope.slice(0, -'/.default'.length) : undefined;
        if (resource !== GRAPH_RESOURCE && resource !== BOT_FRAMEWORK_RESOURCE) {
          return tokenError(res, 400, 'invalid_scope', `AADSTS1002012: The provided value for scope ${scope} is not valid.`);
        }
        const token = await ctx.entraKey.sign({
          aud: resource,
          iss: `${req.origin}/${tenant}/v2.0`,
          tid: tenant === BOT_FRAMEWORK_TENANT ? ctx.tenantId : tenant,
          appid: clientId,
          azp: clientId,
          oid: ctx.app.servicePrincipalId,
          sub: ctx.app.servicePrincipalId,
          idtyp: 'app',
          ver: '2.0',
          ...(resource === GRAPH_RESOURCE ? { roles: GRAPH_APP_ROLES } : {}),
        });
        return sendJson(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
      }
      default:
        return tokenError(res, 400, 'unsupported_grant_type', `AADSTS70003: The grant type ${form.get('grant_type')} is not supported.`);
    }
  });
}

function tokenError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description, error_codes: [Number(/AADSTS(\d+)/.exec(description)?.[1] ?? 0)], timestamp: new Date().toISOString() });
}

function basicAuth(header: string | undefined): [string | undefined, string | undefined] {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return [undefined, undefined];
  const [id, secret] = Buffer.from(match[1]!, 'base64').toString('utf8').split(':');
  return [id && decodeURIComponent(id), secret && decodeURIComponent(secret)];
}
