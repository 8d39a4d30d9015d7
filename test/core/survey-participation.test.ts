import assert from 'node:assert/strict';
import type { Answers, SurveyDefinition } from '../../core/survey.js';
import { surveyRoundResults, type UnitResults } from '../../core/survey-results.js';
import type { Unit } from '../../core/units.js';

const text = (s: string) => ({ nb: s, nn: s, sv: s, en: s });
const definition: SurveyDefinition = { title: text('Puls'), questions: [{ id: 'stress', kind: 'likert', text: text('Stress'), required: true }] };
const MIN = 5;

/** Home care as in the simulator: three teams and a night patrol of two, under one service. */
const units: Unit[] = [
  { id: 'home', parentId: null, name: 'Hjemmetjenesten', path: ['Hjemmetjenesten'] },
  ...['Nord', 'Sør', 'Vest', 'Natt'].map((name) => ({ id: name, parentId: 'home', name, path: ['Hjemmetjenesten', name] })),
];

function roundOf(teams: Record<string, [invited: number, answered: number]>) {
  const participation = Object.entries(teams).map(([unitId, [invited, answered]]) => ({ unitId, invited, reached: invited, answered }));
  const answers = Object.entries(teams).flatMap(([unitId, [, answered]]) => Array.from({ length: answered }, () => ({ unitId, answers: { stress: 3 } as Answers })));
  return surveyRoundResults({ definition, units, participation, answers, minGroupSize: MIN, mayReadFreeText: true });
}

/** What a reader can add up: every published count of people asked, per parent, and what is left over. */
function assertNoSmallRemainder(municipality: { invited: number; answered: number } | null, rows: UnitResults[], invitedTotal: number, label: string) {
  const counts = (u: UnitResults) => u.results ?? u.participation;
  const parents: Array<[string | null, { invited: number; answered: number } | null]> = [
    [null, municipality ?? (invitedTotal >= MIN ? { invited: invitedTotal, answered: -1 } : null)],
    ...rows.filter((u) => counts(u)).map((u) => [u.unitId, counts(u)] as [string, { invited: number; answered: number }]),
  ];
  for (const [parent, figures] of parents) {
    if (!figures) continue;
    const rest = figures.invited - rows.filter((u) => u.parentId === parent && counts(u)).reduce((sum, u) => sum + counts(u)!.invited, 0);
    assert.ok(rest === 0 || rest >= MIN, `${label}: ${parent ?? 'the municipality'} minus its shown units leaves ${rest} people asked`);
  }
}

/**
 * How many were asked and answered is a figure about people too: it must not be recoverable for a group
 * below the size by subtracting a unit's shown children from it, even where the answers themselves are safe.
 */
describe('survey participation per unit cannot single out a small group', () => {
  it('does not let the service minus its shown teams give away whether both of the night patrol answered', () => {
    const { municipality, units: rows } = roundOf({ Nord: [15, 8], Sør: [13, 7], Vest: [10, 5], Natt: [2, 2] });
    const row = (id: string) => rows.find((u) => u.unitId === id)!;
    assert.equal(row('Natt').participation, null);
    assert.equal(row('Vest').suppressed, 'complementary');
    assert.equal(row('Vest').participation, null, 'Vest hides to protect Natt, its counts too');
    assertNoSmallRemainder(municipality, rows, 40, 'one round');
  });

  it('hides a team whose answers alone would be safe when the counts of people asked would give a small team away', () => {
    // Nobody in the night patrol answered: their answers leave nothing to protect, but "0 of 2 answered" would.
    const { municipality, units: rows } = roundOf({ Nord: [15, 8], Sør: [13, 7], Vest: [10, 5], Natt: [2, 0] });
    const vest = rows.find((u) => u.unitId === 'Vest')!;
    assert.equal(vest.suppressed, 'complementary');
    assert.equal(vest.results, null);
    assert.equal(vest.participation, null);
    assert.equal(municipality!.answered, 20, 'the whole still shows');
    assertNoSmallRemainder(municipality, rows, 40, 'nobody in Natt answered');
  });

  it('still shows a team with too few answers how many were asked and answered, when that gives nobody away', () => {
    const { units: rows } = roundOf({ Nord: [15, 8], Sør: [13, 7], Vest: [10, 2] });
    const vest = rows.find((u) => u.unitId === 'Vest')!;
    assert.equal(vest.suppressed, 'small');
    assert.deepEqual(vest.participation, { invited: 10, reached: 10, answered: 2, responseRate: 0.2 });
  });

  it('never leaves a small group of people asked between a shown parent and its shown children (1,000 random trees)', () => {
    let s = 7;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let tree = 1; tree <= 1000; tree++) {
      const all: Unit[] = [];
      const add = (parent: Unit | null, depth: number) => {
        for (let i = 0, n = 1 + Math.floor(rand() * 4); i < n; i++) {
          const id = `${parent?.id ?? 'U'}.${i}`;
          const unit: Unit = { id, parentId: parent?.id ?? null, name: id, path: [...(parent?.path ?? []), id] };
          all.push(unit);
          if (depth < 3 && rand() < 0.6) add(unit, depth + 1);
        }
      };
      add(null, 1);
      const participation = all.map((u) => {
        const invited = Math.floor(rand() * 12);
        return { unitId: u.id, invited, reached: invited, answered: Math.floor(rand() * (invited + 1)) };
      });
      const answers = participation.flatMap((p) => Array.from({ length: p.answered }, () => ({ unitId: p.unitId, answers: { stress: 3 } as Answers })));
      const { municipality, units: rows } = surveyRoundResults({ definition, units: all, participation, answers, minGroupSize: MIN, mayReadFreeText: true });
      assertNoSmallRemainder(municipality, rows, participation.reduce((sum, p) => sum + p.invited, 0), `tree ${tree}`);
      for (const u of rows) if (u.results) assert.ok(u.results.answered >= MIN, `tree ${tree}: ${u.unitId} shows ${u.results.answered} answers`);
    }
  });
});
