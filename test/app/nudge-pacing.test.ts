import assert from 'node:assert/strict';
import { ingestAdoptionFromGraph } from '../../app/adoption-ingest.js';
import { localClock, localDay } from '../../core/messaging-settings.js';
import { DEFAULT_NUDGE_RULES } from '../../core/nudge-rules.js';
import { NUDGE_MARKER_PREFIX } from '../../core/nudge-tips.js';
import { say } from '../bot/chat-helpers.js';
import { openChats } from '../support/chats.js';
import { silentProgress, startTestStack, type TestStack } from '../support/stack.js';

const DAY_MS = 86_400_000;
/** Monday 4 January 2027, 00:00 in Oslo (UTC+1). */
const MONDAY = Date.parse('2027-01-03T23:00:00Z');
const at = (day: number, hhmm: string) => new Date(MONDAY + day * DAY_MS + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000);
/** Times the sender runs each day, weekends too: before, at and after the send time and quiet hours. */
const PASSES = ['07:30', '09:59', '10:05', '13:00', '16:55', '17:05', '23:00'];
const WEEKS = 8;
const TZ = 'Europe/Oslo';

describe('nudge pacing for 1,000 staff over eight weeks (controlled clock)', function () {
  this.timeout(600_000);
  let stack: TestStack;
  let tenantId: string;

  before(async () => {
    stack = await startTestStack({ staff: 1000, persistent: true, env: { ANNOUNCEMENT_SEND_CEILING: '1000', SURVEY_SEND_RATE: '50', NUDGE_DISPATCH_CRON: 'off' } });
    tenantId = stack.sim.tenantId;
    stack.sim.connector.configure({ tenantPerSecond: Number.POSITIVE_INFINITY });
    const people = await stack.app.surveys.store.audiencePeople(tenantId, {});
    await openChats(stack, people.map((p) => p.aadObjectId));
    await stack.app.nudges.saveRules(tenantId, { ...DEFAULT_NUDGE_RULES, enabled: true });
  });
  after(() => stack?.close());

  it('never breaks the weekly cap, quiet hours, weekends, the send time, a survey’s day or «stopp», and «stopp» holds after a restart', async () => {
    const paused = new Map<string, Date>();
    const people = stack.sim.municipality.people.filter((p) => p.accountEnabled);
    let surveyRoundDay: string | null = null;
    for (let week = 0; week < WEEKS; week++) {
      // Monday morning: the reports of two days before, read while nobody is at work.
      stack.sim.setReportDate(localDay(at(7 * week - 2, '12:00'), TZ));
      const ingestAt = at(7 * week, '05:45');
      const ingested = await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress, { nudges: stack.app.nudges.forIngestion(() => ingestAt) });
      if (week === 0) assert.ok((ingested.nudges?.planned ?? 0) > 100, `planned ${ingested.nudges?.planned}`);
      for (let day = 7 * week; day < 7 * week + 7; day++) {
        if (week === 1 && day === 8) {
          // Tuesday of week 2: thirty people write «stopp» (one of them in the chat's own words: "Stop").
          for (const person of people.slice(0, 30)) {
            await say(stack, person, person === people[0] ? 'Stop' : 'stopp');
            paused.set(person.id, at(day, '12:00'));
          }
        }
        if (week === 3 && day === 23) {
          // Wednesday of week 4, 09:00: a pulse survey to everyone opens and prompts at once.
          surveyRoundDay = localDay(at(day, '09:00'), TZ);
          await stack.app.surveys.create(
            tenantId,
            { templateId: 'weekly-pulse', audience: { kind: 'everyone' }, schedule: { startsAt: at(day, '09:00').toISOString(), openDays: 5, recurrence: { every: 'once' }, remindAfterDays: 2 } },
            { aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' },
          );
        }
        if (week === 4 && day === 28) await stack.restart();
        for (const time of PASSES) {
          if (surveyRoundDay !== null) await stack.app.surveys.runDue(at(day, time));
          await stack.app.nudges.runDue(at(day, time));
        }
      }
    }

    const sent = await stack.database.db
      .selectFrom('nudges')
      .select(['aad_object_id', 'sent_at', 'tip'])
      .where('tenant_id', '=', tenantId)
      .where('state', '=', 'sent')
      .orderBy('aad_object_id')
      .orderBy('sent_at')
      .execute();
    const prompted = await stack.database.db
      .selectFrom('survey_invitations')
      .select(['aad_object_id', 'prompted_on'])
      .where('tenant_id', '=', tenantId)
      .where('prompted_on', 'is not', null)
      .execute();
    const promptDays = new Set(prompted.map((p) => `${p.aad_object_id}|${p.prompted_on}`));

    const violations: string[] = [];
    let previous: { id: string; at: Date } | undefined;
    for (const row of sent) {
      const sentAt = row.sent_at!;
      const { minutes, weekday, day } = localClock(sentAt, TZ);
      if (weekday === 0 || weekday === 6) violations.push(`${row.aad_object_id} on a weekend ${sentAt.toISOString()}`);
      if (minutes < 10 * 60 || minutes >= 17 * 60) violations.push(`${row.aad_object_id} at ${sentAt.toISOString()}, outside 10:00–17:00`);
      if (previous?.id === row.aad_object_id && sentAt.getTime() - previous.at.getTime() < 7 * DAY_MS) violations.push(`${row.aad_object_id} twice within a week`);
      if (promptDays.has(`${row.aad_object_id}|${day}`)) violations.push(`${row.aad_object_id} nudged on their survey day ${day}`);
      const stopped = paused.get(row.aad_object_id);
      if (stopped && sentAt > stopped) violations.push(`${row.aad_object_id} nudged after «stopp»`);
      previous = { id: row.aad_object_id, at: sentAt };
    }
    assert.deepEqual(violations.slice(0, 10), [], `${violations.length} violations`);

    // It did its work: hundreds of people got tips, most of them a new one each week.
    const perPerson = new Map<string, number>();
    for (const row of sent) perPerson.set(row.aad_object_id, (perPerson.get(row.aad_object_id) ?? 0) + 1);
    assert.ok(perPerson.size > 150, `${perPerson.size} people got tips`);
    assert.ok([...perPerson.values()].some((n) => n >= 4), 'someone inactive all along got four tips or more');
    assert.ok(promptDays.size > 500, `${promptDays.size} survey prompts`);
    // Everyone who stopped had got a tip before, so «stopp» cut a series short.
    assert.ok([...paused.keys()].some((id) => (perPerson.get(id) ?? 0) > 0));
    // What Teams got is what the store says was sent: no tip twice, none lost.
    const cards = stack.sim.connector.activities.filter((a) => JSON.stringify(a.activity).includes(NUDGE_MARKER_PREFIX));
    assert.equal(cards.length, sent.length);
    // The restart kept «stopp»: those people are still paused in the directory.
    for (const id of paused.keys()) assert.equal((await stack.directory.findPerson(tenantId, id))?.nudgesPaused, true);
  });
});
