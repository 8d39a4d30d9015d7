import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/** An RS256 key the simulator signs with, and its public half as published in a JWKS. */
export interface SigningKey {
  kid: string;
  publicJwk: JWK;
  publicKey: CryptoKey;
  /** Signs a JWT; `iat`, `nbf` and `exp` (now + expiresInSeconds) come first, so the payload can override them. */
  sign(payload: JWTPayload, expiresInSeconds?: number): Promise<string>;
}

/**
 * One key per kid for the life of the process. Simulators started with the same seed are the same
 * tenant, so they share keys: botbuilder caches bot → channel tokens process-wide by app id (static
 * AppCredentials.cache), and a token cached from an earlier simulator must still verify in the next.
 */
const keys = new Map<string, Promise<SigningKey>>();

export function createSigningKey(kid: string): Promise<SigningKey> {
  let key = keys.get(kid);
  if (!key) {
    key = generate(kid);
    keys.set(kid, key);
    // A failed generation must not poison the cache.
    key.catch(() => keys.delete(kid));
  }
  return key;
}

async function generate(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return {
    kid,
    publicJwk,
    publicKey,
    sign: (payload, expiresInSeconds = 3600) => {
      const now = Math.floor(Date.now() / 1000);
      const exp = now + expiresInSeconds;
      // An already expired token (tests ask for one) was issued an hour before it expired, as a real one would be.
      const issued = Math.min(now, exp - 3600);
      return new SignJWT({ iat: issued, nbf: issued, exp, ...payload })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .sign(privateKey);
    },
  };
}
