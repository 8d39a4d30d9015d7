import assert from 'node:assert/strict';
import type { Answers } from '../../core/survey.js';
import type { GroupResults, UnitResults } from '../../core/survey-results.js';
import type { Unit } from '../../core/units.js';
import { openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { press } from './chat-helpers.js';
import { button, everyKind, pressed, sendSurvey, surveyCardSent } from './survey-helpers.js';

interface ResultsBody {
  minGroupSize: number;
  municipality: (GroupResults & { reached: number }) | null;
  units: Array<UnitResults & { participation: { invited: number; reached: number; answered: number; responseRate: number } | null }>;
}

const NO_UNIT = 'no-unit';

/** What person number `i` answers: known values spread over every scale point and option. */
function answersOf(i: number): { inputs: Record<string, string>; parsed: Answers } {
  const tools = ['chat', 'meetings', 'engage'].filter((_, bit) => (i >> bit) & 1);
  const parsed: Answers = {
    workload: 1 + ((i * 7) % 5),
    recommend: (i * 3) % 11,
    channel: ['teams', 'email', 'intranet'][i % 3]!,
    ...(tools.length ? { tools } : {}),
    ...(i % 4 === 0 ? { comment: `Innspill nummer ${i}` } : {}),
  };
  const inputs = Object.fromEntries(Object.entries(parsed).map(([id, v]) => [`q.${id}`, Array.isArray(v) ? v.join(',') : String(v)]));
  return { inputs, parsed };
}

/** Counts per value, as the results API reports a distribution. */
function tally(values: readonly string[], given: readonly string[]) {
  return values.map((value) => ({ value, count: given.filter((g) => g === value).length }));
}

describe('survey protocol: 200 staff answer with adaptiveCard/action invokes; results per unit match what was sent', function () {
  this.timeout(180_000);
  let stack: TestStack;
  let body: ResultsBody;
  let adminBody: ResultsBody;
  /** Unit key → the answers sent by people in its subtree; and who was asked there. */
  const sent = new Map<string, Answers[]>();
  const asked = new Map<string, number>();
  let units: Unit[];
  let smallChild: string;

  before(async () => {
    stack = await startTestStack({ staff: 200, env: { SURVEY_SEND_RATE: '50' } });
    const tenantId = stack.sim.tenantId;
    units = await stack.directory.listUnits(tenantId);
    const byId = new Map(units.map((u) => [u.id, u]));
    const people = await stack.app.surveys.store.audiencePeople(tenantId, {});
    await openChats(stack, people.map((p) => p.aadObjectId));
    const keyOf = (unitId: string | null) => (unitId && byId.has(unitId) ? unitId : NO_UNIT);
    const chain = (unitId: string | null) => {
      const keys = [keyOf(unitId)];
      for (let u = byId.get(keys[0]!)?.parentId; u; u = byId.get(u)?.parentId) keys.push(u);
      return [...keys, ''];
    };
    const subtree = new Map<string, string[]>();
    for (const p of people) for (const key of chain(p.unitId)) subtree.set(key, [...(subtree.get(key) ?? []), p.aadObjectId]);

    // A parent with a child of 2–4 people and other children of 5 or more: two of the small child answer
    // and nobody placed directly in the parent does, so the parent minus its other children would be
    // those two unless one more is hidden (complementary suppression).
    const childrenOf = (id: string) => units.filter((u) => u.parentId === id && subtree.has(u.id));
    const ownOf = (id: string) => people.filter((p) => p.unitId === id).map((p) => p.aadObjectId);
    const parent = units.find((u) => {
      const kids = childrenOf(u.id);
      return kids.length >= 2 && kids.some((k) => subtree.get(k.id)!.length >= 2 && subtree.get(k.id)!.length < 5) && kids.filter((k) => subtree.get(k.id)!.length >= 5).length >= 2;
    });
    assert.ok(parent, 'the synthetic municipality has a parent with a small and two larger children');
    const small = childrenOf(parent.id).find((k) => subtree.get(k.id)!.length >= 2 && subtree.get(k.id)!.length < 5)!;
    smallChild = small.id;
    const silent = new Set([...ownOf(parent.id), ...subtree.get(small.id)!.slice(2)]);
    // Elsewhere about one in five does not answer, so response rates differ between units.
    people.forEach((p, i) => {
      if (i % 5 === 3 && !subtree.get(parent.id)!.includes(p.aadObjectId)) silent.add(p.aadObjectId);
    });

    const { survey, roundId, result } = await sendSurvey(stack, { definition: everyKind, audience: { kind: 'everyone' } });
    assert.equal(result.prompted, people.length, 'everyone with the app got the survey');
    const displayName = new Map(stack.sim.municipality.people.map((p) => [p.id, p.displayName]));
    let index = 0;
    for (const p of people) {
      for (const key of chain(p.unitId)) asked.set(key, (asked.get(key) ?? 0) + 1);
      if (silent.has(p.aadObjectId)) continue;
      const { inputs, parsed } = answersOf(index++);
      const card = surveyCardSent(stack, p.aadObjectId, roundId);
      const person = { id: p.aadObjectId, displayName: displayName.get(p.aadObjectId) ?? 'Ansatt' };
      const answer = await press(stack, person, pressed(button(card, card.actions![0]!.title), inputs));
      assert.match(answer.text, /Takk for svarene dine!|Thank you for your answers!|Tack för dina svar!|Takk for svara dine!/);
      for (const key of chain(p.unitId)) sent.set(key, [...(sent.get(key) ?? []), parsed]);
    }
    const demo = stack.sim.municipality.demoPersons;
    const results = async (id: string) => {
      const token = await stack.sim.issueUserToken(id);
      const response = await fetch(`${stack.url}/api/v1/surveys/${survey.id}/results?round=${roundId}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as ResultsBody;
    };
    [body, adminBody] = [await results(demo.communicator.id), await results(demo.admin.id)];
  });
  after(() => stack?.close());

  /** The figures a group's answers must give. */
  function expectedQuestions(answers: readonly Answers[]) {
    const values = (id: string) => answers.map((a) => a[id]).filter((v) => v !== undefined);
    return {
      workload: tally(['1', '2', '3', '4', '5'], values('workload').map(String)),
      recommend: tally(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], values('recommend').map(String)),
      channel: tally(['teams', 'email', 'intranet'], values('channel').map(String)),
      tools: tally(['chat', 'meetings', 'engage'], values('tools').flat().map(String)),
    };
  }
  function assertFigures(group: GroupResults, key: string, label: string) {
    const answers = sent.get(key) ?? [];
    assert.equal(group.answered, answers.length, `${label}: answered`);
    assert.equal(group.invited, asked.get(key), `${label}: invited`);
    const expected = expectedQuestions(answers);
    for (const [id, distribution] of Object.entries(expected)) {
      const q = group.questions.find((x) => x.questionId === id)!;
      assert.deepEqual(q.distribution, distribution, `${label}: ${id}`);
      assert.equal(q.answered, answers.filter((a) => a[id] !== undefined).length, `${label}: ${id} answered`);
    }
    const workload = answers.map((a) => a.workload as number);
    assert.equal(group.questions.find((q) => q.questionId === 'workload')!.mean, Math.round((workload.reduce((s, v) => s + v, 0) / workload.length) * 100) / 100);
  }

  it('gives the municipality the counts and distributions of every answer sent, and its response rate', () => {
    assert.ok(body.municipality);
    assertFigures(body.municipality, '', 'municipality');
    assert.equal(body.municipality.responseRate, sent.get('')!.length / asked.get('')!);
  });

  it('gives every shown unit exactly the answers of its people (with its sub-units), never fewer than the group size', () => {
    const shown = body.units.filter((u) => !u.suppressed);
    assert.ok(shown.length >= 5, `${shown.length} units shown`);
    for (const unit of shown) {
      assert.ok(unit.results, unit.path.join(' / '));
      assert.ok(unit.results.answered >= body.minGroupSize, `${unit.path.join(' / ')} shows ${unit.results.answered} answers`);
      assertFigures(unit.results, unit.unitId, unit.path.join(' / '));
    }
  });

  it('hides a unit where fewer than the group size answered', () => {
    const small = body.units.find((u) => u.unitId === smallChild)!;
    assert.equal(sent.get(smallChild)!.length, 2);
    assert.equal(small.suppressed, 'small');
    assert.equal(small.results, null);
    for (const unit of body.units) {
      if ((sent.get(unit.unitId)?.length ?? 0) < body.minGroupSize) assert.notEqual(unit.suppressed, false, `${unit.path.join(' / ')} has too few answers to show`);
    }
  });

  it('hides one more unit where a hidden one could be worked out by subtraction, anywhere in the tree', () => {
    assert.ok(body.units.some((u) => u.suppressed === 'complementary'), 'some unit is hidden to protect a smaller one');
    const answeredOf = (u: { results: GroupResults | null }) => u.results!.answered;
    const parents: Array<{ key: string | null; answered: number }> = [
      { key: null, answered: body.municipality!.answered },
      ...body.units.filter((u) => !u.suppressed).map((u) => ({ key: u.unitId, answered: answeredOf(u) })),
    ];
    for (const parent of parents) {
      const shownChildren = body.units.filter((u) => !u.suppressed && (u.parentId ?? null) === parent.key);
      const remainder = parent.answered - shownChildren.reduce((sum, u) => sum + answeredOf(u), 0);
      assert.ok(remainder === 0 || remainder >= body.minGroupSize, `${parent.key ?? 'the municipality'} minus its shown units leaves ${remainder} answers`);
    }
  });

  it('reports the response rate per unit from who was asked and who answered', () => {
    let checked = 0;
    for (const unit of body.units) {
      if (!unit.participation) {
        assert.ok(asked.get(unit.unitId)! < body.minGroupSize || unit.suppressed === 'complementary' || unit.suppressed === 'ancestor', `${unit.path.join(' / ')} hides its participation`);
        continue;
      }
      const answered = sent.get(unit.unitId)?.length ?? 0;
      assert.equal(unit.participation.invited, asked.get(unit.unitId), unit.path.join(' / '));
      assert.equal(unit.participation.reached, asked.get(unit.unitId), 'everyone had the app, so every prompt reached them');
      assert.equal(unit.participation.answered, answered, unit.path.join(' / '));
      assert.equal(unit.participation.responseRate, answered / asked.get(unit.unitId)!, unit.path.join(' / '));
      checked++;
    }
    assert.ok(checked >= 5);
    const rates = new Set(body.units.filter((u) => u.participation).map((u) => u.participation!.responseRate));
    assert.ok(rates.size > 1, 'units answered at different rates');
  });

  it('shows free text only to the roles allowed to read it, and only in shown groups', () => {
    const comments = (key: string) => (sent.get(key) ?? []).map((a) => a.comment).filter((c): c is string => typeof c === 'string').sort((a, b) => a.localeCompare(b));
    const text = (group: GroupResults | null | undefined) => group?.questions.find((q) => q.questionId === 'comment')?.texts;
    assert.equal(text(body.municipality), 'hidden', 'communicators do not read free text by default');
    assert.deepEqual(text(adminBody.municipality), comments(''));
    for (const unit of adminBody.units) {
      if (unit.suppressed) assert.equal(unit.results, null);
      else if (comments(unit.unitId).length) assert.deepEqual(text(unit.results), comments(unit.unitId), unit.path.join(' / '));
    }
  });
});
