import assert from 'node:assert/strict';
import { ingestAdoptionFromGraph } from '../../app/adoption-ingest.js';
import { syncDirectoryFromGraph } from '../../app/directory-sync.js';
import { createLogger } from '../../app/logger.js';
import { isHeldOut } from '../../core/nudge-hold-out.js';
import { DEFAULT_NUDGE_RULES } from '../../core/nudge-rules.js';
import { NUDGE_MARKER_PREFIX, WELCOME_TIPS } from '../../core/nudge-tips.js';
import { openChats } from '../support/chats.js';
import { silentProgress, startTestStack, type TestStack } from '../support/stack.js';

/** Monday 4 January 2027 in Oslo. */
const MONDAY_INGEST = new Date('2027-01-04T04:45:00Z');
const mondayTen = (week: number) => new Date(Date.parse('2027-01-04T09:05:00Z') + week * 7 * 86_400_000);

describe('the welcome sequence for new hires', function () {
  this.timeout(60_000);
  let stack: TestStack;
  before(async () => {
    stack = await startTestStack({ staff: 300 });
  });
  after(() => stack?.close());

  it('gives someone new in the directory the welcome tips in order instead of the Teams tips, and nothing to the hold-out', async () => {
    const tenantId = stack.sim.tenantId;
    const db = stack.database.db;
    const pending = async () => (await db.selectFrom('people').select('aad_object_id').where('tenant_id', '=', tenantId).where('welcome_pending', '=', true).execute()).map((r) => r.aad_object_id);
    assert.deepEqual(await pending(), [], 'the first sync makes nobody new');

    const { holdOutSeed } = await stack.app.nudges.getRules(tenantId);
    await stack.app.nudges.saveRules(tenantId, { ...DEFAULT_NUDGE_RULES, enabled: true });
    const staff = stack.sim.municipality.people.filter((p) => p.accountEnabled);
    const newcomer = staff.find((p) => !isHeldOut(holdOutSeed, p.id, 10))!;
    const heldOut = staff.find((p) => isHeldOut(holdOutSeed, p.id, 10))!;
    // Both join: they were not in the directory at the last sync, and are at this one.
    await db.deleteFrom('people').where('tenant_id', '=', tenantId).where('aad_object_id', 'in', [newcomer.id, heldOut.id]).execute();
    await syncDirectoryFromGraph(stack.config, stack.app, createLogger(stack.config));
    assert.deepEqual((await pending()).sort(), [newcomer.id, heldOut.id].sort());
    await openChats(stack, [newcomer.id, heldOut.id]);

    await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress, { nudges: stack.app.nudges.forIngestion(() => MONDAY_INGEST) });
    assert.deepEqual(await pending(), [], 'the mark is gone once the ingestion has seen them');
    const planned = await db.selectFrom('nudges').select(['aad_object_id', 'series', 'tip', 'step']).where('tenant_id', '=', tenantId).where('aad_object_id', 'in', [newcomer.id, heldOut.id]).orderBy('step').execute();
    assert.deepEqual(planned.map((n) => [n.aad_object_id, n.series, n.tip]), WELCOME_TIPS.map((tip) => [newcomer.id, 'welcome', tip]));

    const cardsTo = (id: string) => stack.sim.connector.activities.filter((a) => a.conversationId === `a:chat-${id}` && JSON.stringify(a.activity).includes(NUDGE_MARKER_PREFIX));
    await stack.app.nudges.runDue(mondayTen(0));
    await stack.app.nudges.runDue(mondayTen(0));
    assert.equal(cardsTo(newcomer.id).length, 1, 'one tip the first week');
    assert.match(JSON.stringify(cardsTo(newcomer.id)[0]!.activity), /Velkommen/);
    // A week to the minute is not quite a week after the first went out (it took a moment to send).
    await stack.app.nudges.runDue(mondayTen(1));
    assert.equal(cardsTo(newcomer.id).length, 1, 'no second tip inside seven days');
    await stack.app.nudges.runDue(new Date(mondayTen(1).getTime() + 10 * 60_000));
    assert.equal(cardsTo(newcomer.id).length, 2, 'the next one a week later');
    assert.equal(cardsTo(heldOut.id).length, 0, 'the hold-out gets nothing, welcome included');
    const sent = await db.selectFrom('nudges').select('tip').where('tenant_id', '=', tenantId).where('aad_object_id', '=', newcomer.id).where('state', '=', 'sent').orderBy('sent_at').execute();
    assert.deepEqual(sent.map((n) => n.tip), WELCOME_TIPS.slice(0, 2));
  });
});
