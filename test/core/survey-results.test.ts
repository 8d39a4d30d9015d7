import assert from 'node:assert/strict';
import type { Answers, SurveyDefinition } from '../../core/survey.js';
import { surveyRoundResults } from '../../core/survey-results.js';
import type { Unit } from '../../core/units.js';

const text = (s: string) => ({ nb: s, nn: s, sv: s, en: s });
const definition: SurveyDefinition = {
  title: text('Pulse'),
  questions: [
    { id: 'stress', kind: 'likert', text: text('Stress'), required: true },
    { id: 'channel', kind: 'multiple', text: text('Channel'), required: true, options: [{ id: 'teams', text: text('Teams') }, { id: 'paper', text: text('Paper') }] },
    { id: 'nps', kind: 'enps', text: text('NPS'), required: false },
    { id: 'comment', kind: 'text', text: text('Comment'), required: false, maxLength: 500 },
  ],
};

/** A seeded pseudo-random stream, so a failing tree can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function randomTree(rand: () => number): { units: Unit[]; respondents: Array<{ unitId: string; answers: Answers }>; invited: Map<string, number> } {
  const units: Unit[] = [];
  const add = (parent: Unit | null, depth: number) => {
    const count = 1 + Math.floor(rand() * 4);
    for (let i = 0; i < count; i++) {
      const name = `${parent ? parent.name : 'U'}.${i}`;
      const unit: Unit = { id: name, parentId: parent?.id ?? null, name, path: [...(parent?.path ?? []), name] };
      units.push(unit);
      if (depth < 3 && rand() < 0.6) add(unit, depth + 1);
    }
  };
  add(null, 1);
  const respondents: Array<{ unitId: string; answers: Answers }> = [];
  const invited = new Map<string, number>();
  for (const unit of units) {
    const asked = Math.floor(rand() * 14);
    const answered = Math.floor(rand() * (asked + 1));
    invited.set(unit.id, asked);
    for (let i = 0; i < answered; i++) {
      respondents.push({ unitId: unit.id, answers: { stress: 1 + Math.floor(rand() * 5), channel: rand() < 0.5 ? ['teams'] : ['paper', 'teams'], ...(rand() < 0.5 ? { nps: Math.floor(rand() * 11) } : {}) } });
    }
  }
  return { units, respondents, invited };
}

describe('survey results per unit', () => {
  it('counts each question per unit with its sub-units, and the municipality', () => {
    const units: Unit[] = [
      { id: 'a', parentId: null, name: 'A', path: ['A'] },
      { id: 'b', parentId: 'a', name: 'B', path: ['A', 'B'] },
    ];
    const answers = [
      ...Array.from({ length: 6 }, (_, i) => ({ unitId: 'b', answers: { stress: 4, channel: ['teams'], comment: `b${i}` } as Answers })),
      ...Array.from({ length: 5 }, () => ({ unitId: 'a', answers: { stress: 2, channel: ['paper', 'teams'], nps: 10 } as Answers })),
    ];
    const { municipality, units: rows } = surveyRoundResults({
      definition,
      units,
      participation: [
        { unitId: 'a', invited: 8, reached: 8, answered: 5 },
        { unitId: 'b', invited: 10, reached: 8, answered: 6 },
      ],
      answers,
      minGroupSize: 5,
      mayReadFreeText: true,
    });
    assert.equal(municipality!.answered, 11);
    assert.equal(municipality!.responseRate, 11 / 16);
    const stress = municipality!.questions.find((q) => q.questionId === 'stress')!;
    assert.deepEqual(stress.distribution, [{ value: '1', count: 0 }, { value: '2', count: 5 }, { value: '3', count: 0 }, { value: '4', count: 6 }, { value: '5', count: 0 }]);
    assert.equal(stress.mean, Math.round(((5 * 2 + 6 * 4) / 11) * 100) / 100);
    assert.deepEqual(municipality!.questions.find((q) => q.questionId === 'channel')!.distribution, [{ value: 'teams', count: 11 }, { value: 'paper', count: 5 }]);
    assert.equal(municipality!.questions.find((q) => q.questionId === 'nps')!.enps, 100);
    const b = rows.find((r) => r.unitId === 'b')!;
    assert.equal(b.results!.answered, 6);
    assert.deepEqual(b.results!.questions.find((q) => q.questionId === 'comment')!.texts, ['b0', 'b1', 'b2', 'b3', 'b4', 'b5']);
  });

  it('hides free text from roles that may not read it, saying it exists', () => {
    const units: Unit[] = [{ id: 'a', parentId: null, name: 'A', path: ['A'] }];
    const answers = Array.from({ length: 5 }, () => ({ unitId: 'a', answers: { stress: 3, channel: ['teams'], comment: 'Mer opplæring' } as Answers }));
    const { municipality } = surveyRoundResults({ definition, units, participation: [{ unitId: 'a', invited: 5, reached: 5, answered: 5 }], answers, minGroupSize: 5, mayReadFreeText: false });
    assert.equal(municipality!.questions.find((q) => q.questionId === 'comment')!.texts, 'hidden');
  });

  it('shows a unit only when enough answered, and shows its participation only when enough were asked', () => {
    const units: Unit[] = [
      { id: 'a', parentId: null, name: 'A', path: ['A'] },
      { id: 'big', parentId: 'a', name: 'Big', path: ['A', 'Big'] },
      { id: 'few', parentId: 'a', name: 'Few', path: ['A', 'Few'] },
      { id: 'tiny', parentId: 'a', name: 'Tiny', path: ['A', 'Tiny'] },
    ];
    const answers = [
      ...Array.from({ length: 20 }, () => ({ unitId: 'big', answers: { stress: 3, channel: ['teams'] } as Answers })),
      ...Array.from({ length: 3 }, () => ({ unitId: 'few', answers: { stress: 1, channel: ['paper'] } as Answers })),
    ];
    const { units: rows } = surveyRoundResults({
      definition,
      units,
      participation: [
        { unitId: 'big', invited: 25, reached: 25, answered: 20 },
        { unitId: 'few', invited: 12, reached: 12, answered: 3 },
        { unitId: 'tiny', invited: 2, reached: 2, answered: 0 },
      ],
      answers,
      minGroupSize: 5,
      mayReadFreeText: true,
    });
    const few = rows.find((r) => r.unitId === 'few')!;
    assert.equal(few.suppressed, 'small');
    assert.equal(few.results, null);
    assert.deepEqual(few.participation, { invited: 12, reached: 12, answered: 3, responseRate: 0.25 }, 'a lead still sees that few answered');
    assert.equal(rows.find((r) => r.unitId === 'tiny')!.participation, null, 'two people asked: not even participation');
    // A = 23 answered: A − Big = 3 would give Few away, so Big is hidden too.
    assert.equal(rows.find((r) => r.unitId === 'big')!.suppressed, 'complementary');
  });

  it('never lets subtraction recover a group of answers below the group size (1,000 random trees)', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const rand = random(seed);
      const { units, respondents, invited } = randomTree(rand);
      const participation = units.map((u) => ({ unitId: u.id, invited: invited.get(u.id)!, reached: invited.get(u.id)!, answered: respondents.filter((r) => r.unitId === u.id).length }));
      const min = 3 + Math.floor(rand() * 5);
      const { municipality, units: rows } = surveyRoundResults({ definition, units, participation, answers: respondents, minGroupSize: min, mayReadFreeText: true });
      const shown = new Map(rows.filter((r) => r.results).map((r) => [r.unitId, r.results!] as const));
      for (const [id, results] of shown) assert.ok(results.answered >= min, `seed ${seed}: ${id} shown with ${results.answered}`);
      const parents: Array<[string | null, number | undefined]> = [[null, municipality?.answered], ...[...shown].map(([id, r]) => [id, r.answered] as [string, number])];
      for (const [parent, answered] of parents) {
        if (answered === undefined) continue;
        const children = rows.filter((r) => r.parentId === parent && r.results);
        const remainder = answered - children.reduce((sum, c) => sum + c.results!.answered, 0);
        assert.ok(remainder === 0 || remainder >= min, `seed ${seed}: ${parent ?? 'municipality'} minus its shown units leaves ${remainder} answers`);
      }
    }
  });
});
