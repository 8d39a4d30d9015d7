import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import type { Answers } from '../../core/survey.js';
import { findTemplate } from '../../core/survey-templates/index.js';
import type { Unit } from '../../core/units.js';
import { chatIdOf, openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { assertProblem, later, mondayMorning, onceAt, ownDefinition, surveyApi, texts } from '../support/survey-api.js';

interface Round {
  id: string;
  number: number;
  closedAt: string | null;
  invited: number | null;
  answered: number | null;
}
interface Summary {
  id: string;
  templateId: string | null;
  title: Record<string, string>;
  audienceLabel: string;
  status: 'scheduled' | 'open' | 'ended';
  closedEarlyAt: string | null;
  rounds: Round[];
  canManage: boolean;
}
interface Question {
  questionId: string;
  answered: number;
  distribution: Array<{ value: string; count: number }>;
  mean?: number;
  texts?: string[] | 'hidden';
}
interface Group {
  invited: number;
  reached: number;
  answered: number;
  responseRate: number;
  questions: Question[];
}
interface UnitRow {
  unitId: string;
  parentId: string | null;
  path: string[];
  suppressed: false | 'small' | 'complementary' | 'ancestor';
  participation: Omit<Group, 'questions'> | null;
  results: Group | null;
}
interface Results {
  survey: Summary;
  round: { id: string; number: number } | null;
  minGroupSize: number;
  municipality: Group | null;
  units: UnitRow[];
  followUps: Array<{ id: string; roundId: string; text: Record<string, string>; writtenBy: { role: string } }>;
}

const HOME_CARE = ['Helse og omsorg', 'Hjemmetjenesten'];
const TEAMS = ['Hjemmetjenesten Nord', 'Hjemmetjenesten Sør', 'Hjemmetjenesten Vest', 'Nattpatruljen'] as const;
/** How many answer in each team of home care: Nattpatruljen is too small to show, so Vest (the smallest shown) must hide too. */
const ANSWERING: Record<(typeof TEAMS)[number], number> = { 'Hjemmetjenesten Nord': 8, 'Hjemmetjenesten Sør': 7, 'Hjemmetjenesten Vest': 5, Nattpatruljen: 2 };
/** A staff member who would like to run a formula in the committee's spreadsheet. */
const FORMULA = '=HYPERLINK("https://evil.example/","Klikk her")';

/** The answers person `i` of a team gives (the digital-work-environment template). */
const answersOf = (i: number): Answers => ({
  'it-stress': 1 + (i % 5),
  interruptions: 2,
  systems: 4,
  training: 3,
  support: 3,
  involvement: 2,
  information: 4,
  'information-channel': i % 3 === 0 ? ['teams', 'email'] : ['intranet'],
  ...(i % 2 === 0 ? { 'one-thing': i === 0 ? FORMULA : `Mer opplæring i fagsystemet ${i}` } : {}),
});

/** What a group of answers must show: each question's count per value. */
function tally(all: readonly Answers[]) {
  const count = (question: string, values: readonly string[]) =>
    values.map((value) => ({ value, count: all.filter((a) => [a[question]].flat().map(String).includes(value)).length }));
  return {
    'it-stress': count('it-stress', ['1', '2', '3', '4', '5']),
    'information-channel': count('information-channel', ['teams', 'viva-engage', 'email', 'intranet', 'leader', 'colleagues', 'paper', 'none']),
  };
}

/**
 * Results as the committee reads them: after a real dispatch pass and answers as the bot records them,
 * the API's figures per unit, for the municipality, in CSV and over rounds match what people answered,
 * and nothing below the group size can be seen or worked out.
 */
describe('API: survey results, CSV, trend, closing and "you said, we did"', function () {
  this.timeout(90_000);
  let stack: TestStack;
  let api: Awaited<ReturnType<typeof surveyApi>>;
  let units: Unit[];
  const unit = (...path: string[]) => units.find((u) => u.path.join(' / ') === path.join(' / '))!;
  const start = mondayMorning(1);
  /** Per team: its people, those with a chat with the bot, those who answered and what. */
  const teams = new Map<string, { people: string[]; reached: string[]; answered: Array<{ id: string; answers: Answers }> }>();
  let survey: Summary;
  let roundId: string;

  before(async () => {
    stack = await startTestStack({ env: { SURVEY_SEND_RATE: '50' } });
    api = await surveyApi(stack);
    units = await stack.directory.listUnits(stack.sim.tenantId);
    for (const team of TEAMS) {
      const people = (await stack.app.surveys.store.audiencePeople(stack.sim.tenantId, { unitIds: [unit(...HOME_CARE, team).id] })).map((p) => p.aadObjectId);
      // Three in Sør never installed the app: asked, but not reached.
      const reached = team === 'Hjemmetjenesten Sør' ? people.slice(3) : people;
      teams.set(team, { people, reached, answered: [] });
      await openChats(stack, reached);
    }
  });
  after(() => stack?.close());

  const record = (round: string, aadObjectId: string, answers: Answers, now: Date) =>
    stack.app.surveys.store.recordAnswers({ tenantId: stack.sim.tenantId, roundId: round, aadObjectId, answers, now });
  const results = (query = '', as: 'communicator' | 'admin' = 'admin') => api.get<Results>(as, `/surveys/${survey.id}/results${query}`);
  const csvOf = async (query = '', as: 'communicator' | 'admin' = 'admin') => {
    const response = await api.call(as, 'GET', `/surveys/${survey.id}/results.csv${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    assert.match(response.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM, so spreadsheets read æøå');
    return parse(bytes.toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
  };

  it('creates a survey from a template and lists it', async () => {
    survey = await api.json<Summary>('communicator', 'POST', '/surveys', { templateId: 'digital-work-environment', audience: { kind: 'units', unitIds: [unit(...HOME_CARE).id] }, schedule: onceAt(start, 5) });
    const template = findTemplate('digital-work-environment')!;
    assert.equal(survey.templateId, template.id);
    assert.deepEqual(survey.title, template.definition.title);
    assert.equal(survey.audienceLabel, 'Helse og omsorg / Hjemmetjenesten');
    assert.equal(survey.status, 'scheduled');
    assert.deepEqual(survey.rounds, []);
    const list = await api.get<{ surveys: Summary[]; canCreate: boolean }>('communicator', '/surveys');
    assert.equal(list.canCreate, true);
    assert.deepEqual(list.surveys.find((s) => s.id === survey.id), survey);
    assert.deepEqual(await api.get<Summary>('admin', `/surveys/${survey.id}`), survey);
  });

  it('previews the card as staff get it: Adaptive Card 1.5 with the questions in the chosen language', async () => {
    for (const locale of ['sv', 'nn'] as const) {
      const { card } = await api.json<{ card: { type: string; version: string; body: unknown[]; actions: Array<{ type: string; verb?: string }> } }>('communicator', 'POST', '/surveys/preview', { definition: ownDefinition(), locale });
      assert.equal(card.type, 'AdaptiveCard');
      assert.equal(card.version, '1.5');
      const json = JSON.stringify(card);
      for (const text of ['Lunsjpulsen', 'Jeg har ro til å spise lunsj', 'Hvor spiser du?', 'Kantina', 'Ett ønske']) assert.ok(json.includes(`${text} (${locale})`), `${text} in ${locale}`);
      assert.ok(!/\((nb|en)\)/.test(json), 'no other language on the card');
      assert.ok(card.actions.some((a) => a.type === 'Action.Execute' && a.verb === 'digipuls.survey.answer'));
    }
    await assertProblem(await api.call('communicator', 'POST', '/surveys/preview', { definition: ownDefinition(), locale: 'de' }), 400, 'invalid_body', /^locale: /);
  });

  it('shows per unit exactly what people answered, the municipality, and the response rate of those reached', async () => {
    const pass = await stack.app.surveys.runDue(start);
    const reachedAll = [...teams.values()].flatMap((t) => t.reached);
    assert.equal(pass.prompted, reachedAll.length);
    roundId = (await stack.app.surveys.store.listRounds(stack.sim.tenantId, survey.id))[0]!.id;
    for (const [team, t] of teams) {
      for (const [i, id] of t.reached.slice(0, ANSWERING[team as (typeof TEAMS)[number]]).entries()) {
        const answers = answersOf(i);
        assert.deepEqual(await record(roundId, id, answers, later(start, 0, 2)), { status: 'recorded' });
        t.answered.push({ id, answers });
      }
    }
    await stack.app.surveys.runDue(later(start, 0, 3)); // seals the answers, as the job does every minute

    const view = await results();
    assert.equal(view.round!.id, roundId);
    const all = [...teams.values()];
    const everyone = all.flatMap((t) => t.answered.map((a) => a.answers));
    const m = view.municipality!;
    assert.deepEqual([m.invited, m.reached, m.answered], [all.reduce((s, t) => s + t.people.length, 0), reachedAll.length, everyone.length]);
    assert.equal(m.responseRate, everyone.length / reachedAll.length);
    const expected = tally(everyone);
    for (const q of ['it-stress', 'information-channel'] as const) assert.deepEqual(m.questions.find((x) => x.questionId === q)!.distribution, expected[q], q);

    for (const team of ['Hjemmetjenesten Nord', 'Hjemmetjenesten Sør'] as const) {
      const t = teams.get(team)!;
      const row = view.units.find((u) => u.unitId === unit(...HOME_CARE, team).id)!;
      assert.equal(row.suppressed, false, team);
      assert.deepEqual([row.results!.invited, row.results!.reached, row.results!.answered], [t.people.length, t.reached.length, t.answered.length], team);
      assert.equal(row.results!.responseRate, t.answered.length / t.reached.length);
      const mine = tally(t.answered.map((a) => a.answers));
      for (const q of ['it-stress', 'information-channel'] as const) assert.deepEqual(row.results!.questions.find((x) => x.questionId === q)!.distribution, mine[q], `${team} ${q}`);
    }
    const sector = view.units.find((u) => u.unitId === unit(HOME_CARE[0]!).id)!;
    assert.equal(sector.results!.answered, everyone.length, 'a unit counts its sub-units');
    assert.deepEqual(view.survey.rounds.map((r) => [r.invited, r.answered]), [[m.invited, m.answered]]);
  });

  it('hides a unit with fewer answers than the group size, and a sibling that would give it away by subtraction', async () => {
    const view = await results();
    const row = (team: string) => view.units.find((u) => u.unitId === unit(...HOME_CARE, team).id)!;
    assert.equal(row('Nattpatruljen').suppressed, 'small');
    assert.equal(row('Hjemmetjenesten Vest').suppressed, 'complementary', 'Hjemmetjenesten minus Nord and Sør would leave Nattpatruljen alone');
    for (const team of ['Nattpatruljen', 'Hjemmetjenesten Vest']) assert.equal(row(team).results, null, team);
    assert.equal(row('Nattpatruljen').participation, null, 'two people asked: not even how many answered');
    // Whatever is shown, a parent minus its shown children is never a group of answers below the size.
    const shown = [{ id: null as string | null, answered: view.municipality!.answered }, ...view.units.filter((u) => u.results).map((u) => ({ id: u.unitId, answered: u.results!.answered }))];
    for (const parent of shown) {
      const rest = parent.answered - view.units.filter((u) => u.parentId === parent.id && u.results).reduce((s, u) => s + u.results!.answered, 0);
      assert.ok(rest === 0 || rest >= view.minGroupSize, `${parent.id ?? 'municipality'} leaves ${rest}`);
    }
  });

  it('exports the same figures as CSV, hidden units without any', async () => {
    const view = await results();
    const rows = await csvOf();
    const byGroup = new Map<string, typeof rows>();
    for (const row of rows) byGroup.set(row.unit!, [...(byGroup.get(row.unit!) ?? []), row]);
    const groups: Array<[string, Group | null, UnitRow | null]> = [['Hele kommunen', view.municipality, null], ...view.units.map((u) => [u.path.join(' / '), u.results, u] as [string, Group | null, UnitRow])];
    assert.deepEqual([...byGroup.keys()].sort(), groups.map((g) => g[0]).sort());
    for (const [name, group, unitRow] of groups) {
      const lines = byGroup.get(name)!;
      if (!group) {
        assert.equal(lines.length, 1, name);
        const p = unitRow!.participation;
        assert.deepEqual([lines[0]!.invited, lines[0]!.answered], p ? [String(p.invited), String(p.answered)] : ['', ''], name);
        assert.deepEqual([lines[0]!.question, lines[0]!.value, lines[0]!.count, lines[0]!.mean], ['', '', '', ''], `${name} has no answer figures`);
        continue;
      }
      for (const line of lines) assert.deepEqual([line.invited, line.reached, line.answered, line.response_rate], [group.invited, group.reached, group.answered, group.responseRate.toFixed(3)].map(String), name);
      const stress = group.questions.find((q) => q.questionId === 'it-stress')!;
      for (const d of stress.distribution) {
        const line = lines.find((l) => l.question === 'it-stress' && l.value === d.value)!;
        assert.equal(line.count, String(d.count), `${name} it-stress ${d.value}`);
        assert.equal(line.mean, String(stress.mean));
      }
      const channel = group.questions.find((q) => q.questionId === 'information-channel')!;
      assert.equal(lines.find((l) => l.question === 'information-channel' && l.value === 'Intranettet')!.count, String(channel.distribution.find((d) => d.value === 'intranet')!.count));
    }
    const english = await csvOf('?locale=en');
    assert.ok(english.some((l) => l.unit === 'Whole municipality' && l.value === 'The intranet'));
  });

  it('writes free text into the CSV so that no spreadsheet runs it as a formula', async () => {
    const rows = await csvOf();
    const written = rows.filter((r) => r.question === 'one-thing').map((r) => r.value!);
    assert.ok(written.some((v) => v.includes('Mer opplæring i fagsystemet')), 'the admin reads the free text');
    const formula = written.find((v) => v.includes('HYPERLINK'));
    assert.equal(formula, `'${FORMULA}`, 'kept as text, behind an apostrophe');
    for (const cell of rows.flatMap((r) => Object.values(r))) assert.doesNotMatch(cell, /^[=+@\t\r]/, 'no cell starts a formula');
    assert.doesNotMatch((await csvOf('', 'communicator')).map((r) => r.value).join('\n'), /opplæring i fagsystemet/, 'a communicator gets no free text');
  });

  it('shows a trend across the rounds of a weekly survey', async () => {
    const home = unit('Helse og omsorg', 'Fjordvik sykehjem');
    const until = later(start, 7).toISOString().slice(0, 10);
    const weekly = await api.json<Summary>('communicator', 'POST', '/surveys', {
      templateId: 'weekly-pulse',
      audience: { kind: 'units', unitIds: [home.id] },
      schedule: { ...onceAt(start, 3), recurrence: { every: 'week', until } },
    });
    const people = (await stack.app.surveys.store.audiencePeople(stack.sim.tenantId, { unitIds: [home.id] })).map((p) => p.aadObjectId);
    const answerRound = async (now: Date, workload: number, count: number) => {
      await stack.app.surveys.runDue(now);
      const round = (await stack.app.surveys.store.listRounds(stack.sim.tenantId, weekly.id)).at(-1)!;
      for (const id of people.slice(0, count)) assert.equal((await record(round.id, id, { workload, tools: 3, information: 3 }, later(now, 0, 1))).status, 'recorded');
      return round.id;
    };
    const first = await answerRound(start, 2, 12);
    const second = await answerRound(later(start, 7), 4, 9);
    const trend = await api.get<{ unitId: string | null; points: Array<{ roundId: string; number: number; results: Group | null }> }>('admin', `/surveys/${weekly.id}/trend`);
    assert.deepEqual(trend.points.map((p) => [p.roundId, p.number]), [[first, 1], [second, 2]]);
    assert.deepEqual(trend.points.map((p) => p.results!.answered), [12, 9]);
    assert.deepEqual(trend.points.map((p) => p.results!.questions.find((q) => q.questionId === 'workload')!.mean), [2, 4]);
    const byUnit = await api.get<{ unitId: string; points: Array<{ results: Group | null }> }>('admin', `/surveys/${weekly.id}/trend?unit=${home.id}`);
    assert.equal(byUnit.unitId, home.id);
    assert.deepEqual(byUnit.points.map((p) => p.results!.answered), [12, 9]);
    const summary = await api.get<Summary>('admin', `/surveys/${weekly.id}`);
    assert.equal(summary.rounds.length, 2);
    assert.ok(summary.rounds[0]!.closedAt, 'the first round closed before the second opened');
  });

  it('sends a follow-up to everyone the round reached, answered or not, once; and lists it with the results', async () => {
    const text = texts('Vi har kortet ned på varslene i fagsystemet');
    const followUp = await api.json<{ id: string; roundId: string }>('communicator', 'POST', `/surveys/${survey.id}/rounds/${roundId}/follow-ups`, { text });
    assert.equal(followUp.roundId, roundId);
    const listed = (await results(`?round=${roundId}`, 'communicator')).followUps;
    assert.deepEqual(listed.map((f) => [f.id, f.text, f.writtenBy.role]), [[followUp.id, text, 'Communicator']]);

    const from = stack.sim.connector.activities.length;
    const pass = await stack.app.surveys.runDue(later(start, 8, 1));
    const reached = [...teams.values()].flatMap((t) => t.reached);
    assert.equal(pass.followUps, reached.length);
    const cards = stack.sim.connector.activities.slice(from).filter((a) => JSON.stringify(a.activity).includes('Vi har kortet ned på varslene i fagsystemet'));
    assert.deepEqual(cards.map((a) => a.conversationId).sort(), reached.map(chatIdOf).sort(), 'everyone reached, also those who did not answer; nobody twice');
    const notAnswered = reached.filter((id) => ![...teams.values()].some((t) => t.answered.some((a) => a.id === id)));
    assert.ok(notAnswered.length > 0 && notAnswered.every((id) => cards.some((c) => c.conversationId === chatIdOf(id))));
    const unreached = teams.get('Hjemmetjenesten Sør')!.people.slice(0, 3);
    assert.ok(unreached.every((id) => !cards.some((c) => c.conversationId === chatIdOf(id))), 'not those the survey never reached');

    const again = stack.sim.connector.activities.length;
    await stack.app.surveys.runDue(later(start, 8, 2));
    assert.equal(stack.sim.connector.activities.length, again, 'the next pass sends nothing more');
  });

  it('closes a survey early: it ends, and a late answer is refused as closed', async () => {
    const school = unit('Oppvekst og utdanning', 'Grunnskole');
    const now = new Date();
    const open = await api.json<Summary>('communicator', 'POST', '/surveys', { templateId: 'weekly-pulse', audience: { kind: 'units', unitIds: [school.id] }, schedule: onceAt(new Date(now.getTime() - 60_000), 7) });
    await stack.app.surveys.runDue(now);
    const [round] = await stack.app.surveys.store.listRounds(stack.sim.tenantId, open.id);
    const [first, second] = (await stack.app.surveys.store.audiencePeople(stack.sim.tenantId, { unitIds: [school.id] })).map((p) => p.aadObjectId);
    assert.equal((await api.get<Summary>('communicator', `/surveys/${open.id}`)).status, 'open');
    assert.equal((await record(round!.id, first!, { workload: 3, tools: 3, information: 3 }, new Date())).status, 'recorded');

    const closed = await api.json<Summary>('communicator', 'POST', `/surveys/${open.id}/close`);
    assert.equal(closed.status, 'ended');
    assert.ok(closed.closedEarlyAt);
    assert.ok(closed.rounds[0]!.closedAt);
    const late = await record(round!.id, second!, { workload: 3, tools: 3, information: 3 }, new Date());
    assert.equal(late.status, 'closed');
    assert.match((late as { closedOn: string }).closedOn, /^\d{4}-\d{2}-\d{2}$/);
    await assertProblem(await api.call('communicator', 'POST', `/surveys/${open.id}/close`), 400, 'survey_ended', /already ended/);
    assert.equal((await stack.app.surveys.runDue(later(new Date(), 0, 1))).opened, 0, 'no new round after the end');
  });
});
