import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import { decodeJwt, type JWTPayload } from 'jose';
import type { Simulator } from '../../sim/index.js';

/** The simulator's CA with the public roots, for clients that must trust its HTTPS side. */
export const SIM_CA = [...tls.rootCertificates, readFileSync(path.join(import.meta.dirname, '..', '..', 'sim', 'tls', 'ca.pem'), 'utf8')];

/** fetch() options for a form-encoded POST. */
export function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields) };
}

export const tokenUrl = (sim: Simulator, tenant = sim.tenantId) => `${sim.url}/${tenant}/oauth2/v2.0/token`;
export const authorizeUrl = (sim: Simulator, tenant = sim.tenantId) => `${sim.url}/${tenant}/oauth2/v2.0/authorize`;

/** An app-only token from the simulator's token endpoint (client credentials). */
export async function appToken(sim: Simulator, scope = 'https://graph.microsoft.com/.default', tenant = sim.tenantId): Promise<string> {
  const response = await fetch(tokenUrl(sim, tenant), form({ grant_type: 'client_credentials', client_id: sim.app.clientId, client_secret: sim.app.clientSecret, scope }));
  if (!response.ok) throw new Error(`client credentials: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Signs in as a person through the authorize endpoint (as the page's button would) and returns the code. */
export async function authorizationCode(sim: Simulator, options: { personId: string; redirectUri?: string; state?: string; scope?: string; nonce?: string }) {
  const { verifier, challenge } = pkcePair();
  const redirectUri = options.redirectUri ?? 'http://127.0.0.1:9/tab/';
  const request = {
    client_id: sim.app.clientId,
    response_type: 'code',
    redirect_uri: redirectUri,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: options.scope ?? 'openid profile',
    state: options.state ?? 'state-1',
    ...(options.nonce ? { nonce: options.nonce } : {}),
  };
  const chosen = await fetch(authorizeUrl(sim), { ...form({ ...request, person: options.personId }), redirect: 'manual' });
  if (chosen.status !== 302) throw new Error(`authorize: HTTP ${chosen.status}`);
  const location = new URL(chosen.headers.get('location')!);
  return { code: location.searchParams.get('code')!, location, verifier, redirectUri };
}

/** Redeems a code at the token endpoint. */
export function redeem(sim: Simulator, fields: { code: string; verifier: string; redirectUri: string; clientId?: string }) {
  return fetch(
    tokenUrl(sim),
    form({ grant_type: 'authorization_code', client_id: fields.clientId ?? sim.app.clientId, code: fields.code, redirect_uri: fields.redirectUri, code_verifier: fields.verifier }),
  );
}

export const claims = (token: string): JWTPayload & Record<string, unknown> => decodeJwt(token);

/** GET over HTTPS trusting the simulator's CA (global fetch cannot be given a CA without undici). */
export function httpsGetJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca: SIM_CA }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      })
      .on('error', reject);
  });
}
