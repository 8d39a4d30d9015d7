import assert from 'node:assert/strict';
import pino from 'pino';
import { digestCard } from '../../bot/cards/digest-card.js';
import type { DigestFigures } from '../../core/digest-figures.js';
import { DEFAULT_MESSAGING_SETTINGS } from '../../core/messaging-settings.js';
import { dispatchDigests } from '../../app/digests/digest-dispatch.js';
import { openChats } from '../support/chats.js';
import { addDays, digestsByPerson, mondayAhead, osloAt } from '../support/digests.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The digest sender on a clock of the test's own: a pass every quarter of an hour (as DIGEST_DISPATCH_CRON
 * runs it) through a working week, over the real HTTP API (leads set their day as the tab does) and the
 * simulator's Bot Connector.
 */
describe('the unit-lead digest: once a week, on the lead’s day and time', function () {
  this.timeout(120_000);
  let stack: TestStack;
  let tenantId: string;
  /** Three people in the directory with the UnitLead role in their token: Lars (the demo lead) and two more. */
  let lars: string;
  let wednesdayLead: string;
  let offLead: string;
  const monday = mondayAhead();

  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const token = await stack.sim.issueUserToken(who, { roles: ['UnitLead'] });
    const response = await fetch(`${stack.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    assert.equal(response.status, 200, `${method} ${path}: ${await response.clone().text()}`);
    return response.json();
  };
  /** Passes every 15 minutes from `from` to `to` (local HH:MM) on a day; returns when each lead’s first new digest came. */
  const passes = async (day: string, from: string, to: string) => {
    const firstAt = new Map<string, string>();
    for (let at = osloAt(day, from); at <= osloAt(day, to); at = new Date(at.getTime() + 15 * 60_000)) {
      const before = digestsByPerson(stack);
      await stack.app.digests.runDue(at);
      for (const [id, list] of digestsByPerson(stack)) {
        if (list.length > (before.get(id)?.length ?? 0) && !firstAt.has(id)) firstAt.set(id, new Intl.DateTimeFormat('nb', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(at));
      }
    }
    return firstAt;
  };
  const count = (id: string) => digestsByPerson(stack).get(id)?.length ?? 0;

  before(async () => {
    stack = await startTestStack({ staff: 120, ingestAdoption: true, persistent: true });
    tenantId = stack.sim.tenantId;
    lars = stack.sim.municipality.demoPersons.unitLead.id;
    const others = (await stack.app.surveys.store.audiencePeople(tenantId, {})).map((p) => p.aadObjectId).filter((id) => id !== lars);
    wednesdayLead = others[0]!;
    offLead = others[1]!;
    // Signing in to the tab with the role is how Digipuls learns who leads: Monday 08:00 and on, until changed.
    assert.deepEqual(await call(lars, 'GET', '/me/digest'), { weekday: 1, time: '08:00', enabled: true });
    await call(lars, 'GET', '/me');
    await call(wednesdayLead!, 'PUT', '/me/digest', { weekday: 3, time: '14:30', enabled: true });
    await call(offLead!, 'PUT', '/me/digest', { weekday: 1, time: '08:00', enabled: false });
    await openChats(stack, [lars, wednesdayLead!, offLead!]);
  });
  after(() => stack?.close());

  it('sends each lead one digest on their weekday at the first pass from their time, none when off, none on other days', async () => {
    const mondayFirst = await passes(monday, '06:00', '18:00');
    assert.equal(mondayFirst.get(lars), '08:00');
    assert.equal(count(lars), 1, 'one on Monday, whatever the passes after 08:00');
    assert.equal(count(wednesdayLead!), 0);
    await passes(addDays(monday, 1), '06:00', '18:00');
    const wednesdayFirst = await passes(addDays(monday, 2), '06:00', '18:00');
    assert.equal(wednesdayFirst.get(wednesdayLead!), '14:30');
    await passes(addDays(monday, 3), '06:00', '18:00');
    await passes(addDays(monday, 4), '06:00', '18:00');
    // The weekend: nobody picked it, and nothing goes.
    await passes(addDays(monday, 5), '08:00', '09:00');
    assert.deepEqual([count(lars), count(wednesdayLead!), count(offLead!)], [1, 1, 0]);
  });

  it('never sends one twice: not on two passes at the same instant, not after a restart, not from a claim a dead pass left behind', async () => {
    const next = addDays(monday, 7);
    // Two instances' passes at once (the job queue runs one, but a manual run may coincide).
    await Promise.all([stack.app.digests.runDue(osloAt(next, '08:00')), stack.app.digests.runDue(osloAt(next, '08:00'))]);
    assert.equal(count(lars), 2, 'the new week’s one');
    await stack.restart();
    await passes(next, '08:15', '12:00');
    assert.equal(count(lars), 2, 'none twice after a restart');

    // A pass that claimed and died before it sent: the claim is the week's row, so the lead is not written to twice.
    const third = addDays(monday, 14);
    const { week } = (await import('../../core/digest-due.js')).digestClock(osloAt(third, '08:00'), 'Europe/Oslo');
    await stack.database.db.insertInto('digests_sent').values({ tenant_id: tenantId, aad_object_id: lars, iso_week: week, state: 'sending', claimed_at: osloAt(third, '08:00') }).execute();
    await passes(third, '08:00', '10:00');
    assert.equal(count(lars), 2);
    const row = await stack.database.db.selectFrom('digests_sent').select('state').where('aad_object_id', '=', lars).where('iso_week', '=', week).executeTakeFirstOrThrow();
    assert.equal(row.state, 'sent', 'taken as sent once its lease ran out');
  });

  it('follows a change of day and turning off and on, and skips (and records) a lead without a chat', async () => {
    const fourth = addDays(monday, 21);
    await call(lars, 'PUT', '/me/digest', { weekday: 2, time: '07:00', enabled: false });
    await passes(addDays(fourth, 1), '06:45', '09:00');
    assert.equal(count(lars), 2, 'off');
    await call(lars, 'PUT', '/me/digest', { weekday: 2, time: '07:00', enabled: true });
    const tuesday = await passes(addDays(fourth, 1), '06:45', '09:00');
    assert.equal(tuesday.get(lars), '07:00');
    assert.equal(count(lars), 3);

    const noChat = (await stack.app.surveys.store.audiencePeople(tenantId, {})).map((p) => p.aadObjectId).find((id) => id !== lars && id !== wednesdayLead && id !== offLead)!;
    await call(noChat, 'GET', '/me');
    const result = await stack.app.digests.runDue(osloAt(addDays(fourth, 7), '09:00'));
    assert.equal(result.unreachable, 1);
    const rows = await stack.database.db.selectFrom('digests_sent').select('state').where('aad_object_id', '=', noChat).execute();
    assert.deepEqual(rows, [{ state: 'unreachable' }], 'recorded for the week, so it is said once, not every pass');
    assert.equal((await stack.app.digests.runDue(osloAt(addDays(fourth, 7), '09:15'))).unreachable, 0);
  });

  it('still sends the other leads theirs when one lead’s digest cannot be made, and sends that one at a later pass', async () => {
    const fifth = addDays(monday, 35);
    await call(wednesdayLead!, 'PUT', '/me/digest', { weekday: 2, time: '07:00', enabled: true });
    const figures: DigestFigures = { minGroupSize: 5, unitName: 'Hjemmetjenesten Nord', adoption: null, announcements: [], surveys: [] };
    const sentTo: string[] = [];
    // The lead claimed first (claims go in id order) is the broken one, so the other comes after the failure.
    const [brokenLead, otherLead] = [lars, wednesdayLead!].sort();
    let broken = true;
    const pass = (at: Date) =>
      dispatchDigests(
        {
          store: stack.app.digests.store,
          settings: async () => DEFAULT_MESSAGING_SETTINGS,
          figures: async () => async (lead) => {
            if (lead === brokenLead && broken) throw new Error('figures unreadable for this lead');
            return figures;
          },
          card: (model, locale) => digestCard(model, locale, { tabUrl: `${stack.url}/tab/` }),
          send: async (reference) => {
            sentTo.push(String((reference.user as { aadObjectId: string }).aadObjectId));
          },
          defaultLocale: 'nb',
          logger: pino({ level: 'silent' }),
        },
        at,
      );
    const first = await pass(osloAt(addDays(fifth, 1), '07:00'));
    assert.deepEqual(sentTo, [otherLead], 'the other lead is not held up by the broken digest');
    assert.deepEqual([first.sent, first.retry], [1, 1]);
    broken = false;
    await pass(osloAt(addDays(fifth, 1), '07:15'));
    assert.deepEqual(sentTo, [otherLead, brokenLead], 'the broken one comes at the next pass, once');
    await pass(osloAt(addDays(fifth, 1), '07:30'));
    assert.equal(sentTo.length, 2);
  });
});
