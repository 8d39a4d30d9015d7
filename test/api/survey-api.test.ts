import assert from 'node:assert/strict';
import { formatDay } from '../../bot/format-date.js';
import { LOCALES } from '../../core/locale.js';
import { localDay } from '../../core/messaging-settings.js';
import type { Answers } from '../../core/survey.js';
import type { Unit } from '../../core/units.js';
import { openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { assertProblem, later, mondayMorning, onceAt, ownDefinition, surveyApi, texts, type Persona } from '../support/survey-api.js';

interface Summary {
  id: string;
  status: string;
  canManage: boolean;
  rounds: Array<{ id: string; number: number }>;
}
interface QuestionResult {
  questionId: string;
  texts?: string[] | 'hidden';
}
interface Results {
  units: Array<{ unitId: string; path: string[]; results: { questions: QuestionResult[] } | null }>;
  municipality: { questions: QuestionResult[] } | null;
  canFollowUp: boolean;
  readOnly: boolean;
  followUps: unknown[];
}

const HOME_CARE = ['Helse og omsorg', 'Hjemmetjenesten'];

/**
 * The survey API as a demanding user meets it: every wrong request is refused with a status, a stable
 * code and a detail that says what to fix, and every role gets exactly what design.md gives it.
 */
describe('API: surveys, bad input and roles', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let api: Awaited<ReturnType<typeof surveyApi>>;
  let units: Unit[];
  const unit = (...path: string[]) => {
    const found = units.find((u) => u.path.join(' / ') === path.join(' / '));
    if (!found) throw new Error(`no unit ${path.join(' / ')}`);
    return found;
  };
  const start = mondayMorning(1);
  /** A valid request to change in one place per test. */
  const valid = () => ({ templateId: 'weekly-pulse', audience: { kind: 'units', unitIds: [unit(...HOME_CARE).id] }, schedule: onceAt(start) });

  /** A survey for home care (created by the communicator) with a round everybody in it answered. */
  let homeCare: Summary;
  let roundId: string;

  before(async () => {
    stack = await startTestStack({ env: { SURVEY_SEND_RATE: '50' } });
    api = await surveyApi(stack);
    units = await stack.directory.listUnits(stack.sim.tenantId);
    homeCare = await api.json<Summary>('communicator', 'POST', '/surveys', { ...valid(), templateId: 'digital-work-environment' });
    const people = await stack.app.surveys.store.audiencePeople(stack.sim.tenantId, { unitIds: [unit(...HOME_CARE).id] });
    await openChats(stack, people.map((p) => p.aadObjectId));
    await stack.app.surveys.runDue(start);
    roundId = (await stack.app.surveys.store.listRounds(stack.sim.tenantId, homeCare.id))[0]!.id;
    for (const [i, person] of people.entries()) {
      const answers: Answers = { 'it-stress': 1 + (i % 5), interruptions: 3, systems: 3, training: 3, support: 3, involvement: 3, information: 3, 'information-channel': ['teams'], 'one-thing': `ønske ${i}` };
      assert.equal((await stack.app.surveys.store.recordAnswers({ tenantId: stack.sim.tenantId, roundId, aadObjectId: person.aadObjectId, answers, now: later(start, 0, 1) })).status, 'recorded');
    }
  });
  after(() => stack?.close());

  describe('bad input', () => {
    const create = (body: unknown, as: Persona = 'communicator', type?: string) => api.call(as, 'POST', '/surveys', body, type);
    const definitionWith = (change: (d: ReturnType<typeof ownDefinition>) => unknown) => {
      const definition = ownDefinition();
      change(definition);
      return definition;
    };

    it('refuses a survey with neither a template nor questions', async () => {
      const { templateId: _, ...body } = valid();
      await assertProblem(await create(body), 400, 'invalid_body', /templateId or a definition/);
    });

    it('refuses a template that does not exist, naming it', async () => {
      await assertProblem(await create({ ...valid(), templateId: 'monthly-mood' }), 400, 'unknown_template', /monthly-mood/);
    });

    it('refuses eleven questions', async () => {
      const definition = definitionWith((d) => {
        d.questions = Array.from({ length: 11 }, (_, i) => ({ id: `q${i}`, kind: 'likert' as const, text: texts(`Spørsmål ${i}`), required: true }));
      });
      await assertProblem(await create({ ...valid(), definition }), 400, 'invalid_body', /^definition\.questions: .*at most 10 questions/);
    });

    it('refuses a question missing a language, naming the question and the language', async () => {
      const definition = definitionWith((d) => {
        delete (d.questions[1]!.text as Partial<Record<string, string>>).nn;
      });
      await assertProblem(await create({ ...valid(), definition }), 400, 'invalid_body', /^definition\.questions\.1\.text\.nn: missing: write it in each of nb, nn, sv, en$/);
    });

    it('refuses two questions with the same id', async () => {
      const definition = definitionWith((d) => {
        d.questions[2]!.id = 'calm';
      });
      await assertProblem(await create({ ...valid(), definition }), 400, 'invalid_body', /^definition\.questions\.2\.id: question id calm is used twice/);
    });

    it('refuses a choice question with a single option', async () => {
      const definition = definitionWith((d) => {
        const where = d.questions[1]!;
        if (where.kind === 'single') where.options = where.options.slice(0, 1);
      });
      await assertProblem(await create({ ...valid(), definition }), 400, 'invalid_body', /^definition\.questions\.1\.options: a choice question has at least 2 options$/);
    });

    it('refuses a unit that does not exist, naming its id', async () => {
      const ghost = '0b7d1c51-8e1f-4f6e-9a55-3f5ac1d0c0de';
      await assertProblem(await create({ ...valid(), audience: { kind: 'units', unitIds: [unit(...HOME_CARE).id, ghost] } }), 400, 'unknown_unit', new RegExp(ghost));
    });

    it('refuses a unit id that is not an id, and an empty unit list', async () => {
      await assertProblem(await create({ ...valid(), audience: { kind: 'units', unitIds: ['Hjemmetjenesten'] } }), 400, 'invalid_body', /^audience\.unitIds\.0: unit ids are uuids/);
      await assertProblem(await create({ ...valid(), audience: { kind: 'units', unitIds: [] } }), 400, 'invalid_body', /^audience\.unitIds: choose at least one unit/);
    });

    it('refuses a group that does not exist, and takes one that does', async () => {
      const ghost = '5d0e4a57-0b0c-4d4e-8f5e-1a2b3c4d5e6f';
      await assertProblem(await create({ ...valid(), audience: { kind: 'groups', groupIds: [ghost] } }), 400, 'unknown_group', new RegExp(`No group with the id '${ghost}'`));
      const group = stack.sim.municipality.groups.find((g) => g.displayName === 'Verneombud')!;
      const created = await create({ ...valid(), audience: { kind: 'groups', groupIds: [group.id] } });
      assert.equal(created.status, 201, await created.clone().text());
    });

    it('refuses a reminder that would come when the round has closed', async () => {
      for (const remindAfterDays of [3, 4]) {
        await assertProblem(await create({ ...valid(), schedule: { ...onceAt(start, 3), remindAfterDays } }), 400, 'invalid_body', /^schedule\.remindAfterDays: the reminder must come before the round closes/);
      }
    });

    it('refuses a weekly survey that ends before it starts', async () => {
      const schedule = { ...onceAt(start, 3), recurrence: { every: 'week', until: later(start, -1).toISOString().slice(0, 10) } };
      await assertProblem(await create({ ...valid(), schedule }), 400, 'invalid_body', /^schedule\.recurrence\.until: until must not be before startsAt/);
    });

    it('refuses a start in the past, where the first round would close before anybody is asked', async () => {
      const lastWeek = later(new Date(), -7);
      await assertProblem(await create({ ...valid(), schedule: onceAt(lastWeek, 3) }), 400, 'invalid_schedule', /^schedule\.startsAt is in the past: start the survey now or later$/);
      const { surveys } = await api.get<{ surveys: Array<{ schedule: { startsAt: string } }> }>('communicator', '/surveys');
      assert.ok(!surveys.some((s) => s.schedule.startsAt === lastWeek.toISOString()), 'nothing was created');
      const justNow = await create({ ...valid(), schedule: onceAt(later(new Date(), 0, -0.1), 3) });
      assert.equal(justNow.status, 201, 'a start a few minutes ago (a slow click on "now") is fine');
    });

    it('refuses a start time without a time zone offset', async () => {
      const schedule = { ...onceAt(start), startsAt: start.toISOString().slice(0, 19) };
      await assertProblem(await create({ ...valid(), schedule }), 400, 'invalid_body', /^schedule\.startsAt: startsAt is an ISO 8601 date and time, e\.g\. .*\+01:00/);
    });

    it('refuses keys it does not know, naming them', async () => {
      await assertProblem(await create({ ...valid(), sendAt: 'now' }), 400, 'invalid_body', /sendAt/);
      await assertProblem(await create({ ...valid(), schedule: { ...onceAt(start), timezone: 'Europe/Oslo' } }), 400, 'invalid_body', /^schedule: .*timezone/);
    });

    it('refuses a body that is not JSON (415) and JSON that is broken (400)', async () => {
      await assertProblem(await create('templateId=weekly-pulse', 'communicator', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type', /application\/json/);
      await assertProblem(await create(JSON.stringify(valid()), 'communicator', 'text/plain'), 415, 'unsupported_media_type', /application\/json/);
      await assertProblem(await create('{"templateId": "weekly-pulse",'), 400, 'invalid_json', /JSON/i);
    });

    it('refuses a follow-up missing a language', async () => {
      const { en: _, ...text } = texts('Vi har fått ny lunsjpause');
      await assertProblem(await api.call('communicator', 'POST', `/surveys/${homeCare.id}/rounds/${roundId}/follow-ups`, { text }), 400, 'invalid_body', /^text\.en: missing: write it in each of nb, nn, sv, en$/);
    });

    it('refuses results for a round that is not an id, and query parameters it does not know', async () => {
      await assertProblem(await api.call('communicator', 'GET', `/surveys/${homeCare.id}/results?round=not-a-uuid`), 400, 'invalid_query', /round must be an id/);
      await assertProblem(await api.call('communicator', 'GET', `/surveys/${homeCare.id}/results?period=D30`), 400, 'invalid_query', /Unknown query parameter: period/);
      await assertProblem(await api.call('communicator', 'GET', `/surveys/${homeCare.id}/results?round=${homeCare.id}`), 404, 'round_not_found', /No such round/);
    });

    it('has no CSV for a survey whose first round has not opened', async () => {
      const scheduled = await api.json<Summary>('communicator', 'POST', '/surveys', { ...valid(), schedule: onceAt(mondayMorning(8)) });
      await assertProblem(await api.call('communicator', 'GET', `/surveys/${scheduled.id}/results.csv`), 404, 'round_not_found', /no round yet/);
    });

    it('refuses messaging settings with a time zone that does not exist, or 25:00', async () => {
      const put = (body: unknown) => api.call('admin', 'PUT', '/settings/messaging', body);
      const good = { timeZone: 'Europe/Oslo', quietHours: { start: '17:00', end: '08:00' }, weekendsQuiet: true };
      await assertProblem(await put({ ...good, timeZone: 'Europe/Fjordvik' }), 400, 'invalid_body', /^timeZone: an IANA time zone such as Europe\/Oslo/);
      await assertProblem(await put({ ...good, quietHours: { start: '25:00', end: '08:00' } }), 400, 'invalid_body', /^quietHours\.start: a time is HH:MM \(00:00–23:59\)/);
      assert.deepEqual(await api.get('admin', '/settings/messaging'), good, 'nothing was changed');
    });
  });

  describe('roles', () => {
    it('refuses staff on every survey route', async () => {
      const routes: Array<[string, string, unknown?]> = [
        ['GET', '/surveys/templates'],
        ['GET', '/surveys'],
        ['POST', '/surveys', valid()],
        ['POST', '/surveys/preview', { definition: ownDefinition(), locale: 'nb' }],
        ['GET', `/surveys/${homeCare.id}`],
        ['POST', `/surveys/${homeCare.id}/close`],
        ['GET', `/surveys/${homeCare.id}/results`],
        ['GET', `/surveys/${homeCare.id}/results.csv`],
        ['GET', `/surveys/${homeCare.id}/trend`],
        ['POST', `/surveys/${homeCare.id}/rounds/${roundId}/follow-ups`, { text: texts('Takk') }],
        ['GET', '/settings/messaging'],
        ['GET', '/units'],
        ['GET', '/groups'],
      ];
      for (const [method, path, body] of routes) {
        await assertProblem(await api.call('staff', method, path, body), 403, 'forbidden', /\w+ \w+/, `${method} ${path}`);
        // Who may comes before what is wrong: staff learn nothing about the body a route wants.
        if (method === 'POST') await assertProblem(await api.call('staff', method, path, {}), 403, 'forbidden', /\w+ \w+/, `${method} ${path} with an empty body`);
      }
      const { surveys } = await api.get<{ surveys: Summary[] }>('communicator', '/surveys');
      assert.equal(surveys.find((s) => s.id === homeCare.id)!.status, 'open', 'staff closed nothing');
    });

    it('lets the safety representative read results and follow-ups but change nothing', async () => {
      const results = await api.get<Results>('safetyRep', `/surveys/${homeCare.id}/results`);
      assert.equal(results.readOnly, true);
      assert.equal(results.canFollowUp, false);
      assert.ok(results.units.length >= 4, 'every unit of home care');
      const { canCreate } = await api.get<{ canCreate: boolean }>('safetyRep', '/surveys');
      assert.equal(canCreate, false);
      await assertProblem(await api.call('safetyRep', 'POST', '/surveys', valid()), 403, 'forbidden', /Safety representatives read results/);
      await assertProblem(await api.call('safetyRep', 'POST', `/surveys/${homeCare.id}/close`), 403, 'forbidden', /communicators, adoption admins and the leads/);
      for (const body of [{ text: texts('Takk') }, {}]) {
        await assertProblem(await api.call('safetyRep', 'POST', `/surveys/${homeCare.id}/rounds/${roundId}/follow-ups`, body), 403, 'forbidden', /communicators, adoption admins and the leads/);
      }
      assert.deepEqual((await api.get<Results>('admin', `/surveys/${homeCare.id}/results`)).followUps, [], 'no follow-up was written');
    });

    it('lets a unit lead send a survey to their own unit only', async () => {
      const own = unit(...HOME_CARE, 'Hjemmetjenesten Nord');
      const ok = await api.json<Summary>('unitLead', 'POST', '/surveys', { ...valid(), audience: { kind: 'units', unitIds: [own.id] } });
      assert.equal(ok.canManage, true);
      const group = stack.sim.municipality.groups[0]!;
      for (const audience of [{ kind: 'everyone' }, { kind: 'groups', groupIds: [group.id] }, { kind: 'units', unitIds: [unit(...HOME_CARE, 'Hjemmetjenesten Sør').id] }, { kind: 'units', unitIds: [unit(...HOME_CARE).id] }, { kind: 'units', unitIds: [own.id, unit(...HOME_CARE, 'Nattpatruljen').id] }]) {
        await assertProblem(await api.call('unitLead', 'POST', '/surveys', { ...valid(), audience }), 403, 'audience_not_yours', /their own units only/, JSON.stringify(audience));
      }
    });

    it('shows a unit lead only their own units in results, and refuses another unit', async () => {
      const full = await api.get<Results>('communicator', `/surveys/${homeCare.id}/results`);
      const mine = await api.get<Results>('unitLead', `/surveys/${homeCare.id}/results`);
      const own = unit(...HOME_CARE, 'Hjemmetjenesten Nord');
      assert.ok(full.units.length > mine.units.length);
      assert.deepEqual(mine.units.map((u) => u.unitId), [own.id]);
      assert.deepEqual(mine.units[0]!.results?.questions.find((q) => q.questionId === 'it-stress'), full.units.find((u) => u.unitId === own.id)!.results?.questions.find((q) => q.questionId === 'it-stress'));
      const other = unit(...HOME_CARE, 'Hjemmetjenesten Sør');
      for (const path of [`/results?unit=${other.id}`, `/results.csv?unit=${other.id}`, `/trend?unit=${other.id}`]) {
        await assertProblem(await api.call('unitLead', 'GET', `/surveys/${homeCare.id}${path}`), 403, 'forbidden', /not one of yours/, path);
      }
      assert.equal((await api.call('unitLead', 'GET', `/surveys/${homeCare.id}/results?unit=${own.id}`)).status, 200);
    });

    it('lets a unit lead close and follow up surveys of their own unit, and no other', async () => {
      const own = unit(...HOME_CARE, 'Hjemmetjenesten Nord');
      const theirs = await api.json<Summary>('communicator', 'POST', '/surveys', { ...valid(), audience: { kind: 'units', unitIds: [own.id] } });
      assert.equal((await api.get<Summary>('unitLead', `/surveys/${theirs.id}`)).canManage, true);
      assert.equal((await api.get<Summary>('unitLead', `/surveys/${homeCare.id}`)).canManage, false, 'home care is wider than their unit');
      await assertProblem(await api.call('unitLead', 'POST', `/surveys/${homeCare.id}/close`), 403, 'forbidden', /leads of its units/);
      await assertProblem(await api.call('unitLead', 'POST', `/surveys/${homeCare.id}/rounds/${roundId}/follow-ups`, { text: texts('Takk') }), 403, 'forbidden', /leads of its units/);
      assert.equal((await api.json<Summary>('unitLead', 'POST', `/surveys/${theirs.id}/close`)).status, 'ended');
    });

    it('answers 404 for a survey or round that does not exist, and a problem for wrong methods and huge bodies', async () => {
      const ghost = '7f3c2a10-4b5d-4e6f-8a9b-0c1d2e3f4a5b';
      await assertProblem(await api.call('communicator', 'GET', `/surveys/${ghost}`), 404, 'survey_not_found', /No such survey/);
      await assertProblem(await api.call('communicator', 'GET', '/surveys/not-an-id/results'), 404, 'survey_not_found', /No such survey/);
      await assertProblem(await api.call('communicator', 'POST', `/surveys/${homeCare.id}/rounds/${ghost}/follow-ups`, { text: texts('Takk') }), 404, 'round_not_found', /No such round/);
      await assertProblem(await api.call('communicator', 'DELETE', `/surveys/${homeCare.id}`), 405, 'method_not_allowed', /DELETE/);
      const huge = JSON.stringify({ ...valid(), padding: 'x'.repeat(2 * 1024 * 1024) });
      assert.equal((await api.call('communicator', 'POST', '/surveys', huge)).status, 413);
    });

    it('shows a communicator every unit', async () => {
      const results = await api.get<Results>('communicator', `/surveys/${homeCare.id}/results`);
      const paths = results.units.map((u) => u.path.join(' / '));
      for (const team of ['Hjemmetjenesten Nord', 'Hjemmetjenesten Sør', 'Hjemmetjenesten Vest', 'Nattpatruljen']) assert.ok(paths.includes([...HOME_CARE, team].join(' / ')), team);
      assert.equal(results.readOnly, false);
      assert.equal(results.canFollowUp, true);
    });

    it('shows free-text answers to the roles allowed to read them, a unit lead only their units\', and only says "hidden" to a communicator', async () => {
      const freeText = (r: Results) => r.municipality!.questions.find((q) => q.questionId === 'one-thing')!.texts;
      for (const reader of ['admin', 'safetyRep'] as const) {
        const texts = freeText(await api.get<Results>(reader, `/surveys/${homeCare.id}/results`));
        assert.ok(Array.isArray(texts) && texts.includes('ønske 0'), reader);
      }
      const lead = await api.get<Results>('unitLead', `/surveys/${homeCare.id}/results`);
      assert.equal(freeText(lead), 'hidden', 'the municipality\'s free text comes from units that are not theirs');
      const own = lead.units.filter((u) => u.results);
      assert.ok(own.length > 0);
      for (const u of own) assert.ok(Array.isArray(u.results!.questions.find((q) => q.questionId === 'one-thing')!.texts), u.path.join(' / '));
      const communicator = await api.get<Results>('communicator', `/surveys/${homeCare.id}/results`);
      assert.equal(freeText(communicator), 'hidden');
      for (const u of communicator.units) for (const q of u.results?.questions ?? []) if (q.questionId === 'one-thing') assert.equal(q.texts, 'hidden');
      const csv = await (await api.call('communicator', 'GET', `/surveys/${homeCare.id}/results.csv`)).text();
      assert.doesNotMatch(csv, /ønske \d/, 'nor in the CSV');
    });
  });

  describe('messaging settings', () => {
    it('keeps sending under any time zone it accepts, old aliases too', async () => {
      const settings = { timeZone: 'US/Pacific-New', quietHours: { start: '00:00', end: '00:00' }, weekendsQuiet: false };
      assert.deepEqual(await api.json('admin', 'PUT', '/settings/messaging', settings, 200), { ...settings, timeZone: 'America/Los_Angeles' }, 'stored in its standard spelling');
      await assertProblem(await api.call('communicator', 'PUT', '/settings/messaging', settings), 403, 'forbidden', /adoption admins/);
      await api.json('communicator', 'POST', `/surveys/${homeCare.id}/rounds/${roundId}/follow-ups`, { text: texts('Ny rutine for nattevakter') });
      const from = stack.sim.connector.activities.length;
      const pass = await stack.app.surveys.runDue(later(start, 0, 4));
      const reached = (await api.get<{ survey: Summary; municipality: { reached: number } }>('admin', `/surveys/${homeCare.id}/results`)).municipality.reached;
      assert.ok(reached > 0);
      assert.equal(pass.followUps, reached, 'the follow-up went out');
      // The card names the day the round opened, in the tenant's time zone.
      const opened = localDay(start, 'America/Los_Angeles');
      for (const { activity } of stack.sim.connector.activities.slice(from)) {
        const card = JSON.stringify(activity);
        assert.ok(LOCALES.some((locale) => card.includes(formatDay(opened, locale))), card);
      }
    });
  });
});
