import { randomBytes } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { SimContext } from './context.js';
import type { SimPerson } from './municipality.js';
import { issuerOf } from './tenants.js';

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';
/** The delegated scope the Digipuls API exposes (`api://{clientId}/access_as_user`). */
export const API_SCOPE = 'access_as_user';
/** Application permissions granted (with admin consent) to the Digipuls app in the simulated tenant. */
export const GRAPH_APP_ROLES = [
  'User.Read.All',
  'Group.Read.All',
  'Reports.Read.All',
  'ReportSettings.Read.All',
  'ReportSettings.ReadWrite.All',
  'TeamsAppInstallation.ReadWriteSelfForUser.All',
  'Chat.Read.All',
  'ChannelMessage.Read.All',
  'Sites.Read.All',
];

/** Entra's unique token identifier, different in every token. */
const uti = () => randomBytes(16).toString('base64url').slice(0, 22);

/** The claims every token about a person carries: who, for which app, from which tenant. */
function personClaims(ctx: SimContext, person: SimPerson) {
  return {
    aud: ctx.app.clientId,
    iss: issuerOf(ctx, ctx.tenantId),
    tid: ctx.tenantId,
    oid: person.id,
    sub: person.id,
    name: person.displayName,
    preferred_username: person.userPrincipalName,
  };
}

/**
 * An Entra v2.0 access token for the Digipuls API as the person gets it after signing in: audience
 * the app's client id, the person's app roles (omitted when none). `overrides` replace or, when
 * undefined, remove claims, so tests can make wrong-audience, other-tenant or expired tokens.
 */
export function userAccessToken(ctx: SimContext, person: SimPerson, overrides: JWTPayload = {}): Promise<string> {
  return ctx.entraKey.sign(
    withoutUndefined({
      ...personClaims(ctx, person),
      azp: ctx.app.clientId,
      azpacr: '0',
      scp: API_SCOPE,
      ...(person.appRoles.length ? { roles: [...person.appRoles] } : {}),
      uti: uti(),
      ver: '2.0',
      ...overrides,
    }),
  );
}

/** The OpenID Connect id token that comes with it (no scopes or roles; the nonce echoed when one was sent). */
export function userIdToken(ctx: SimContext, person: SimPerson, nonce?: string): Promise<string> {
  return ctx.entraKey.sign({
    ...personClaims(ctx, person),
    email: person.mail,
    ...(nonce ? { nonce } : {}),
    uti: uti(),
    ver: '2.0',
  });
}

/** An app-only token (client credentials) for a resource, issued by a tenant; Graph tokens carry the granted roles. */
export function appToken(ctx: SimContext, tenantId: string, resource: string): Promise<string> {
  return ctx.entraKey.sign({
    aud: resource,
    iss: issuerOf(ctx, tenantId),
    tid: tenantId,
    // v2.0 tokens name the client in azp; v1.0-style appid kept too, as Graph and the Bot Connector read either.
    azp: ctx.app.clientId,
    appid: ctx.app.clientId,
    azpacr: '1',
    oid: ctx.app.servicePrincipalId,
    sub: ctx.app.servicePrincipalId,
    idtyp: 'app',
    ...(resource === GRAPH_RESOURCE ? { roles: [...ctx.graphAppRoles] } : {}),
    uti: uti(),
    ver: '2.0',
  });
}

function withoutUndefined(payload: JWTPayload): JWTPayload {
  return Object.fromEntries(Object.entries(payload).filter(([, v]) => v !== undefined));
}
