import assert from 'node:assert/strict';
import { announcementReach, NO_UNIT, reachWithin, toBrief, type AnnouncementReach, type Funnel } from '../../core/announcement-reach.js';
import type { UnitReachCounts } from '../../core/announcement-store.js';
import { reachTimeline } from '../../core/announcement-timeline.js';
import { teamsShares } from '../../core/teams-share.js';
import type { Unit } from '../../core/units.js';

/** A unit tree from paths: "A", "A/x", "A/x/1" (the id is the path). */
function tree(...paths: string[]): Unit[] {
  return paths.map((p) => {
    const path = p.split('/');
    return { id: p, parentId: path.length > 1 ? path.slice(0, -1).join('/') : null, name: path.at(-1)!, path };
  });
}

/** Recipients placed directly in a unit; by default everybody delivered, half read, a third clicked. */
function placed(unitId: string | null, targeted: number, over: Partial<UnitReachCounts> = {}): UnitReachCounts {
  return {
    unitId,
    targeted,
    delivered: targeted,
    read: Math.floor(targeted / 2),
    acknowledged: 0,
    clicked: Math.floor(targeted / 3),
    failed: 0,
    unreachable: 0,
    notRead: targeted - Math.floor(targeted / 2),
    ...over,
  };
}

const funnelOf = (reach: AnnouncementReach, id: string): Funnel | undefined => {
  const unit = reach.units.find((u) => u.unitId === id);
  return unit && 'funnel' in unit ? unit.funnel : undefined;
};
const hiddenOf = (reach: AnnouncementReach, id: string) => {
  const unit = reach.units.find((u) => u.unitId === id);
  return unit && 'hidden' in unit ? unit.hidden : undefined;
};

/**
 * The attacker: everything published (the whole audience and each shown unit) and the tree. For every
 * shown parent it subtracts its shown children; a remainder of fewer than `min`
 * recipients (but some) is a small group it has learnt about.
 */
function recoverable(reach: AnnouncementReach, units: readonly Unit[], min: number): string[] {
  const leaks: string[] = [];
  const shown = reach.units.filter((u): u is typeof u & { funnel: Funnel } => 'funnel' in u);
  for (const u of shown) if (u.funnel.targeted < min) leaks.push(`${u.unitId} shown with ${u.funnel.targeted}`);
  const parents: Array<[string | null, Funnel | null]> = [[null, reach.municipality], ...shown.map((u) => [u.unitId, u.funnel] as [string, Funnel])];
  const parentOf = (id: string) => (id === NO_UNIT ? null : (units.find((u) => u.id === id)?.parentId ?? null));
  for (const [key, funnel] of parents) {
    if (!funnel) continue;
    const children = shown.filter((u) => parentOf(u.unitId) === key);
    // Every other figure of the remainder is about the same people, so its size is what must not be small.
    const remainder = funnel.targeted - children.reduce((sum, c) => sum + c.funnel.targeted, 0);
    if (remainder > 0 && remainder < min) leaks.push(`${key ?? '(all)'} − shown children = ${remainder} recipients`);
  }
  return leaks;
}

describe('announcement reach per unit', () => {
  const units = tree('A', 'A/x', 'A/y', 'A/z', 'B', 'B/p', 'B/q');

  it('counts each unit with its sub-units and the whole audience, stage by stage', () => {
    const reach = announcementReach({ counts: [placed('A/x', 20), placed('A/y', 10), placed('B/p', 8), placed('B/q', 12, { acknowledged: 3 })], units, minGroupSize: 5 });
    assert.deepEqual(funnelOf(reach, 'A'), { targeted: 30, onTeams: null, delivered: 30, read: 15, acknowledged: 0, clicked: 9 });
    assert.deepEqual(funnelOf(reach, 'B'), { targeted: 20, onTeams: null, delivered: 20, read: 10, acknowledged: 3, clicked: 6 });
    assert.deepEqual(reach.municipality, { targeted: 50, onTeams: null, delivered: 50, read: 25, acknowledged: 3, clicked: 15 });
    assert.equal(reach.units.some((u) => u.unitId === 'A/z'), false, 'a unit nobody was sent it to is not listed');
  });

  it('lists units least reached first: delivered share, then read share', () => {
    const reach = announcementReach({
      counts: [placed('A/x', 10, { delivered: 9, read: 1 }), placed('A/y', 10, { delivered: 5, read: 5 }), placed('B/p', 10, { delivered: 9, read: 8 }), placed('B/q', 10, { delivered: 10, read: 0 })],
      units,
      minGroupSize: 5,
    });
    assert.deepEqual(reach.units.map((u) => u.unitId), ['A/y', 'A', 'A/x', 'B/p', 'B', 'B/q']);
  });

  it('hides a unit under the group size, counts its people in the unit above and lists it last, by path only', () => {
    const reach = announcementReach({ counts: [placed('A/x', 20, { delivered: 2 }), placed('A/y', 10), placed('A/z', 3, { delivered: 3 })], units, minGroupSize: 5 });
    assert.equal(hiddenOf(reach, 'A/z'), 'small');
    assert.equal(funnelOf(reach, 'A')!.targeted, 33, 'rolled up into its parent');
    assert.equal(reach.units.at(-1)!.unitId, 'A/z', 'hidden units come after the shown ones, whatever their figures');
    assert.equal(JSON.stringify(reach.units.find((u) => u.unitId === 'A/z')).includes('"funnel"'), false);
  });

  it('hides a sibling too, so the small unit cannot be had by subtracting the shown ones from the parent', () => {
    // A = 33: without complementary suppression, 33 − 20 − 10 = 3 gives z away.
    const counts = [placed('A/x', 20), placed('A/y', 10), placed('A/z', 3)];
    const reach = announcementReach({ counts, units, minGroupSize: 5 });
    assert.equal(hiddenOf(reach, 'A/y'), 'complementary', 'the smallest shown sibling is hidden as well');
    assert.deepEqual(recoverable(reach, units, 5), []);
  });

  it('protects recipients placed directly in a unit (its lead) the same way', () => {
    // A − x − y would be its lead alone; B − q would be the two in p.
    const counts = [placed('A', 1), placed('A/x', 10), placed('A/y', 12), placed('B/p', 2), placed('B/q', 30)];
    const reach = announcementReach({ counts, units, minGroupSize: 5 });
    assert.deepEqual(recoverable(reach, units, 5), []);
    assert.deepEqual(['A/x', 'A/y', 'B/p', 'B/q'].map((id) => hiddenOf(reach, id)), ['complementary', undefined, 'small', 'complementary']);
  });

  it('hides a whole sector when it alone would give a small one away against the whole audience', () => {
    const counts = [placed('A/x', 10), placed('A/y', 13), placed('B/p', 2)];
    const reach = announcementReach({ counts, units, minGroupSize: 5 });
    assert.deepEqual(recoverable(reach, units, 5), []);
    assert.deepEqual(['A', 'A/x', 'B', 'B/p'].map((id) => hiddenOf(reach, id)), ['complementary', 'ancestor', 'small', 'ancestor']);
    assert.equal(reach.municipality!.targeted, 25, 'the whole audience is still large enough');
  });

  it('shows nothing of an audience smaller than the group size', () => {
    const reach = announcementReach({ counts: [placed('A/x', 4)], units, minGroupSize: 5 });
    assert.equal(reach.municipality, null);
    assert.ok(reach.units.every((u) => 'hidden' in u));
    assert.ok(reach.unreached.every((u) => 'hidden' in u));
    assert.deepEqual(reachTimeline([{ hour: new Date('2026-03-02T09:00:00Z'), signal: 'delivered', count: 4 }], reach.municipality !== null), []);
  });

  it('never goes below 3, whatever the setting says', () => {
    const reach = announcementReach({ counts: [placed('A/x', 2), placed('A/y', 40)], units, minGroupSize: 1 });
    assert.equal(hiddenOf(reach, 'A/x'), 'small');
  });

  it('leaves no small group recoverable by subtraction in a thousand random audiences', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 1000; trial++) {
      const paths: string[] = [];
      const grow = (path: string, depth: number) => {
        paths.push(path);
        if (depth < 3) for (let i = 0, n = Math.floor(random() * 4); i < n; i++) grow(`${path}/${i}`, depth + 1);
      };
      for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) grow(`S${i}`, 1);
      const all = tree(...paths);
      const counts = all.filter(() => random() < 0.7).map((u) => {
        const n = random() < 0.3 ? 1 + Math.floor(random() * 3) : Math.floor(random() * 14);
        const delivered = Math.floor(random() * (n + 1));
        return placed(u.id, n, { delivered, read: Math.floor(random() * (delivered + 1)) });
      });
      if (random() < 0.2) counts.push(placed(null, 1 + Math.floor(random() * 6)));
      const min = 3 + Math.floor(random() * 5);
      const reach = announcementReach({ counts, units: all, minGroupSize: min });
      assert.deepEqual(recoverable(reach, all, min), [], `trial ${trial}`);
      // The unreached table hides exactly the units the reach table hides.
      for (const u of reach.unreached) assert.equal('hidden' in u, hiddenOf(reach, u.unitId) !== undefined, `trial ${trial} ${u.unitId}`);
    }
  });

  it('puts recipients outside any known unit in their own group, protected like the rest', () => {
    const reach = announcementReach({ counts: [placed(null, 2), placed('gone', 4), placed('A/x', 30)], units, minGroupSize: 5 });
    const none = reach.units.find((u) => u.unitId === NO_UNIT)!;
    assert.deepEqual({ name: none.name, path: none.path, figures: 'funnel' in none ? none.funnel.targeted : none.hidden }, { name: 'Unknown unit', path: ['Unknown unit'], figures: 6 });
    assert.equal(reach.unreached.some((u) => u.unitId === NO_UNIT), false, 'nobody leads them, so there is no briefing for them');
    assert.equal(reach.municipality!.targeted, 36);
  });

  it('says read receipts are unknown until the first one comes', () => {
    assert.equal(announcementReach({ counts: [placed('A/x', 10, { read: 0 })], units, minGroupSize: 5 }).readReceipts, 'none-yet');
    assert.equal(announcementReach({ counts: [placed('A/x', 10, { read: 1 })], units, minGroupSize: 5 }).readReceipts, 'seen');
  });
});

describe('announcement reach: on Teams, from the adoption snapshot', () => {
  const units = tree('A', 'A/x', 'A/y', 'B');
  const snapshot = (figures: Array<[string, number, number, boolean?]>, tenant: [number, number] | null) =>
    teamsShares({
      tenant: tenant && ({ staff: tenant[0], active: { teams: tenant[1] } } as never),
      units: figures.map(([id, staff, teams, suppressed]) => ({
        unit: units.find((u) => u.id === id)!,
        staff: suppressed ? null : staff,
        active: suppressed ? null : ({ teams } as never),
        devices: null,
        suppressed: suppressed ?? false,
      })),
    });

  it('is null without adoption data', () => {
    const reach = announcementReach({ counts: [placed('A/x', 10)], units, minGroupSize: 5, teams: teamsShares(undefined) });
    assert.equal(reach.municipality!.onTeams, null);
    assert.equal((reach.unreached[0] as { notOnTeams: number | null }).notOnTeams, null);
  });

  it('is the recipients times the unit’s Teams active share, rounded; the rest are not on Teams', () => {
    const teams = snapshot([['A', 100, 60], ['A/x', 40, 30], ['A/y', 60, 30], ['B', 50, 10]], [150, 70]);
    const reach = announcementReach({ counts: [placed('A/x', 10), placed('A/y', 7), placed('B', 9)], units, minGroupSize: 5, teams });
    assert.equal(funnelOf(reach, 'A/x')!.onTeams, 8); // 10 × 0.75 = 7.5
    assert.equal(funnelOf(reach, 'A/y')!.onTeams, 4); // 7 × 0.5 = 3.5
    assert.equal(funnelOf(reach, 'A')!.onTeams, 10); // 17 × 0.6 = 10.2
    assert.equal(reach.municipality!.onTeams, 12, 'each sector by its own share: 17 × 0.6 + 9 × 0.2 = 12');
    const x = reach.unreached.find((u) => u.unitId === 'A/x')!;
    assert.equal('notOnTeams' in x && x.notOnTeams, 2);
  });

  it('takes the share of the unit above for a unit the snapshot hides, then the municipality’s', () => {
    const teams = snapshot([['A', 100, 50], ['A/x', 3, 3, true]], [200, 20]);
    const reach = announcementReach({ counts: [placed('A/x', 10), placed('B', 10)], units, minGroupSize: 5, teams });
    assert.equal(funnelOf(reach, 'A/x')!.onTeams, 5, 'A’s half, not the hidden unit’s own figure');
    assert.equal(funnelOf(reach, 'B')!.onTeams, 1, 'the municipality’s tenth');
  });
});

describe('announcement reach as a unit lead sees it', () => {
  const units = tree('A', 'A/x', 'A/y', 'A/z', 'B');
  const reach = announcementReach({ counts: [placed('A/x', 20), placed('A/y', 10), placed('A/z', 3), placed('B', 40)], units, minGroupSize: 5 });

  it('gives only their units, and their top unit as the whole', () => {
    const mine = reachWithin(reach, [['A']]);
    assert.deepEqual(mine.units.map((u) => u.unitId).sort(), ['A', 'A/x', 'A/y', 'A/z']);
    assert.deepEqual(mine.municipality, funnelOf(reach, 'A'));
    assert.ok(mine.unreached.every((u) => u.path[0] === 'A'));
  });

  it('gives no whole when their unit is hidden, and nothing for a lead without a unit', () => {
    const small = reachWithin(reach, [['A', 'z']]);
    assert.equal(small.municipality, null);
    assert.deepEqual(small.units.map((u) => ('hidden' in u ? u.hidden : 'shown')), ['small']);
    assert.deepEqual(reachWithin(reach, []).units, []);
  });
});

describe('briefing count', () => {
  it('briefs everyone with no sign of reading: receipts, acknowledgements and clicks each prove it', () => {
    assert.equal(toBrief({ targeted: 20, onTeams: null, delivered: 18, read: 6, acknowledged: 9, clicked: 2 }), 11);
    assert.equal(toBrief({ targeted: 20, onTeams: null, delivered: 0, read: 0, acknowledged: 0, clicked: 0 }), 20);
  });
});

describe('announcement timeline', () => {
  const at = (iso: string) => new Date(iso);

  it('counts up hour by hour since the first signal, with quiet hours filled in', () => {
    const points = reachTimeline(
      [
        { hour: at('2026-03-02T09:00:00Z'), signal: 'delivered', count: 40 },
        { hour: at('2026-03-02T09:00:00Z'), signal: 'read', count: 5 },
        { hour: at('2026-03-02T12:00:00Z'), signal: 'read', count: 10 },
        { hour: at('2026-03-02T12:00:00Z'), signal: 'clicked', count: 2 },
      ],
      true,
    );
    assert.deepEqual(points.map((p) => [p.at.slice(11, 13), p.delivered, p.read, p.clicked]), [
      ['09', 40, 5, 0],
      ['10', 40, 5, 0],
      ['11', 40, 5, 0],
      ['12', 40, 15, 2],
    ]);
  });

  it('fills at most two weeks, then gives only hours that saw signals', () => {
    const points = reachTimeline(
      [
        { hour: at('2026-03-02T09:00:00Z'), signal: 'delivered', count: 40 },
        { hour: at('2026-06-02T09:00:00Z'), signal: 'clicked', count: 1 },
      ],
      true,
    );
    assert.equal(points.length, 14 * 24 + 2);
    assert.equal(points.at(-1)!.clicked, 1);
  });
});
