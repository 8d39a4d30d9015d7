import assert from 'node:assert/strict';
import { suggestedAction } from '../../core/digest-action.js';
import { digestModel } from '../../core/digest-content.js';
import { digestDue, isoWeekOf } from '../../core/digest-due.js';
import type { DigestFigures, DigestUnitAdoption } from '../../core/digest-figures.js';
import { DEFAULT_DIGEST_PREFERENCES, digestPreferencesSchema } from '../../core/digest-preferences.js';

const OSLO = 'Europe/Oslo';
/** Monday 7 December 2026 at an Oslo time (UTC+1 in winter). */
const monday = (hhmm: string, plusDays = 0) => new Date(new Date(`2026-12-07T${hhmm}:00+01:00`).getTime() + plusDays * 86_400_000);

const unit = (name: string, depth: number, staff: number, teamsActive: number): DigestUnitAdoption => ({ name, path: ['Helse', 'Hjemmetjenesten', name].slice(0, depth + 2), depth: depth + 1, hidden: false, staff, teamsActive });
const hidden = (name: string, depth: number): DigestUnitAdoption => ({ name, path: ['Helse', 'Hjemmetjenesten', name].slice(0, depth + 2), depth: depth + 1, hidden: true });

function figures(over: Partial<DigestFigures> = {}): DigestFigures {
  return {
    minGroupSize: 5,
    unitName: 'Hjemmetjenesten',
    adoption: {
      period: 'D30',
      reportDate: '2026-12-05',
      concealed: false,
      units: [unit('Hjemmetjenesten', 0, 40, 35), unit('Nord', 1, 20, 17), unit('Sør', 1, 16, 14), hidden('Natt', 1)],
      municipality: { staff: 2000, teamsActive: 1500 },
    },
    announcements: [],
    surveys: [],
    ...over,
  };
}
const funnel = (targeted: number, read: number, acknowledged = 0) => ({ targeted, onTeams: null, delivered: targeted, read, acknowledged, clicked: 0 });
const participation = (reached: number, answered: number) => ({ invited: reached, reached, answered, responseRate: answered / reached });

describe('the unit-lead digest in core', () => {
  describe('when it is due', () => {
    it('is due on the lead’s weekday from their time until the day ends, in the tenant’s time zone, and not on other days', () => {
      const prefs = DEFAULT_DIGEST_PREFERENCES;
      assert.equal(digestDue(monday('07:59'), OSLO, prefs), false);
      assert.equal(digestDue(monday('08:00'), OSLO, prefs), true);
      assert.equal(digestDue(monday('23:59'), OSLO, prefs), true);
      assert.equal(digestDue(monday('08:00', 1), OSLO, prefs), false, 'not on Tuesday');
      // 07:30 UTC is 08:30 in Oslo, but only 07:30 in London.
      assert.equal(digestDue(new Date('2026-12-07T07:30:00Z'), OSLO, prefs), true);
      assert.equal(digestDue(new Date('2026-12-07T07:30:00Z'), 'Europe/London', prefs), false);
      assert.equal(digestDue(monday('10:00', 3), OSLO, { weekday: 4, time: '09:45', enabled: true }), true, 'Thursday 09:45');
      assert.equal(digestDue(monday('10:00'), OSLO, { ...prefs, enabled: false }), false, 'off');
    });

    it('keys the week by ISO week, which begins on Monday and belongs to its Thursday’s year', () => {
      assert.equal(isoWeekOf('2026-12-07'), '2026-W50');
      assert.equal(isoWeekOf('2026-12-13'), '2026-W50');
      assert.equal(isoWeekOf('2026-12-14'), '2026-W51');
      assert.equal(isoWeekOf('2027-01-01'), '2026-W53');
      assert.equal(isoWeekOf('2024-12-30'), '2025-W01');
    });

    it('lets a lead pick only a workday and a time in working hours', () => {
      const problems = (value: unknown) => {
        const parsed = digestPreferencesSchema.safeParse(value);
        return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
      };
      assert.deepEqual(problems({ weekday: 5, time: '17:00', enabled: false }), []);
      assert.deepEqual(problems({ weekday: 6, time: '08:00', enabled: true }), ['weekday']);
      assert.deepEqual(problems({ weekday: 0, time: '08:00', enabled: true }), ['weekday']);
      assert.deepEqual(problems({ weekday: 1.5, time: '08:00', enabled: true }), ['weekday']);
      assert.deepEqual(problems({ weekday: 1, time: '06:59', enabled: true }), ['time']);
      assert.deepEqual(problems({ weekday: 1, time: '17:01', enabled: true }), ['time']);
      assert.deepEqual(problems({ weekday: 1, time: '8:00', enabled: true }), ['time']);
      assert.deepEqual(problems({ weekday: 1, time: '08:00', enabled: 'yes' }), ['enabled']);
      assert.deepEqual(problems({ weekday: 1, time: '08:00', enabled: true, extra: 1 }), ['']);
    });
  });

  describe('the one suggested action', () => {
    it('1. briefs the largest group of inactive staff in the smallest shown units, when it is at least the group size', () => {
      assert.deepEqual(suggestedAction(figures()), { kind: 'brief-inactive', unitName: 'Hjemmetjenesten', count: 5, days: 30 }, 'Nord has 3 and Sør 2: too few, so the lead’s own unit with 5');
      const nord = figures({ adoption: { ...figures().adoption!, units: [unit('Hjemmetjenesten', 0, 60, 40), unit('Nord', 1, 30, 18), unit('Sør', 1, 30, 22)] } });
      assert.deepEqual(suggestedAction(nord), { kind: 'brief-inactive', unitName: 'Nord', count: 12, days: 30 });
    });

    it('never names a group under the group size, even when that is all there is', () => {
      const few = figures({ adoption: { ...figures().adoption!, units: [unit('Hjemmetjenesten', 0, 12, 8), unit('Nord', 1, 6, 4), unit('Sør', 1, 6, 4)] } });
      assert.deepEqual(suggestedAction(few), { kind: 'well-done' }, 'four inactive in all: below five');
      assert.deepEqual(suggestedAction({ ...few, minGroupSize: 4 }), { kind: 'brief-inactive', unitName: 'Hjemmetjenesten', count: 4, days: 30 });
      // A setting under the floor of 3 is read as 3.
      assert.equal(suggestedAction({ ...few, minGroupSize: 1 }).kind, 'brief-inactive');
      assert.deepEqual(suggestedAction({ ...figures(), adoption: { ...figures().adoption!, units: [hidden('Hjemmetjenesten', 0)] } }), { kind: 'no-figures' }, 'a hidden unit gives nothing');
    });

    it('2. else reminds of the settled announcement read by the smallest share, under 80 %, asking for acknowledgement where it is required', () => {
      const calm = figures({ adoption: null });
      const reach = {
        ...calm,
        announcements: [
          { title: 'Ny vaktplan', requiresAcknowledgement: false, settled: true, funnel: funnel(40, 28) },
          { title: 'Turnus', requiresAcknowledgement: true, settled: true, funnel: funnel(40, 30, 20) },
          { title: 'Fersk', requiresAcknowledgement: false, settled: false, funnel: funnel(40, 1) },
          { title: 'Skjult', requiresAcknowledgement: false, settled: true, funnel: null },
        ],
      };
      assert.deepEqual(suggestedAction(reach), { kind: 'remind-announcement', title: 'Ny vaktplan', count: 12, requiresAcknowledgement: false });
      const ack = { ...reach, announcements: reach.announcements.slice(1) };
      assert.deepEqual(suggestedAction(ack), { kind: 'remind-announcement', title: 'Turnus', count: 10, requiresAcknowledgement: true });
      assert.deepEqual(suggestedAction({ ...calm, announcements: [{ title: 'Nesten', requiresAcknowledgement: false, settled: true, funnel: funnel(20, 16) }] }), { kind: 'well-done' }, '80 % read');
    });

    it('3. else encourages answers to the open survey with the lowest response rate, under 50 %', () => {
      const surveys = [
        { title: 'Puls', open: true, unit: participation(40, 18), municipality: participation(2000, 1200) },
        { title: 'Arbeidsmiljø', open: true, unit: participation(40, 12), municipality: null },
        { title: 'Lukket', open: false, unit: participation(40, 2), municipality: null },
        { title: 'Liten', open: true, unit: null, municipality: null },
      ];
      assert.deepEqual(suggestedAction(figures({ adoption: null, surveys })), { kind: 'encourage-survey', title: 'Arbeidsmiljø', responseRate: 0.3 });
      assert.deepEqual(suggestedAction(figures({ adoption: null, surveys: [surveys[0]!, surveys[2]!] })), { kind: 'encourage-survey', title: 'Puls', responseRate: 0.45 });
    });

    it('4. else, when nothing about the lead’s unit may be shown, says so rather than "well done"', () => {
      const hiddenOwn = { ...figures().adoption!, units: [hidden('Hjemmetjenesten', 0)] };
      assert.deepEqual(suggestedAction(figures({ adoption: hiddenOwn, announcements: [{ title: 'A', requiresAcknowledgement: false, settled: true, funnel: null }] })), { kind: 'no-figures' });
      assert.deepEqual(
        suggestedAction(figures({ adoption: hiddenOwn, announcements: [{ title: 'A', requiresAcknowledgement: false, settled: true, funnel: funnel(40, 39) }] })),
        { kind: 'well-done' },
        'a shown announcement is something to judge by',
      );
    });

    it('5. else says there is nothing to do', () => {
      assert.deepEqual(suggestedAction(figures({ adoption: null })), { kind: 'well-done' });
    });
  });

  describe('the content', () => {
    it('carries hidden groups without any figure, and shares as whole percentages', () => {
      const model = digestModel(
        figures({
          announcements: [
            { title: 'Ny vaktplan', requiresAcknowledgement: false, settled: true, funnel: funnel(40, 30) },
            { title: 'Fire', requiresAcknowledgement: false, settled: true, funnel: funnel(4, 1) },
          ],
          surveys: [{ title: 'Liten', open: true, unit: null, municipality: participation(2000, 1000) }],
        }),
      );
      assert.deepEqual(model.adoption!.units, [
        { name: 'Hjemmetjenesten', depth: 0, hidden: false, staff: 40, teamsActive: 35, percent: 88 },
        { name: 'Nord', depth: 1, hidden: false, staff: 20, teamsActive: 17, percent: 85 },
        { name: 'Sør', depth: 1, hidden: false, staff: 16, teamsActive: 14, percent: 88 },
        { name: 'Natt', depth: 1, hidden: true },
      ]);
      assert.equal(model.adoption!.municipalityPercent, 75);
      assert.deepEqual(model.announcements, [{ title: 'Ny vaktplan', hidden: false, targeted: 40, readers: 30, percent: 75 }, { title: 'Fire', hidden: true }]);
      assert.deepEqual(model.surveys, [{ title: 'Liten', open: true, hidden: true }]);
    });
  });
});
