import assert from 'node:assert/strict';
import { isQuietTime, localDay, zonedTime, DEFAULT_MESSAGING_SETTINGS } from '../../core/messaging-settings.js';
import { nextRoundAt, roundTimes } from '../../core/survey-schedule.js';
import type { SurveySchedule } from '../../core/survey-store.js';

const weekly = (startsAt: string, until: string): SurveySchedule => ({ startsAt, openDays: 3, recurrence: { every: 'week', until }, remindAfterDays: 2 });

describe('survey schedules and quiet hours', () => {
  it('keeps a weekly round at 09:00 in Oslo across the change to summer time', () => {
    const schedule = weekly('2027-03-22T09:00:00+01:00', '2027-04-30');
    const rounds = [1, 2, 3].map((n) => nextRoundAt(new Date(schedule.startsAt), n, schedule, 'Europe/Oslo')!.toISOString());
    // Summer time starts on 28 March 2027: 09:00 is then 07:00 UTC.
    assert.deepEqual(rounds, ['2027-03-29T07:00:00.000Z', '2027-04-05T07:00:00.000Z', '2027-04-12T07:00:00.000Z']);
  });

  it('ends recurring surveys on their last day, and once means one round', () => {
    const schedule = weekly('2026-12-01T09:00:00+01:00', '2026-12-15');
    assert.equal(nextRoundAt(new Date(schedule.startsAt), 2, schedule, 'Europe/Oslo')!.toISOString(), '2026-12-15T08:00:00.000Z');
    assert.equal(nextRoundAt(new Date(schedule.startsAt), 3, schedule, 'Europe/Oslo'), null);
    assert.equal(nextRoundAt(new Date(schedule.startsAt), 1, { ...schedule, recurrence: { every: 'once' } }, 'Europe/Oslo'), null);
  });

  it('keeps the day of the month where it can, monthly', () => {
    const schedule: SurveySchedule = { startsAt: '2027-01-31T09:00:00+01:00', openDays: 7, recurrence: { every: 'month', until: '2027-12-31' }, remindAfterDays: null };
    const days = [1, 2, 3].map((n) => localDay(nextRoundAt(new Date(schedule.startsAt), n, schedule, 'Europe/Oslo')!, 'Europe/Oslo'));
    assert.deepEqual(days, ['2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('reminds before a round closes, or not at all', () => {
    const opens = new Date('2026-12-01T08:00:00Z');
    assert.deepEqual(roundTimes(opens, weekly(opens.toISOString(), '2027-01-01')), { closesAt: new Date('2026-12-04T08:00:00Z'), remindAt: new Date('2026-12-03T08:00:00Z') });
  });

  it('is quiet from 17:00 to 08:00 and on weekends by default, in the tenant\'s time zone', () => {
    const oslo = (local: string) => zonedTime(local.slice(0, 10), Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)), 'Europe/Oslo');
    assert.equal(isQuietTime(oslo('2026-12-01T07:59'), DEFAULT_MESSAGING_SETTINGS), true);
    assert.equal(isQuietTime(oslo('2026-12-01T08:00'), DEFAULT_MESSAGING_SETTINGS), false);
    assert.equal(isQuietTime(oslo('2026-12-01T16:59'), DEFAULT_MESSAGING_SETTINGS), false);
    assert.equal(isQuietTime(oslo('2026-12-01T17:00'), DEFAULT_MESSAGING_SETTINGS), true);
    assert.equal(isQuietTime(oslo('2026-12-05T12:00'), DEFAULT_MESSAGING_SETTINGS), true, 'Saturday');
    assert.equal(isQuietTime(oslo('2026-12-05T12:00'), { ...DEFAULT_MESSAGING_SETTINGS, weekendsQuiet: false }), false);
    // A night shift's day: quiet only 02:00–06:00.
    const night = { ...DEFAULT_MESSAGING_SETTINGS, quietHours: { start: '02:00', end: '06:00' } };
    assert.equal(isQuietTime(oslo('2026-12-01T23:30'), night), false);
    assert.equal(isQuietTime(oslo('2026-12-01T03:00'), night), true);
  });

  it('stamps the day in the tenant\'s zone: 23:30 in Oslo on 1 December is still the 1st', () => {
    assert.equal(localDay(new Date('2026-12-01T22:30:00Z'), 'Europe/Oslo'), '2026-12-01');
    assert.equal(localDay(new Date('2026-12-01T23:30:00Z'), 'Europe/Oslo'), '2026-12-02');
  });
});
