import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { unauthorized, unavailable } from '../../core/errors.js';
import { rolesFromClaim } from '../../core/roles.js';
import type { Caller } from './caller.js';

export interface TokenValidatorOptions {
  /** e.g. https://login.microsoftonline.com (or the simulator). */
  loginBaseUrl: string;
  tenantId: string;
  /** The app registration the tab's tokens are issued for. */
  clientId: string;
  /** Where the tab is served, for the `api://host/clientId` audience form. */
  publicUrl: string;
}

const metadataSchema = z.object({ issuer: z.string().min(1), jwks_uri: z.string().url() });

const claimsSchema = z.object({
  oid: z.string().min(1),
  tid: z.string().min(1),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  upn: z.string().optional(),
  roles: z.array(z.string()).optional(),
});

export type TokenValidator = (token: string) => Promise<Caller>;

/**
 * Validates Entra ID v2 access tokens for the Digipuls API with jose: signature against the tenant's
 * published keys (found through its OpenID metadata), issuer, audience, expiry, and the tenant.
 */
export function createTokenValidator(options: TokenValidatorOptions): TokenValidator {
  const metadataUrl = `${options.loginBaseUrl}/${encodeURIComponent(options.tenantId)}/v2.0/.well-known/openid-configuration`;
  const audiences = [options.clientId, `api://${new URL(options.publicUrl).host}/${options.clientId}`];
  let discovered: Promise<{ issuer: string; keys: ReturnType<typeof createRemoteJWKSet> }> | undefined;

  const discover = () => {
    discovered ??= (async () => {
      const response = await fetch(metadataUrl).catch(() => undefined);
      const parsed = metadataSchema.safeParse(response?.ok ? await response.json() : undefined);
      if (!parsed.success) {
        discovered = undefined; // try again on the next request
        throw unavailable('identity_provider_unavailable', `Could not read the OpenID metadata at ${metadataUrl}`);
      }
      return { issuer: parsed.data.issuer, keys: createRemoteJWKSet(new URL(parsed.data.jwks_uri)) };
    })();
    return discovered;
  };

  return async (token) => {
    const { issuer, keys } = await discover();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer, audience: audiences, algorithms: ['RS256'], clockTolerance: 60 }));
    } catch (error) {
      throw unauthorized(...reasonFor(error));
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw unauthorized('invalid_token', 'The token lacks the oid or tid claim');
    // Single-tenant: a valid token from another tenant is still not one of our staff.
    if (claims.data.tid !== options.tenantId) throw unauthorized('wrong_tenant', 'The token was issued for another tenant');
    return {
      tenantId: claims.data.tid,
      id: claims.data.oid,
      name: claims.data.name ?? claims.data.preferred_username ?? claims.data.oid,
      upn: claims.data.preferred_username ?? claims.data.upn ?? null,
      roles: rolesFromClaim(claims.data.roles),
    };
  };
}

function reasonFor(error: unknown): [string, string] {
  if (error instanceof joseErrors.JWTExpired) return ['token_expired', 'The token has expired; sign in again'];
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return ['wrong_audience', 'The token was not issued for Digipuls'];
    if (error.claim === 'iss') return ['wrong_issuer', 'The token was not issued by this tenant'];
    return ['invalid_token', `The token's ${error.claim} claim is not valid`];
  }
  if (error instanceof joseErrors.JWKSNoMatchingKey || error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return ['invalid_signature', 'The token is not signed by the identity provider'];
  }
  return ['invalid_token', 'The token could not be validated'];
}
