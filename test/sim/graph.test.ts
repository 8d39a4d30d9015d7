import assert from 'node:assert/strict';
import http from 'node:http';
import { generateKeyPair, SignJWT } from 'jose';
import { startSimulator, type Simulator } from '../../sim/index.js';
import { appToken } from './sim-helpers.js';

interface UsersPage {
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: Array<Record<string, unknown>>;
}
interface GraphErrorBody {
  error: { code: string; message: string };
}

describe('simulator: Microsoft Graph /users', () => {
  let sim: Simulator;
  let token: string;
  before(async () => {
    sim = await startSimulator({ staff: 1234, seed: 'graph-test' });
    token = await appToken(sim);
  });
  after(() => sim?.close());

  const get = (path: string, bearer: string | null = token) => fetch(path.startsWith('http') ? path : `${sim.url}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  it('pages through every user exactly once, with $select honoured on every page', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${sim.url}/v1.0/users?$select=id,department,accountEnabled&$top=500`;
    let pages = 0;
    while (next) {
      assert.ok(next.startsWith(`${sim.url}/v1.0/users?`), 'nextLink is absolute, on this server');
      const response = await get(next);
      assert.equal(response.status, 200);
      const page = (await response.json()) as UsersPage;
      assert.match(page['@odata.context'], /\/v1\.0\/\$metadata#users\(id,department,accountEnabled\)$/);
      for (const user of page.value) {
        assert.deepEqual(Object.keys(user), ['id', 'department', 'accountEnabled']);
        seen.push(String(user.id));
      }
      next = page['@odata.nextLink'];
      pages++;
    }
    assert.equal(pages, 3);
    assert.equal(seen.length, 1234);
    assert.deepEqual(new Set(seen), new Set(sim.municipality.people.map((p) => p.id)));
  });

  it('gives 100 users by default with the default properties, and at most 999 a page', async () => {
    const page = (await (await get('/v1.0/users')).json()) as UsersPage;
    assert.equal(page.value.length, 100);
    assert.ok(page['@odata.nextLink']);
    const first = page.value[0]!;
    assert.ok('displayName' in first && 'userPrincipalName' in first && !('department' in first), 'department must be selected, as in Graph');
    assert.equal(((await (await get('/v1.0/users?$top=999')).json()) as UsersPage).value.length, 999);
    for (const top of ['1000', '0', 'ten']) {
      const response = await get(`/v1.0/users?$top=${top}`);
      assert.equal(response.status, 400, top);
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'Request_UnsupportedQuery');
    }
  });

  it('matches $select names case-insensitively and refuses unknown ones', async () => {
    const page = (await (await get('/v1.0/users?$select=ID,Department&$top=1')).json()) as UsersPage;
    assert.deepEqual(Object.keys(page.value[0]!), ['id', 'department']);
    const unknown = await get('/v1.0/users?$select=id,shoeSize');
    assert.equal(unknown.status, 400);
    assert.match(((await unknown.json()) as GraphErrorBody).error.message, /shoeSize/);
  });

  it('finds one user by id or by UPN, and answers 404 for someone not there', async () => {
    const person = sim.municipality.demoPersons.communicator;
    const byId = (await (await get(`/v1.0/users/${person.id}?$select=displayName,department`)).json()) as Record<string, unknown>;
    assert.equal(byId.displayName, 'Ingrid Haugland');
    assert.equal(byId.department, person.department);
    const byUpn = (await (await get(`/v1.0/users/${encodeURIComponent(person.userPrincipalName.toUpperCase())}`)).json()) as Record<string, unknown>;
    assert.equal(byUpn.id, person.id);
    const missing = await get('/v1.0/users/nobody@fjordvik.kommune.no');
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as GraphErrorBody).error.code, 'Request_ResourceNotFound');
  });

  it('answers 401 InvalidAuthenticationToken without a token, or with a user, bot or forged token', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ tid: sim.tenantId, roles: ['User.Read.All'] })
      .setProtectedHeader({ alg: 'RS256', kid: 'sim-entra-graph-test' })
      .setAudience('https://graph.microsoft.com')
      .setExpirationTime('1h')
      .sign(privateKey);
    const cases: Array<[string, string | null]> = [
      ['none', null],
      ['user token for the Digipuls API', await sim.issueUserToken(sim.municipality.demoPersons.admin.id)],
      ['bot → channel token', await appToken(sim, 'https://api.botframework.com/.default')],
      ['forged', forged],
      ['not a JWT', 'hello'],
    ];
    for (const [label, bearer] of cases) {
      const response = await get('/v1.0/users', bearer);
      assert.equal(response.status, 401, label);
      assert.equal(((await response.json()) as GraphErrorBody).error.code, 'InvalidAuthenticationToken', label);
    }
  });

  it('refuses a skip token it did not hand out', async () => {
    const response = await get('/v1.0/users?$skiptoken=forged');
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as GraphErrorBody).error.code, 'Request_BadRequest');
  });

  it('answers malformed, unknown and oversized requests with errors and keeps serving', async () => {
    const malformed = await rawGet(`${sim.url}/v1.0/users/%E0%A4%A`);
    assert.equal(malformed.status, 400);
    assert.equal((JSON.parse(malformed.body) as GraphErrorBody).error.code, 'BadRequest');
    const unknown = await get('/v1.0/groups/x/owners');
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as GraphErrorBody).error.code, 'NotFound');
    assert.equal((await fetch(`${sim.url}/v1.0/users`, { method: 'DELETE' })).status, 405);
    const huge = await fetch(`${sim.url}/v3/conversations/a/activities`, { method: 'POST', body: Buffer.alloc(5 * 1024 * 1024, 'x') });
    assert.equal(huge.status, 413);
    assert.equal((await get('/v1.0/users?$top=1')).status, 200, 'still serving');
  });
});

/** A GET with the path sent as is (fetch would normalise a malformed escape away). */
function rawGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}
