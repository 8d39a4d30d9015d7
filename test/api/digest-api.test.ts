import assert from 'node:assert/strict';
import { startTestStack, type TestStack } from '../support/stack.js';
import { assertProblem, surveyApi } from '../support/survey-api.js';

interface Preferences {
  weekday: number;
  time: string;
  enabled: boolean;
}

describe('API: the unit lead’s weekly digest (/api/v1/me/digest)', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let api: Awaited<ReturnType<typeof surveyApi>>;
  before(async () => {
    stack = await startTestStack({ staff: 60 });
    api = await surveyApi(stack);
  });
  after(() => stack?.close());

  const rows = () => stack.database.db.selectFrom('digest_preferences').select(['aad_object_id', 'weekday', 'send_time', 'enabled']).where('tenant_id', '=', stack.sim.tenantId).execute();

  it('signing in as a unit lead sets up the digest (Monday 08:00, on); signing in without the role does not', async () => {
    assert.deepEqual(await rows(), []);
    for (const who of ['staff', 'communicator', 'admin', 'safetyRep', 'unitLead'] as const) await api.get(who, '/me');
    assert.deepEqual(await rows(), [{ aad_object_id: stack.sim.municipality.demoPersons.unitLead.id, weekday: 1, send_time: '08:00', enabled: true }]);
    assert.deepEqual(await api.get<Preferences>('unitLead', '/me/digest'), { weekday: 1, time: '08:00', enabled: true });
  });

  it('saves a change whole and gives it back', async () => {
    const saved = await api.json<Preferences>('unitLead', 'PUT', '/me/digest', { weekday: 4, time: '13:45', enabled: true });
    assert.deepEqual(saved, { weekday: 4, time: '13:45', enabled: true });
    assert.deepEqual(await api.get<Preferences>('unitLead', '/me/digest'), saved);
    assert.deepEqual(await api.json<Preferences>('unitLead', 'PUT', '/me/digest', { weekday: 4, time: '13:45', enabled: false }), { weekday: 4, time: '13:45', enabled: false });
    await api.json('unitLead', 'PUT', '/me/digest', saved);
  });

  it('refuses a weekend, a time outside working hours and anything malformed, naming the field, and keeps what was stored', async () => {
    const put = (body: unknown, type?: string) => api.call('unitLead', 'PUT', '/me/digest', body, type);
    const good = { weekday: 4, time: '13:45', enabled: true };
    await assertProblem(await put({ ...good, weekday: 6 }), 400, 'invalid_body', /^weekday: a weekday from 1 \(Monday\) to 5 \(Friday\)/);
    await assertProblem(await put({ ...good, weekday: 0 }), 400, 'invalid_body', /^weekday: /);
    await assertProblem(await put({ ...good, weekday: 2.5 }), 400, 'invalid_body', /^weekday: a weekday is a whole number/);
    await assertProblem(await put({ ...good, weekday: '2' }), 400, 'invalid_body', /^weekday: /);
    await assertProblem(await put({ ...good, time: '06:59' }), 400, 'invalid_body', /^time: a time from 07:00 to 17:00$/);
    await assertProblem(await put({ ...good, time: '17:01' }), 400, 'invalid_body', /^time: a time from 07:00 to 17:00$/);
    await assertProblem(await put({ ...good, time: '8:00' }), 400, 'invalid_body', /^time: a time is HH:MM/);
    await assertProblem(await put({ ...good, time: '25:00' }), 400, 'invalid_body', /^time: a time is HH:MM/);
    await assertProblem(await put({ ...good, enabled: 'yes' }), 400, 'invalid_body', /^enabled: /);
    await assertProblem(await put({ weekday: 2 }), 400, 'invalid_body', /^time: /);
    await assertProblem(await put({ ...good, language: 'nb' }), 400, 'invalid_body', /language|Unrecognized/i);
    await assertProblem(await put([good]), 400, 'invalid_body', /^body: /);
    await assertProblem(await put('{"weekday": 2,', 'application/json'), 400, 'invalid_json', /./);
    await assertProblem(await put('weekday=2', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type', /application\/json/);
    // Every wrong field is listed with its path, for the tab to place beside the fields.
    const all = await (await put({ weekday: 7, time: '05:00', enabled: 1 })).json() as { errors: Array<{ path: string }> };
    assert.deepEqual(all.errors.map((e) => e.path), ['weekday', 'time', 'enabled']);
    assert.deepEqual(await api.get<Preferences>('unitLead', '/me/digest'), good, 'nothing was changed');
  });

  it('keeps the digest from everyone but unit leads', async () => {
    for (const who of ['staff', 'communicator', 'admin', 'safetyRep'] as const) {
      await assertProblem(await api.call(who, 'GET', '/me/digest'), 403, 'forbidden', /for unit leads/);
      await assertProblem(await api.call(who, 'PUT', '/me/digest', { weekday: 1, time: '08:00', enabled: true }), 403, 'forbidden', /for unit leads/);
    }
    const anonymous = await fetch(`${stack.url}/api/v1/me/digest`);
    await assertProblem(anonymous, 401, 'missing_token', /Bearer/);
    assert.equal((await rows()).length, 1, 'nobody else got preferences');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${stack.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>> };
    const path = doc.paths['/api/v1/me/digest']!;
    assert.ok(path.get && path.put);
    assert.deepEqual(Object.keys(path.put.requestBody!.content['application/json']!.schema.properties).sort(), ['enabled', 'time', 'weekday']);
  });
});
