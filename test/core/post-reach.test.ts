import assert from 'node:assert/strict';
import { countPerUnit } from '../../core/post-activity.js';
import { channelPostReach, channelPostReachWithin, NO_UNIT, type PostFigures } from '../../core/post-reach.js';
import type { Unit } from '../../core/units.js';

/** A unit tree from paths: "A", "A/x" (the id is the path). */
const tree = (...paths: string[]): Unit[] =>
  paths.map((p) => {
    const path = p.split('/');
    return { id: p, parentId: path.length > 1 ? path.slice(0, -1).join('/') : null, name: path.at(-1)!, path };
  });
const figuresOf = (reach: ReturnType<typeof channelPostReach>, unitId: string): PostFigures | 'hidden' => {
  const row = reach.units.find((u) => u.unitId === unitId);
  assert.ok(row, `a row for ${unitId}`);
  return 'figures' in row ? row.figures : 'hidden';
};

describe('reactions and replies to a channel post, per unit', () => {
  it('counts reactions, replies and people once each, people outside the directory as no unit', () => {
    const counts = countPerUnit({ reactions: ['a', 'a', 'b', 'ghost'], replies: ['b', 'c'] }, new Map([['a', 'U1'], ['b', 'U1'], ['c', null]]));
    assert.deepEqual(
      counts.sort((x, y) => String(x.unitId).localeCompare(String(y.unitId))),
      [
        { unitId: 'U1', reactions: 3, replies: 1, people: 2 },
        { unitId: null, reactions: 1, replies: 1, people: 2 },
      ].sort((x, y) => String(x.unitId).localeCompare(String(y.unitId))),
    );
  });

  it('rolls units up and hides a small unit, and a sibling too when subtraction would give it away', () => {
    const units = tree('A', 'A/x', 'A/y', 'A/z');
    const staff = [
      { unitId: 'A/x', staff: 10 },
      { unitId: 'A/y', staff: 8 },
      { unitId: 'A/z', staff: 2 },
    ];
    const counts = [
      { unitId: 'A/x', reactions: 4, replies: 1, people: 4 },
      { unitId: 'A/y', reactions: 3, replies: 0, people: 3 },
      { unitId: 'A/z', reactions: 2, replies: 2, people: 2 },
    ];
    const reach = channelPostReach({ counts, staff, units, minGroupSize: 5 });
    assert.deepEqual(figuresOf(reach, 'A'), { reactions: 9, replies: 3, people: 9 });
    assert.equal(figuresOf(reach, 'A/z'), 'hidden');
    assert.equal(figuresOf(reach, 'A/y'), 'hidden', 'A minus A/x alone must not give A/z away');
    assert.deepEqual(figuresOf(reach, 'A/x'), { reactions: 4, replies: 1, people: 4 });
    assert.deepEqual(reach.whole, { reactions: 9, replies: 3, people: 9 });
  });

  it('takes the group outside any unit to be no larger than it could be', () => {
    const units = tree('A');
    const reach = channelPostReach({ counts: [{ unitId: null, reactions: 2, replies: 0, people: 2 }, { unitId: 'A', reactions: 1, replies: 0, people: 1 }], staff: [{ unitId: 'A', staff: 20 }, { unitId: null, staff: 1 }], units, minGroupSize: 5 });
    assert.equal(figuresOf(reach, NO_UNIT), 'hidden');
  });

  it('shows a unit lead their units only, and their whole only when every one of their units is shown', () => {
    const units = tree('A', 'A/x', 'A/y', 'B');
    const staff = [{ unitId: 'A/x', staff: 6 }, { unitId: 'A/y', staff: 6 }, { unitId: 'B', staff: 30 }];
    const reach = channelPostReach({ counts: [{ unitId: 'A/x', reactions: 1, replies: 1, people: 1 }, { unitId: 'B', reactions: 5, replies: 0, people: 5 }], staff, units, minGroupSize: 5 });
    const lead = channelPostReachWithin(reach, [['A']]);
    assert.deepEqual(lead.units.map((u) => u.unitId).sort(), ['A', 'A/x', 'A/y']);
    assert.deepEqual(lead.whole, { reactions: 1, replies: 1, people: 1 });
    assert.equal(channelPostReachWithin(channelPostReach({ counts: [], staff: [{ unitId: 'A/x', staff: 2 }], units, minGroupSize: 5 }), [['A/x']]).whole, null);
  });
});
