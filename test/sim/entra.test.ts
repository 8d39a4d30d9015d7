import assert from 'node:assert/strict';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { startSimulator, BOT_FRAMEWORK_TENANT_ID, type Simulator } from '../../sim/index.js';
import { appToken, authorizationCode, authorizeUrl, claims, form, httpsGetJson, pkcePair, redeem, tokenUrl } from './sim-helpers.js';

interface TokenError {
  error: string;
  error_description: string;
}

describe('simulator: Entra ID', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ staff: 300, seed: 'entra-test' });
  });
  after(() => sim?.close());

  describe('OpenID metadata', () => {
    it("names the tenant's one issuer, over HTTP and HTTPS, with endpoints on the transport used", async () => {
      const plain = (await (await fetch(`${sim.url}/${sim.tenantId}/v2.0/.well-known/openid-configuration`)).json()) as Record<string, string>;
      assert.equal(plain.issuer, `${sim.url}/${sim.tenantId}/v2.0`);
      assert.equal(plain.token_endpoint, `${sim.url}/${sim.tenantId}/oauth2/v2.0/token`);
      const secure = await httpsGetJson(`${sim.httpsUrl}/${sim.tenantId}/v2.0/.well-known/openid-configuration`);
      const body = secure.body as Record<string, string>;
      assert.equal(body.issuer, plain.issuer);
      assert.equal(body.token_endpoint, `${sim.httpsUrl}/${sim.tenantId}/oauth2/v2.0/token`);
      const keys = (await (await fetch(plain.jwks_uri!)).json()) as { keys: Array<{ kid: string; kty: string; alg: string }> };
      assert.equal(keys.keys[0]?.kty, 'RSA');
      assert.equal(keys.keys[0]?.alg, 'RS256');
      assert.ok(keys.keys[0]?.kid);
    });

    it('knows the tenant by its domain and botframework.com by name, and refuses other tenants', async () => {
      const byDomain = (await (await fetch(`${sim.url}/fjordvik.kommune.no/v2.0/.well-known/openid-configuration`)).json()) as { issuer: string };
      assert.equal(byDomain.issuer, `${sim.url}/${sim.tenantId}/v2.0`);
      const bf = (await (await fetch(`${sim.url}/botframework.com/v2.0/.well-known/openid-configuration`)).json()) as { issuer: string };
      assert.equal(bf.issuer, `${sim.url}/${BOT_FRAMEWORK_TENANT_ID}/v2.0`);
      const unknown = await fetch(`${sim.url}/contoso.com/v2.0/.well-known/openid-configuration`);
      assert.equal(unknown.status, 400);
      assert.equal(((await unknown.json()) as TokenError).error, 'invalid_tenant');
    });
  });

  describe('authorization code flow with PKCE', () => {
    it('signs a person in and issues an access token for the API that verifies against the published keys', async () => {
      const admin = sim.municipality.demoPersons.admin;
      const { code, location, verifier, redirectUri } = await authorizationCode(sim, { personId: admin.id, state: 'abc', nonce: 'n-1' });
      assert.equal(location.origin + location.pathname, redirectUri);
      assert.equal(location.searchParams.get('state'), 'abc');
      const response = await redeem(sim, { code, verifier, redirectUri });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', 'a browser tab may call the token endpoint');
      const body = (await response.json()) as { access_token: string; id_token: string; token_type: string; expires_in: number };
      assert.equal(body.token_type, 'Bearer');

      const metadata = (await (await fetch(`${sim.url}/${sim.tenantId}/v2.0/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
      const { payload } = await jwtVerify(body.access_token, createRemoteJWKSet(new URL(metadata.jwks_uri)), { issuer: metadata.issuer, audience: sim.app.clientId });
      assert.equal(payload.tid, sim.tenantId);
      assert.equal(payload.oid, admin.id);
      assert.equal(payload.name, 'Eirik Aune');
      assert.equal(payload.preferred_username, 'eirik.aune@fjordvik.kommune.no');
      assert.deepEqual(payload.roles, ['AdoptionAdmin']);
      assert.equal(payload.scp, 'access_as_user');
      assert.equal(payload.ver, '2.0');
      assert.equal(payload.exp! - payload.iat!, 3600);
      assert.equal(claims(body.id_token).nonce, 'n-1');
      assert.equal(claims(body.id_token).aud, sim.app.clientId);
    });

    it('leaves the roles claim out for a person without app roles', async () => {
      const flow = await authorizationCode(sim, { personId: sim.municipality.demoPersons.staff.id });
      const body = (await (await redeem(sim, flow)).json()) as { access_token: string };
      assert.equal('roles' in claims(body.access_token), false);
    });

    it('refuses a wrong verifier with invalid_grant, and the code is then spent', async () => {
      const flow = await authorizationCode(sim, { personId: sim.municipality.demoPersons.communicator.id });
      const wrong = await redeem(sim, { ...flow, verifier: pkcePair().verifier });
      assert.equal(wrong.status, 400);
      assert.equal(((await wrong.json()) as TokenError).error, 'invalid_grant');
      const retried = await redeem(sim, flow);
      assert.equal(retried.status, 400);
      assert.equal(((await retried.json()) as TokenError).error, 'invalid_grant');
    });

    it('refuses a reused code and a redirect_uri other than the one authorised', async () => {
      const flow = await authorizationCode(sim, { personId: sim.municipality.demoPersons.unitLead.id });
      assert.equal((await redeem(sim, flow)).status, 200);
      const reused = await redeem(sim, flow);
      assert.equal(reused.status, 400);
      assert.match(((await reused.json()) as TokenError).error_description, /AADSTS70008/);

      const other = await authorizationCode(sim, { personId: sim.municipality.demoPersons.unitLead.id });
      const moved = await redeem(sim, { ...other, redirectUri: 'http://127.0.0.1:9/elsewhere/' });
      assert.equal(((await moved.json()) as TokenError).error, 'invalid_grant');
    });

    it('refuses redirect URIs off this machine, unknown clients and other tenants on a page, not a redirect', async () => {
      const { challenge } = pkcePair();
      const request = (fields: Record<string, string>) =>
        new URLSearchParams({ client_id: sim.app.clientId, response_type: 'code', redirect_uri: 'http://localhost:3000/tab/', code_challenge: challenge, code_challenge_method: 'S256', ...fields });
      for (const redirectUri of ['https://evil.example/cb', 'javascript://127.0.0.1/%0aalert(1)', 'http://127.0.0.1.evil.example/', 'not a url']) {
        const response = await fetch(`${authorizeUrl(sim)}?${request({ redirect_uri: redirectUri })}`, { redirect: 'manual' });
        assert.equal(response.status, 400, redirectUri);
        assert.match(await response.text(), /AADSTS50011/);
      }
      assert.equal((await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/authorize?${request({ client_id: 'someone-else' })}`)).status, 400);
      assert.equal((await fetch(`${sim.url}/contoso.com/oauth2/v2.0/authorize?${request({})}`)).status, 400);
      for (const loopback of ['http://127.0.0.1:1/', 'https://localhost/x', 'http://[::1]:8080/cb']) {
        assert.equal((await fetch(`${authorizeUrl(sim)}?${request({ redirect_uri: loopback })}`)).status, 200, loopback);
      }
    });

    it('sends other errors back to the app: no PKCE → invalid_request, implicit flow → unsupported_response_type', async () => {
      const base = { client_id: sim.app.clientId, redirect_uri: 'http://127.0.0.1:9/tab/', state: 's9' };
      const noPkce = await fetch(`${authorizeUrl(sim)}?${new URLSearchParams({ ...base, response_type: 'code' })}`, { redirect: 'manual' });
      assert.equal(noPkce.status, 302);
      const back = new URL(noPkce.headers.get('location')!);
      assert.equal(back.searchParams.get('error'), 'invalid_request');
      assert.match(back.searchParams.get('error_description')!, /code_challenge/);
      assert.equal(back.searchParams.get('state'), 's9');
      const implicit = await fetch(`${authorizeUrl(sim)}?${new URLSearchParams({ ...base, response_type: 'token', code_challenge: pkcePair().challenge, code_challenge_method: 'S256' })}`, { redirect: 'manual' });
      assert.equal(new URL(implicit.headers.get('location')!).searchParams.get('error'), 'unsupported_response_type');
    });

    it('puts the code in the fragment when asked (response_mode=fragment), and refuses disabled accounts', async () => {
      const { challenge } = pkcePair();
      const fields = { client_id: sim.app.clientId, response_type: 'code', redirect_uri: 'http://127.0.0.1:9/tab/', code_challenge: challenge, code_challenge_method: 'S256', response_mode: 'fragment', state: 'f' };
      const chosen = await fetch(authorizeUrl(sim), { ...form({ ...fields, person: sim.municipality.demoPersons.staff.id }), redirect: 'manual' });
      const hash = new URLSearchParams(new URL(chosen.headers.get('location')!).hash.slice(1));
      assert.ok(hash.get('code'));
      assert.equal(hash.get('state'), 'f');
      const disabled = sim.municipality.people.find((p) => !p.accountEnabled)!;
      const refused = await fetch(authorizeUrl(sim), { ...form({ ...fields, person: disabled.id }), redirect: 'manual' });
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /AADSTS50057/);
    });
  });

  describe('client credentials', () => {
    it('issues app-only Graph tokens with the granted application permissions, also with HTTP Basic client auth', async () => {
      const token = claims(await appToken(sim));
      assert.equal(token.aud, 'https://graph.microsoft.com');
      assert.equal(token.tid, sim.tenantId);
      assert.equal(token.idtyp, 'app');
      assert.ok((token.roles as string[]).includes('User.Read.All') && (token.roles as string[]).includes('Reports.Read.All'));
      const basic = Buffer.from(`${sim.app.clientId}:${sim.app.clientSecret}`).toString('base64');
      const viaBasic = await fetch(tokenUrl(sim), form({ grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }, { authorization: `Basic ${basic}` }));
      assert.equal(viaBasic.status, 200);
    });

    it('issues bot → channel tokens from botframework.com and from the tenant (single-tenant bots)', async () => {
      const multi = claims(await appToken(sim, 'https://api.botframework.com/.default', 'botframework.com'));
      assert.equal(multi.aud, 'https://api.botframework.com');
      assert.equal(multi.tid, BOT_FRAMEWORK_TENANT_ID);
      assert.equal(multi.azp, sim.app.clientId);
      const single = claims(await appToken(sim, 'https://api.botframework.com/.default'));
      assert.equal(single.tid, sim.tenantId);
      assert.equal('roles' in single, false);
    });

    it("answers mistakes with Entra's errors: wrong secret 401 invalid_client, bad scope, unknown client, missing grant", async () => {
      const attempt = async (fields: Record<string, string>) => {
        const response = await fetch(tokenUrl(sim), form(fields));
        return [response.status, ((await response.json()) as TokenError).error] as const;
      };
      const good = { grant_type: 'client_credentials', client_id: sim.app.clientId, client_secret: sim.app.clientSecret, scope: 'https://graph.microsoft.com/.default' };
      assert.deepEqual(await attempt({ ...good, client_secret: 'nope' }), [401, 'invalid_client']);
      assert.deepEqual(await attempt({ ...good, client_id: '00000000-0000-4000-8000-000000000000' }), [400, 'unauthorized_client']);
      assert.deepEqual(await attempt({ ...good, scope: 'User.Read.All' }), [400, 'invalid_scope']);
      assert.deepEqual(await attempt({ ...good, scope: 'https://example.com/.default' }), [400, 'invalid_resource']);
      assert.deepEqual(await attempt({ client_id: sim.app.clientId }), [400, 'invalid_request']);
      assert.deepEqual(await attempt({ ...good, grant_type: 'password' }), [400, 'unsupported_grant_type']);
      assert.deepEqual(await attempt({ ...good, scope: '' }), [400, 'invalid_request']);
    });

    it('answers the CORS preflight a browser sends before posting to the token endpoint', async () => {
      const preflight = await fetch(tokenUrl(sim), { method: 'OPTIONS', headers: { origin: 'http://localhost:3978', 'access-control-request-method': 'POST' } });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
      assert.match(preflight.headers.get('access-control-allow-methods')!, /POST/);
    });
  });

  it('issueUserToken makes the tokens tests need: overridden audience, expired, removed claims', async () => {
    const staff = sim.municipality.demoPersons.staff;
    assert.equal(claims(await sim.issueUserToken(staff.userPrincipalName)).oid, staff.id, 'a UPN works as well as an id');
    assert.equal(claims(await sim.issueUserToken(staff.id, { aud: 'https://graph.microsoft.com' })).aud, 'https://graph.microsoft.com');
    const expired = claims(await sim.issueUserToken(staff.id, { exp: Math.floor(Date.now() / 1000) - 60 }));
    assert.ok(expired.exp! < Date.now() / 1000);
    assert.equal('tid' in claims(await sim.issueUserToken(staff.id, { tid: undefined })), false);
    await assert.rejects(sim.issueUserToken('nobody'), /No person nobody/);
  });
});
