import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { generateMunicipality } from '../../sim/municipality.js';
import { startSimulator, type Simulator } from '../../sim/index.js';

describe('tenant simulator', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ staff: 1200, seed: 'sim-test' });
  });
  after(() => sim?.close());

  const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  const graphToken = async () => {
    const response = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, form({ grant_type: 'client_credentials', client_id: sim.app.clientId, client_secret: sim.app.clientSecret, scope: 'https://graph.microsoft.com/.default' }));
    return ((await response.json()) as { access_token: string }).access_token;
  };

  describe('synthetic municipality', () => {
    it('is the same for the same seed, with the staff asked for, in a tree of sectors, services and teams', () => {
      const a = generateMunicipality({ staff: 800, seed: 'x' });
      assert.deepEqual(a, generateMunicipality({ staff: 800, seed: 'x' }));
      assert.notDeepEqual(a.people[0], generateMunicipality({ staff: 800, seed: 'y' }).people[0]);
      assert.equal(a.people.length, 800);
      assert.ok(a.units.some((u) => u.path.length === 1) && a.units.some((u) => u.path.length === 3));
      const perTeam = new Map<string, number>();
      for (const p of a.people) if (p.department) perTeam.set(p.department, (perTeam.get(p.department) ?? 0) + 1);
      assert.ok([...perTeam.values()].some((n) => n < 5), 'some teams are below the minimum group size');
      assert.ok(a.people.some((p) => p.preferredLanguage === 'nn-NO') && a.people.some((p) => p.preferredLanguage === 'sv-SE'));
      assert.equal(new Set(a.people.map((p) => p.userPrincipalName)).size, 800, 'UPNs are unique');
    });
  });

  describe('Microsoft Graph /users', () => {
    it('pages through every user exactly once, honouring $select and $top', async () => {
      const token = await graphToken();
      const seen: string[] = [];
      let next: string | undefined = `${sim.url}/v1.0/users?$select=id,department&$top=500`;
      while (next) {
        const page = (await (await fetch(next, { headers: { authorization: `Bearer ${token}` } })).json()) as { value: Array<Record<string, unknown>>; '@odata.nextLink'?: string };
        for (const user of page.value) {
          assert.deepEqual(Object.keys(user).sort(), ['department', 'id']);
          seen.push(String(user.id));
        }
        next = page['@odata.nextLink'];
      }
      assert.equal(seen.length, 1200);
      assert.equal(new Set(seen).size, 1200);
    });

    it('refuses requests without a valid app-only token, and unknown fields', async () => {
      assert.equal((await fetch(`${sim.url}/v1.0/users`)).status, 401);
      const userToken = await sim.issueUserToken(sim.municipality.demoPersons.staff.id);
      const wrongAudience = await fetch(`${sim.url}/v1.0/users`, { headers: { authorization: `Bearer ${userToken}` } });
      assert.equal(wrongAudience.status, 401);
      assert.equal(((await wrongAudience.json()) as { error: { code: string } }).error.code, 'InvalidAuthenticationToken');
      const unknown = await fetch(`${sim.url}/v1.0/users?$select=shoeSize`, { headers: { authorization: `Bearer ${await graphToken()}` } });
      assert.equal(unknown.status, 400);
    });
  });

  describe('Entra ID', () => {
    it('runs the authorization code flow with PKCE, once per code', async () => {
      const verifier = randomBytes(32).toString('base64url');
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      const redirectUri = 'http://127.0.0.1:9/tab/';
      const query = new URLSearchParams({ client_id: sim.app.clientId, response_type: 'code', redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', state: 's1', scope: 'openid' });
      const page = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/authorize?${query}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Ingrid Haugland/);

      const chosen = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/authorize`, { ...form({ ...Object.fromEntries(query), person: sim.municipality.demoPersons.admin.id }), redirect: 'manual' });
      assert.equal(chosen.status, 302);
      const location = new URL(chosen.headers.get('location')!);
      assert.equal(location.searchParams.get('state'), 's1');
      const code = location.searchParams.get('code')!;

      const exchange = (v: string) => fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, form({ grant_type: 'authorization_code', client_id: sim.app.clientId, code, redirect_uri: redirectUri, code_verifier: v }));
      const wrong = await exchange('wrong-verifier');
      assert.equal(wrong.status, 400);
      assert.equal(((await wrong.json()) as { error: string }).error, 'invalid_grant');
      const reused = await exchange(verifier);
      assert.equal(reused.status, 400, 'a code is spent by the first attempt, right or wrong');
    });

    it('refuses redirects off this machine, wrong client secrets and unknown scopes', async () => {
      const query = new URLSearchParams({ client_id: sim.app.clientId, response_type: 'code', redirect_uri: 'https://evil.example/cb', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' });
      assert.equal((await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/authorize?${query}`)).status, 400);
      const badSecret = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, form({ grant_type: 'client_credentials', client_id: sim.app.clientId, client_secret: 'nope', scope: 'https://graph.microsoft.com/.default' }));
      assert.equal(badSecret.status, 401);
      assert.equal(((await badSecret.json()) as { error: string }).error, 'invalid_client');
      const badScope = await fetch(`${sim.url}/${sim.tenantId}/oauth2/v2.0/token`, form({ grant_type: 'client_credentials', client_id: sim.app.clientId, client_secret: sim.app.clientSecret, scope: 'https://example.com/.default' }));
      assert.equal(badScope.status, 400);
    });
  });

  describe('Bot Connector', () => {
    it('records activities, answers with an id, refuses non-activities and injects failures', async () => {
      const post = (body: unknown) => fetch(`${sim.url}/v3/conversations/a%3A1/activities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const waiting = sim.connector.waitFor((a) => a.activity.text === 'hei');
      const ok = await post({ type: 'message', text: 'hei' });
      assert.equal(ok.status, 201);
      const recorded = await waiting;
      assert.equal(recorded.conversationId, 'a:1');
      assert.equal(((await ok.json()) as { id: string }).id, recorded.activity.id);
      assert.equal((await post({ text: 'no type' })).status, 400);
      sim.connector.failNext(1, 429, 2);
      const throttled = await post({ type: 'message', text: 'x' });
      assert.equal(throttled.status, 429);
      assert.equal(throttled.headers.get('retry-after'), '2');
      assert.equal((await post({ type: 'message', text: 'y' })).status, 201);
    });
  });
});
