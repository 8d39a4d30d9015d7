import assert from 'node:assert/strict';
import type { SurveySchedule } from '../../core/survey-store.js';
import type { Unit } from '../../core/units.js';
import { openChats, recipientsSince } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/** Monday 30 November 2026, 09:00 in Oslo (UTC+1). */
const MONDAY_9 = new Date('2026-11-30T08:00:00Z');
const at = (base: Date, hours: number) => new Date(base.getTime() + hours * 3600_000);

const once = (startsAt: Date, extra: Partial<SurveySchedule> = {}): SurveySchedule => ({
  startsAt: startsAt.toISOString(),
  openDays: 5,
  recurrence: { every: 'once' },
  remindAfterDays: null,
  ...extra,
});

describe('survey prompts and reminders (controlled clock)', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let unit: Unit;
  let members: string[];

  before(async () => {
    stack = await startTestStack({ env: { SURVEY_SEND_RATE: '50' } });
    const tenantId = stack.sim.tenantId;
    const units = await stack.directory.listUnits(tenantId);
    // A team-level unit with a dozen or more people, all of whom have the app.
    const people = await stack.app.surveys.store.audiencePeople(tenantId, {});
    const sizes = new Map<string, number>();
    for (const p of people) if (p.unitId) sizes.set(p.unitId, (sizes.get(p.unitId) ?? 0) + 1);
    unit = units.find((u) => (sizes.get(u.id) ?? 0) >= 12 && !units.some((c) => c.parentId === u.id))!;
    members = people.filter((p) => p.unitId === unit.id).map((p) => p.aadObjectId);
    await openChats(stack, people.map((p) => p.aadObjectId));
  });
  after(() => stack?.close());

  const author = () => ({ aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' as const });
  const create = (schedule: SurveySchedule) =>
    stack.app.surveys.create(stack.sim.tenantId, { templateId: 'weekly-pulse', audience: { kind: 'units', unitIds: [unit.id] }, schedule }, author());
  /** Runs a dispatch pass at `now`; returns who got something in it. */
  const pass = async (now: Date) => {
    const before = stack.sim.connector.activities.length;
    await stack.app.surveys.runDue(now);
    return recipientsSince(stack, before);
  };
  const answer = (roundId: string, aadObjectId: string, now: Date) =>
    stack.app.surveys.store.recordAnswers({ tenantId: stack.sim.tenantId, roundId, aadObjectId, answers: {}, now });

  it('prompts everyone in the unit once, and never again for the same round', async () => {
    const survey = await create(once(MONDAY_9));
    const first = await pass(MONDAY_9);
    assert.deepEqual([...first.keys()].sort(), [...members].sort());
    assert.ok([...first.values()].every((n) => n === 1));
    assert.equal((await pass(at(MONDAY_9, 1))).size, 0);
    await stack.app.surveys.close(stack.sim.tenantId, survey.id, at(MONDAY_9, 2));
  });

  it('holds prompts through quiet hours and the weekend, then sends them', async () => {
    const friday18 = at(MONDAY_9, 4 * 24 + 9); // Friday 4 December, 18:00
    await create(once(friday18));
    assert.equal((await pass(friday18)).size, 0, 'after 17:00 is quiet');
    assert.equal((await pass(at(friday18, 15))).size, 0, 'Saturday 09:00 is weekend');
    assert.equal((await pass(at(friday18, 2 * 24 + 13.9))).size, 0, 'Monday 07:54 is still quiet');
    const monday = await pass(at(friday18, 2 * 24 + 14)); // Monday 7 December, 08:00
    assert.equal(monday.size, members.length);
  });

  it('gives nobody two prompts in one day: a second survey waits until the next day', async () => {
    const tuesday9 = at(MONDAY_9, 8 * 24); // Tuesday 8 December
    await create(once(tuesday9, { openDays: 3 }));
    await create(once(tuesday9, { openDays: 3 }));
    const tuesday = await pass(tuesday9);
    assert.equal(tuesday.size, members.length);
    assert.ok([...tuesday.values()].every((n) => n === 1), 'one prompt each on Tuesday');
    assert.equal((await pass(at(tuesday9, 6))).size, 0, 'nothing more on Tuesday afternoon');
    const wednesday = await pass(at(tuesday9, 24));
    assert.equal(wednesday.size, members.length, 'the second survey on Wednesday');
    assert.ok([...wednesday.values()].every((n) => n === 1));
  });

  it('reminds only those who have not answered, once, and not on a day they already had a prompt', async () => {
    const thursday9 = at(MONDAY_9, 10 * 24); // Thursday 10 December
    const survey = await create(once(thursday9, { openDays: 6, remindAfterDays: 1 }));
    await pass(thursday9);
    const [round] = await stack.app.surveys.store.listRounds(stack.sim.tenantId, survey.id);
    const answered = members.slice(0, Math.floor(members.length / 2));
    for (const id of answered) assert.deepEqual(await answer(round!.id, id, at(thursday9, 2)), { status: 'recorded' });

    // A prompt from another survey on Friday morning takes the day of those it reaches.
    await stack.app.surveys.create(
      stack.sim.tenantId,
      { templateId: 'onboarding-check', audience: { kind: 'units', unitIds: [unit.id] }, schedule: once(at(thursday9, 24)) },
      author(),
    );
    const friday = await pass(at(thursday9, 24)); // Friday 09:00: the other survey goes out, so no reminders today
    assert.equal(friday.size, members.length);
    assert.ok([...friday.values()].every((n) => n === 1), 'one message each on Friday');
    assert.equal((await pass(at(thursday9, 3 * 24))).size, 0, 'nothing on the weekend (Sunday)');

    const monday = await pass(at(thursday9, 3 * 24 + 23)); // Monday 14 December, 08:00
    const reminded = [...monday.keys()];
    const notAnswered = members.filter((id) => !answered.includes(id));
    assert.deepEqual(reminded.sort(), [...notAnswered].sort(), 'reminders go to exactly those who have not answered');
    assert.ok([...monday.values()].every((n) => n === 1));
    assert.equal((await pass(at(thursday9, 5 * 24))).size, 0, 'a reminder comes once (Tuesday)');
  });

  it('opens a weekly survey\'s rounds each week until its last day, and closes them', async () => {
    const tenantId = stack.sim.tenantId;
    const monday = at(MONDAY_9, 21 * 24); // Monday 21 December
    const survey = await create({ startsAt: monday.toISOString(), openDays: 3, recurrence: { every: 'week', until: '2027-01-04' }, remindAfterDays: null });
    const got: number[] = [];
    for (let week = 0; week < 4; week++) got.push((await pass(at(monday, week * 7 * 24))).size);
    assert.deepEqual(got, [members.length, members.length, members.length, 0], 'three rounds (21 and 28 December, 4 January), then none');
    const rounds = await stack.app.surveys.store.listRounds(tenantId, survey.id);
    assert.deepEqual(rounds.map((r) => r.number), [1, 2, 3]);
    assert.ok(rounds.every((r) => r.closedAt !== null && r.invited === members.length));
    assert.equal((await stack.app.surveys.store.getSurvey(tenantId, survey.id))!.status, 'ended');
  });

  it('never sends a prompt twice when the process died between claiming and sending it (in doubt: not resent)', async () => {
    const tenantId = stack.sim.tenantId;
    const tuesday9 = at(MONDAY_9, 43 * 24); // Tuesday 12 January 2027
    // The round opens in a quiet hour, so nothing is sent yet.
    await create(once(at(tuesday9, -2)));
    assert.equal((await pass(at(tuesday9, -2))).size, 0);
    // Another instance claims three prompts at 09:00 and dies before sending them.
    const day = '2027-01-12';
    const claimed = await stack.app.surveys.store.claimPrompts(tenantId, 'prompt', { now: tuesday9, day, limit: 3 });
    assert.equal(claimed.length, 3);
    const got = await pass(tuesday9);
    const inDoubt = new Set(claimed.map((c) => c.aadObjectId));
    assert.deepEqual([...got.keys()].sort(), members.filter((id) => !inDoubt.has(id)).sort());
    assert.equal((await pass(at(tuesday9, 24))).size, 0, 'nor the next day');
  });

  it('tries again on the next pass when the Bot Connector fails, and stops trying someone who removed the app', async () => {
    const monday9 = at(MONDAY_9, 49 * 24); // Monday 18 January 2027
    await create(once(monday9));
    // The first send is refused for good (403: the person removed the app or blocked the bot).
    stack.sim.connector.failNext(1, 403);
    const first = await pass(monday9);
    assert.equal(first.size, members.length - 1);
    // Then the connector fails every try of one send (botbuilder retries 5xx itself): the pass stops and leaves the rest for later.
    const tuesday9 = at(monday9, 24);
    await create(once(tuesday9));
    stack.sim.connector.failNext(4, 503);
    const failing = await pass(tuesday9);
    assert.ok(failing.size < members.length, 'the pass stopped at the failing connector');
    const later = await pass(at(tuesday9, 1));
    assert.equal(failing.size + later.size, members.length, 'everyone got the second survey once, an hour later at worst');
    assert.ok([...later.keys()].every((id) => !failing.has(id)));
    assert.equal((await pass(at(tuesday9, 2))).size, 0);
    assert.equal((await pass(at(tuesday9, 24))).size, 0, 'Wednesday: the one who refused Monday\'s survey is not tried again');
  });

  it('stops a slow pass when it runs into quiet hours, and sends the rest the next morning', async () => {
    const tuesday = at(MONDAY_9, 57 * 24); // Tuesday 26 January 2027, 09:00
    const late = at(tuesday, 8 - 1.5 / 3600); // 16:59:58.5
    await create(once(late));
    const before = stack.sim.connector.activities.length;
    // Five a second: the first five at once, then one every 200 ms, until 17:00 ends the pass.
    await stack.app.surveys.runDue(late, { sendRate: 5 });
    const evening = recipientsSince(stack, before);
    assert.ok(evening.size >= 5 && evening.size < members.length, `${evening.size} of ${members.length} before 17:00`);
    const morning = await pass(at(tuesday, 23)); // Wednesday 08:00
    assert.equal(evening.size + morning.size, members.length);
    assert.ok([...morning.keys()].every((id) => !evening.has(id)));
  });
});
