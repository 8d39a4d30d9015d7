import assert from 'node:assert/strict';
import { localClock, localDay, zonedTime } from '../../core/messaging-settings.js';
import { DEFAULT_NUDGE_RULES } from '../../core/nudge-rules.js';
import { isHeldOut } from '../../core/nudge-hold-out.js';
import { NUDGE_MARKER_PREFIX } from '../../core/nudge-tips.js';
import { openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { waitFor } from '../support/wait.js';

/** 10:05 in Oslo on the first workday at least `days` from now. */
function workdayMorning(days: number): Date {
  let at = new Date(Date.now() + days * 86_400_000);
  for (;;) {
    const morning = zonedTime(localDay(at, 'Europe/Oslo'), 10 * 60 + 5, 'Europe/Oslo');
    const { weekday } = localClock(morning, 'Europe/Oslo');
    if (weekday !== 0 && weekday !== 6 && morning.getTime() >= Date.now() + days * 86_400_000 - 86_400_000) return morning;
    at = new Date(at.getTime() + 86_400_000);
  }
}

describe('one reminder of an unread announcement, as a nudge', function () {
  this.timeout(120_000);
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ staff: 80 });
  });
  after(() => stack?.close());

  it('reminds, after the rule’s days, only those who gave no sign of reading and are not held out, once, naming the announcement', async () => {
    const tenantId = stack.sim.tenantId;
    const audience = (await stack.app.surveys.store.audiencePeople(tenantId, {})).map((p) => p.aadObjectId);
    await openChats(stack, audience);
    await stack.app.nudges.saveRules(tenantId, { ...DEFAULT_NUDGE_RULES, enabled: true, announcementReminder: { enabled: true, afterDays: 3 } });
    const { holdOutSeed } = await stack.app.nudges.getRules(tenantId);
    const created = await stack.app.announcements.create(
      tenantId,
      { content: { versions: { nb: { title: 'Ny vaktplan', body: 'Tekst', links: [] } }, fallbackLocale: 'nb', image: null }, audience: { kind: 'everyone' }, sendAt: null, requiresAcknowledgement: false },
      { aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' },
    );
    await waitFor(async () => (await stack.app.announcements.store.get(tenantId, created.id))?.status === 'sent', 60_000);
    // Ten people opened its link: a sign of reading.
    const readers = audience.slice(0, 10);
    for (const id of readers) await stack.app.announcements.store.recordClick({ tenantId, announcementId: created.id, aadObjectId: id, at: new Date() });

    const remindersTo = () => {
      const to = new Map<string, string>();
      for (const a of stack.sim.connector.activities) {
        const text = JSON.stringify(a.activity);
        if (text.includes(NUDGE_MARKER_PREFIX)) to.set(a.conversationId.replace(/^a:chat-/, ''), text);
      }
      return to;
    };
    // Two days on: too early.
    await stack.app.nudges.runDue(workdayMorning(2));
    assert.equal(remindersTo().size, 0);

    await stack.app.nudges.runDue(workdayMorning(4));
    const reminded = remindersTo();
    const expected = audience.filter((id) => !readers.includes(id) && !isHeldOut(holdOutSeed, id, 10));
    assert.deepEqual([...reminded.keys()].sort(), expected.sort());
    assert.ok(expected.length < audience.length - readers.length, 'someone is held out');
    for (const text of reminded.values()) assert.match(text, /Ny vaktplan/);

    // A week later: still unread, but the one reminder was had.
    await stack.app.nudges.runDue(workdayMorning(12));
    const cards = stack.sim.connector.activities.filter((a) => JSON.stringify(a.activity).includes(NUDGE_MARKER_PREFIX));
    assert.equal(cards.length, expected.length, 'nobody got it twice');
    const rows = await stack.database.db.selectFrom('nudges').select('aad_object_id').where('tenant_id', '=', tenantId).where('series', '=', 'announcement-reminder').execute();
    assert.equal(rows.length, expected.length, 'one reminder each');
  });
});
