/** PKCE (RFC 7636) with S256, and the random `state` that ties a sign-in's return to its start. */

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** 32 random bytes, base64url: 43 characters, as RFC 7636 asks of a code verifier. */
export const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** The S256 code challenge for a verifier. */
export async function challengeFor(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
