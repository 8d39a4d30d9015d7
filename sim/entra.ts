import type { ServerResponse } from 'node:http';
import { createCodeStore } from './authorization-codes.js';
import { registerAuthorize } from './authorize.js';
import type { SimContext } from './context.js';
import { sendJson, type Router, type SimRequest } from './http.js';
import { issuerOf, tenantOf } from './tenants.js';
import { registerTokenEndpoint } from './token-endpoint.js';

export { BOT_FRAMEWORK_TENANT, BOT_FRAMEWORK_TENANT_ID } from './tenants.js';
export { BOT_FRAMEWORK_RESOURCE, GRAPH_APP_ROLES, GRAPH_RESOURCE } from './tokens.js';

/**
 * Entra ID for the municipality's tenant and for botframework.com: OpenID metadata, keys, instance
 * discovery, the demo sign-in (authorization code + PKCE) and the token endpoint.
 */
export function registerEntra(router: Router, ctx: SimContext): void {
  const metadata = (req: SimRequest, res: ServerResponse) => {
    const tenantId = tenantOf(ctx, req.params.tenant!);
    if (!tenantId) return unknownTenant(res, req.params.tenant!);
    // Endpoints follow the transport the client used (msal-node needs https); the issuer is the tenant's one issuer.
    const base = `${req.origin}/${tenantId}`;
    sendJson(res, 200, {
      issuer: issuerOf(ctx, tenantId),
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${base}/oauth2/v2.0/token`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment'],
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'client_credentials'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'preferred_username', 'oid', 'tid', 'roles', 'scp', 'nonce', 'email'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
    });
  };
  router.on('GET', '/:tenant/v2.0/.well-known/openid-configuration', metadata);
  // msal-node in OIDC protocol mode asks here (without v2.0) for an authority it does not know as Microsoft's.
  router.on('GET', '/:tenant/.well-known/openid-configuration', metadata);

  const keys = (req: SimRequest, res: ServerResponse) => {
    if (!tenantOf(ctx, req.params.tenant!)) return unknownTenant(res, req.params.tenant!);
    sendJson(res, 200, { keys: [ctx.entraKey.publicJwk] });
  };
  router.on('GET', '/:tenant/discovery/v2.0/keys', keys);
  router.on('GET', '/:tenant/discovery/keys', keys);

  // Instance discovery, as login.microsoftonline.com answers it; msal skips it for knownAuthorities, others may ask.
  router.on('GET', '/common/discovery/instance', (req, res) => {
    const host = new URL(req.origin).host;
    sendJson(res, 200, {
      tenant_discovery_endpoint: `${req.origin}/{tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });

  const codes = createCodeStore();
  registerAuthorize(router, ctx, codes);
  registerTokenEndpoint(router, ctx, codes);
}

function unknownTenant(res: ServerResponse, tenant: string): void {
  sendJson(res, 400, {
    error: 'invalid_tenant',
    error_description: `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    error_codes: [90002],
    timestamp: new Date().toISOString(),
  });
}
