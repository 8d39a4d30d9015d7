import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload, type CryptoKey } from 'jose';

/** An RS256 key the simulator signs with, and its public half as published in a JWKS. */
export interface SigningKey {
  kid: string;
  publicJwk: JWK;
  publicKey: CryptoKey;
  sign(payload: JWTPayload, expiresInSeconds?: number): Promise<string>;
}

export async function createSigningKey(kid: string, extra: Record<string, unknown> = {}): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', ...extra };
  return {
    kid,
    publicJwk,
    publicKey,
    sign: (payload, expiresInSeconds = 3600) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iat: now, nbf: now, exp: now + expiresInSeconds, ...payload })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .sign(privateKey);
    },
  };
}
