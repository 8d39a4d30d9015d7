import assert from 'node:assert/strict';
import { emptyCounts, type AdoptionCounts } from '../../core/adoption.js';
import { suppressUnitTree, type UnitCountsInput } from '../../core/suppression.js';

const counts = (staff: number, teams = Math.floor(staff / 2)): AdoptionCounts => {
  const c = emptyCounts();
  c.staff = staff;
  c.active.teams = teams;
  return c;
};
const unit = (key: string, parentKey: string | null, staff: number, teams?: number): UnitCountsInput => ({ key, parentKey, own: counts(staff, teams) });

/**
 * The attacker: everything published (the municipality and every shown unit), and the tree. For each
 * shown parent it subtracts the shown children; whatever remains is a group it has learnt about.
 */
function recoverableGroups(units: readonly UnitCountsInput[], min: number): Array<{ parent: string; staff: number }> {
  const { tenant, units: shown } = suppressUnitTree(units, min);
  const published = new Map(shown.filter((u) => u.totals).map((u) => [u.key, u.totals!]));
  const leaks: Array<{ parent: string; staff: number }> = [];
  for (const u of shown) if (u.totals && u.totals.staff < min) leaks.push({ parent: u.key, staff: u.totals.staff });
  const parents: Array<[string | null, AdoptionCounts | null]> = [[null, tenant], ...[...published.entries()]];
  for (const [key, totals] of parents) {
    if (!totals) continue;
    const children = shown.filter((u) => (u.parentKey ?? null) === key && u.totals);
    const remainder = totals.staff - children.reduce((s, c) => s + c.totals!.staff, 0);
    if (remainder > 0 && remainder < min) leaks.push({ parent: key ?? '(municipality)', staff: remainder });
  }
  return leaks;
}

describe('suppression of small groups', () => {
  it('hides a unit under the group size and never publishes its figures', () => {
    const { units } = suppressUnitTree([unit('A', null, 0), unit('A / x', 'A', 30), unit('A / y', 'A', 20), unit('A / z', 'A', 3)], 5);
    const z = units.find((u) => u.key === 'A / z')!;
    assert.equal(z.suppressed, 'small');
    assert.equal(z.totals, null);
  });

  it('hides a second unit so the first cannot be had by subtracting its siblings from the parent', () => {
    // A = 56: without complementary suppression, 56 − 30 − 23 = 3 gives z away.
    const input = [unit('A', null, 0), unit('A / x', 'A', 30), unit('A / y', 'A', 23), unit('A / z', 'A', 3)];
    const { units } = suppressUnitTree(input, 5);
    assert.equal(units.find((u) => u.key === 'A / y')!.suppressed, 'complementary', 'the smaller shown sibling is hidden too');
    assert.deepEqual(recoverableGroups(input, 5), []);
  });

  it('protects the people placed directly in a unit (its leader) the same way', () => {
    // One leader directly in A, two teams under it: A − x − y would be the leader's own activity.
    const input = [unit('A', null, 1, 1), unit('A / x', 'A', 10), unit('A / y', 'A', 12)];
    const { units } = suppressUnitTree(input, 5);
    assert.equal(units.find((u) => u.key === 'A / x')!.suppressed, 'complementary');
    assert.deepEqual(recoverableGroups(input, 5), []);
  });

  it('hides everything under a hidden unit, so no deeper subtraction works either', () => {
    const input = [unit('A', null, 0), unit('A / x', 'A', 3), unit('A / x / 1', 'A / x', 1), unit('A / y', 'A', 40)];
    const { units } = suppressUnitTree(input, 5);
    assert.equal(units.find((u) => u.key === 'A / x / 1')!.suppressed, 'ancestor');
    assert.equal(units.find((u) => u.key === 'A / x')!.totals, null);
  });

  it('leaves nothing recoverable in a thousand random municipalities', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 1000; trial++) {
      const input: UnitCountsInput[] = [];
      const grow = (key: string, parent: string | null, depth: number) => {
        input.push(unit(key, parent, random() < 0.3 ? Math.floor(random() * 3) : Math.floor(random() * 12)));
        if (depth < 3) for (let i = 0, n = Math.floor(random() * 4); i < n; i++) grow(`${key} / ${i}`, key, depth + 1);
      };
      for (let i = 0, n = 1 + Math.floor(random() * 4); i < n; i++) grow(`S${i}`, null, 1);
      const min = 3 + Math.floor(random() * 5);
      assert.deepEqual(recoverableGroups(input, min), [], `trial ${trial}`);
    }
  });

  it('never goes below 3, whatever the setting says', () => {
    const { units } = suppressUnitTree([unit('A', null, 2), unit('B', null, 50)], 1);
    assert.equal(units.find((u) => u.key === 'A')!.suppressed, 'small');
  });

  it('shows nothing of a municipality smaller than the group size', () => {
    const { tenant } = suppressUnitTree([unit('A', null, 4)], 5);
    assert.equal(tenant, null);
  });
});
