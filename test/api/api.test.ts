import assert from 'node:assert/strict';
import { SignJWT, generateKeyPair } from 'jose';
import { startTestStack, type TestStack } from '../support/stack.js';

describe('API: health, sign-in settings, the caller', () => {
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack();
  });
  after(() => stack?.close());

  const get = (path: string, token?: string) =>
    fetch(`${stack.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers /healthz and /readyz', async () => {
    assert.equal((await get('/healthz')).status, 200);
    const ready = await get('/readyz');
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { status: 'ok' });
  });

  it('publishes an OpenAPI document describing every /api/v1 route the server answers', async () => {
    const response = await get('/api/v1/openapi.json');
    assert.equal(response.status, 200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    assert.equal(doc.openapi, '3.1.0');
    const routes = stack.app.server.server.getDebugInfo().routes.filter((r: { path: string; method: string }) => r.path.startsWith('/api/v1/') && r.path !== '/api/v1/openapi.json');
    assert.ok(routes.length > 20);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      assert.ok(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path} is in the OpenAPI document`);
    }
  });

  it('tells the tab where to sign in', async () => {
    const body = (await (await get('/api/v1/auth-config')).json()) as { authority: string; clientId: string; demo: boolean };
    assert.equal(body.authority, `${stack.sim.url}/${stack.sim.tenantId}`);
    assert.equal(body.clientId, stack.sim.app.clientId);
    assert.equal(body.demo, true);
  });

  it('returns the signed-in communicator with name, roles and unit', async () => {
    const communicator = stack.sim.municipality.demoPersons.communicator;
    const response = await get('/api/v1/me', await stack.sim.issueUserToken(communicator.id));
    assert.equal(response.status, 200);
    const me = (await response.json()) as { name: string; roles: string[]; units: Array<{ path: string[] }> };
    assert.equal(me.name, communicator.displayName);
    assert.deepEqual(me.roles, ['Staff', 'Communicator']);
    assert.equal(me.units.length, 1);
    assert.equal(me.units[0]!.path.join(' / '), communicator.department);
  });

  it('refuses requests without a token, and forged, expired, wrong-audience and other-tenant tokens', async () => {
    const staff = stack.sim.municipality.demoPersons.staff;
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ oid: staff.id, tid: stack.sim.tenantId, name: 'Mallory', roles: ['AdoptionAdmin'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(`${stack.sim.url}/${stack.sim.tenantId}/v2.0`)
      .setAudience(stack.sim.app.clientId)
      .setExpirationTime('1h')
      .sign(privateKey);
    const cases: Array<[string, string | undefined, string]> = [
      ['no token', undefined, 'missing_token'],
      ['garbage', 'not-a-jwt', 'invalid_token'],
      ['forged', forged, 'invalid_signature'],
      ['expired', await stack.sim.issueUserToken(staff.id, { exp: Math.floor(Date.now() / 1000) - 3600 }), 'token_expired'],
      ['wrong audience', await stack.sim.issueUserToken(staff.id, { aud: 'https://graph.microsoft.com' }), 'wrong_audience'],
      ['other tenant', await stack.sim.issueUserToken(staff.id, { tid: '11111111-2222-4333-8444-555555555555' }), 'wrong_tenant'],
    ];
    for (const [label, token, code] of cases) {
      const response = await get('/api/v1/me', token);
      assert.equal(response.status, 401, label);
      assert.equal(response.headers.get('content-type'), 'application/problem+json', label);
      assert.equal(((await response.json()) as { code: string }).code, code, label);
    }
  });

  it('stores a language choice, and refuses bad bodies without changing anything', async () => {
    const staff = stack.sim.municipality.demoPersons.staff;
    const token = await stack.sim.issueUserToken(staff.id);
    const put = (body: string, type = 'application/json') =>
      fetch(`${stack.url}/api/v1/me/preferences`, { method: 'PUT', body, headers: { authorization: `Bearer ${token}`, 'content-type': type } });

    const ok = await put(JSON.stringify({ locale: 'nn' }));
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { locale: string }).locale, 'nn');

    const bad: Array<[string, string, number, string]> = [
      ['{"locale":"de"}', 'application/json', 400, 'invalid_body'],
      ['{"locale":"sv","admin":true}', 'application/json', 400, 'invalid_body'],
      ['{"locale":', 'application/json', 400, 'invalid_json'],
      ['[]', 'application/json', 400, 'invalid_body'],
      ['locale=sv', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    ];
    for (const [body, type, status, code] of bad) {
      const response = await put(body, type);
      assert.equal(response.status, status, body);
      assert.equal(((await response.json()) as { code: string }).code, code, body);
    }
    const me = (await (await get('/api/v1/me', token)).json()) as { locale: string };
    assert.equal(me.locale, 'nn', 'the stored choice survived the bad requests');
  });

  it('answers unknown paths and wrong methods with problems', async () => {
    const missing = await get('/api/v1/nothing-here');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { code: string }).code, 'not_found');
    const wrongMethod = await fetch(`${stack.url}/api/v1/me`, { method: 'DELETE' });
    assert.equal(wrongMethod.status, 405);
  });
});
