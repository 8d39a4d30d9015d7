import assert from 'node:assert/strict';
import { DEFAULT_MESSAGING_SETTINGS } from '../../core/messaging-settings.js';
import { estimateEffect } from '../../core/nudge-effect.js';
import { holdOutDraw, isHeldOut } from '../../core/nudge-hold-out.js';
import { pacingBlock } from '../../core/nudge-pacing.js';
import { DEFAULT_NUDGE_RULES, nudgeRulesSchema, type NudgeRules } from '../../core/nudge-rules.js';
import { NudgeTargeting } from '../../core/nudge-targeting.js';

const pacing = DEFAULT_NUDGE_RULES.pacing;
const open = { paused: false, recentNudges: [], promptDay: false };
/** Wednesday 2 December 2026 at a given Oslo time (UTC+1 in winter). */
const wednesday = (hhmm: string) => new Date(`2026-12-02T${hhmm}:00+01:00`);

describe('nudges in core', () => {
  describe('pacing', () => {
    it('lets a nudge go on a workday after the send time, outside quiet hours', () => {
      assert.equal(pacingBlock(wednesday('10:00'), DEFAULT_MESSAGING_SETTINGS, pacing, open), null);
      assert.equal(pacingBlock(wednesday('16:59'), DEFAULT_MESSAGING_SETTINGS, pacing, open), null);
    });

    it('holds nudges in quiet hours, before the send time and on weekends, even when the tenant allows weekend surveys', () => {
      assert.equal(pacingBlock(wednesday('07:59'), DEFAULT_MESSAGING_SETTINGS, pacing, open), 'quiet-hours');
      assert.equal(pacingBlock(wednesday('17:00'), DEFAULT_MESSAGING_SETTINGS, pacing, open), 'quiet-hours');
      assert.equal(pacingBlock(wednesday('09:30'), DEFAULT_MESSAGING_SETTINGS, pacing, open), 'before-send-time');
      const weekendsAllowed = { ...DEFAULT_MESSAGING_SETTINGS, weekendsQuiet: false };
      assert.equal(pacingBlock(new Date('2026-12-05T11:00:00+01:00'), weekendsAllowed, pacing, open), 'weekend');
    });

    it('counts the cap over any 7 days, not the calendar week', () => {
      const now = wednesday('10:00');
      const sixDaysAgo = new Date(now.getTime() - 6.9 * 86_400_000);
      const sevenDaysAgo = new Date(now.getTime() - 7 * 86_400_000);
      assert.equal(pacingBlock(now, DEFAULT_MESSAGING_SETTINGS, pacing, { ...open, recentNudges: [sixDaysAgo] }), 'weekly-cap');
      assert.equal(pacingBlock(now, DEFAULT_MESSAGING_SETTINGS, pacing, { ...open, recentNudges: [sevenDaysAgo] }), null);
      assert.equal(pacingBlock(now, DEFAULT_MESSAGING_SETTINGS, { ...pacing, perWeek: 2 }, { ...open, recentNudges: [sixDaysAgo] }), null);
    });

    it('gives way to a survey prompt the same day, and to «stopp»', () => {
      assert.equal(pacingBlock(wednesday('10:00'), DEFAULT_MESSAGING_SETTINGS, pacing, { ...open, promptDay: true }), 'prompt-day');
      assert.equal(pacingBlock(wednesday('10:00'), DEFAULT_MESSAGING_SETTINGS, pacing, { ...open, paused: true }), 'paused');
    });
  });

  describe('hold-out', () => {
    it('holds out about the given share, the same people every time, and others under another seed', () => {
      const ids = Array.from({ length: 20_000 }, (_, i) => `person-${i}`);
      const held = ids.filter((id) => isHeldOut('seed-a', id, 10));
      assert.ok(Math.abs(held.length / ids.length - 0.1) < 0.01, `${held.length} held out`);
      assert.deepEqual(ids.filter((id) => isHeldOut('seed-a', id, 10)), held);
      const other = ids.filter((id) => isHeldOut('seed-b', id, 10));
      assert.ok(other.filter((id) => held.includes(id)).length < held.length * 0.2);
      // A larger share keeps everyone who was held out already.
      assert.ok(held.every((id) => isHeldOut('seed-a', id, 20)));
      assert.equal(holdOutDraw('s', 'ABC'), holdOutDraw('s', 'abc'));
    });
  });

  describe('rules', () => {
    it('refuses rules that would nag or break the measurement, naming the field', () => {
      const bad = (patch: Record<string, unknown>) => nudgeRulesSchema.safeParse({ ...DEFAULT_NUDGE_RULES, ...patch });
      assert.equal(bad({}).success, true);
      const tooOften = bad({ pacing: { perWeek: 7, sendFrom: '10:00' } });
      assert.equal(tooOften.success, false);
      assert.deepEqual(tooOften.error!.issues[0]!.path, ['pacing', 'perWeek']);
      assert.equal(bad({ holdOutPercent: 80 }).success, false);
      assert.equal(bad({ teamsTips: { enabled: true, inactiveDays: 30, tips: ['ask-in-channel', 'ask-in-channel'] } }).success, false);
      assert.equal(bad({ teamsTips: { enabled: true, inactiveDays: 30, tips: ['send-cat-pictures'] } }).success, false);
      assert.equal(bad({ extra: true }).success, false);
    });
  });

  describe('targeting at ingestion', () => {
    const rules: NudgeRules = { ...DEFAULT_NUDGE_RULES, enabled: true, holdOutPercent: 10 };

    it('picks staff inactive in Teams for the rule’s days, never the hold-out, and counts both arms per unit', () => {
      const targeting = new NudgeTargeting(rules, 'seed', null);
      for (let i = 0; i < 1000; i++) targeting.addPerson(`id-${i}`, `p${i}@x.no`, i < 500 ? 'A' : 'B', true);
      targeting.addPerson('gone', 'gone@x.no', 'A', false);
      for (let i = 0; i < 1000; i++) {
        // Even: last active 40 days before the report (inactive); odd: 3 days before.
        targeting.teamsActivity(`P${i}@X.NO`, i % 2 === 0 ? '2026-10-22' : '2026-11-28', '2026-12-01');
      }
      const result = targeting.result();
      assert.equal(result.reportDate, '2026-12-01');
      const picked = result.qualifying.get('teams-tips')!;
      assert.ok([...picked].every((id) => Number(id.slice(3)) % 2 === 0 && !isHeldOut('seed', id, 10)));
      const heldInactive = Array.from({ length: 1000 }, (_, i) => `id-${i}`).filter((id, i) => i % 2 === 0 && isHeldOut('seed', id, 10));
      assert.equal(picked.size + heldInactive.length, 500);
      const arms = result.arms;
      assert.equal(arms.reduce((s, a) => s + a.staff, 0), 1000);
      assert.equal(arms.reduce((s, a) => s + a.eligible, 0), 500);
      assert.equal(arms.filter((a) => a.arm === 'held-out').reduce((s, a) => s + a.eligible, 0), heldInactive.length);
      assert.ok(!result.staff.has('gone'));
    });

    it('counts who is still behind an open cohort’s line, and nothing without a Teams report', () => {
      const targeting = new NudgeTargeting(rules, 'seed', '2026-10-16');
      for (const id of ['a', 'b', 'c', 'd']) targeting.addPerson(id, `${id}@x.no`, 'A', true);
      targeting.teamsActivity('a@x.no', '2026-11-20', '2026-12-01');
      targeting.teamsActivity('b@x.no', '2026-10-16', '2026-12-01');
      targeting.teamsActivity('c@x.no', '2026-10-15', '2026-12-01');
      // d never used Teams: still behind the line, as c is.
      assert.equal(targeting.result().arms.reduce((s, a) => s + (a.stillInactive ?? 0), 0), 2);
      const none = new NudgeTargeting(rules, 'seed', null);
      none.addPerson('a', 'a@x.no', 'A', true);
      assert.equal(none.result().qualifying.get('teams-tips')!.size, 0);
      assert.deepEqual(none.result().arms, []);
    });
  });

  describe('effect', () => {
    it('recovers a known effect within its interval about 95 times in 100, and finds none where there is none', () => {
      let random = 42;
      const next = () => ((random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const trial = (effect: number) => {
        // 4,000 staff, 10 % held out, 40 % qualify; of those in the nudged arm 9 in 10 are reached.
        const arm = (staff: number, nudged: boolean) => {
          let eligible = 0;
          let stillInactive = 0;
          let reached = 0;
          for (let i = 0; i < staff; i++) {
            if (next() >= 0.4) continue;
            eligible++;
            const gotTip = nudged && next() < 0.9;
            if (gotTip) reached++;
            if (next() >= 0.1 + (gotTip ? effect : 0)) stillInactive++;
          }
          return { eligible, stillInactive, reached };
        };
        return estimateEffect({ nudged: arm(3600, true), heldOut: arm(400, false) })!;
      };
      let covered = 0;
      let significantWithout = 0;
      let width = 0;
      for (let t = 0; t < 200; t++) {
        const withEffect = trial(0.15);
        if (withEffect.low <= 0.15 && 0.15 <= withEffect.high) covered++;
        width += (withEffect.high - withEffect.low) / 200;
        if (trial(0).significant) significantWithout++;
      }
      assert.ok(covered >= 180, `${covered} of 200 intervals held the effect`);
      assert.ok(significantWithout <= 20, `${significantWithout} of 200 null trials claimed an effect`);
      // Tight enough to tell 15 points from none with 160 held-out people who qualified.
      assert.ok(width < 0.15, `interval ${width.toFixed(3)} wide`);
    });

    it('gives no estimate without a hold-out or without anyone reached', () => {
      assert.equal(estimateEffect({ nudged: { eligible: 10, stillInactive: 5, reached: 3 }, heldOut: { eligible: 0, stillInactive: 0 } }), null);
      assert.equal(estimateEffect({ nudged: { eligible: 10, stillInactive: 5, reached: 0 }, heldOut: { eligible: 5, stillInactive: 2 } }), null);
    });
  });
});
