import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openChats } from '../support/chats.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Someone with the whole database — a DBA, a backup, a data-protection request gone wrong — must not be
 * able to say what a person answered: no column, id, time or order ties an answer to an invitation.
 */
describe('survey answers cannot be linked to a person from the database', function () {
  this.timeout(60_000);
  let stack: TestStack;
  let roundId: string;
  let invitees: string[];
  const start = new Date('2026-11-30T08:00:00Z'); // a Monday, 09:00 in Oslo

  before(async () => {
    stack = await startTestStack({ env: { SURVEY_SEND_RATE: '50' } });
    const tenantId = stack.sim.tenantId;
    const everyone = await stack.app.surveys.store.audiencePeople(tenantId, {});
    await openChats(stack, everyone.map((p) => p.aadObjectId));
    const survey = await stack.app.surveys.create(
      tenantId,
      { templateId: 'digital-work-environment', audience: { kind: 'everyone' }, schedule: { startsAt: start.toISOString(), openDays: 3, recurrence: { every: 'once' }, remindAfterDays: null } },
      { aadObjectId: stack.sim.municipality.demoPersons.communicator.id, role: 'Communicator' },
    );
    await stack.app.surveys.runDue(start);
    roundId = (await stack.app.surveys.store.listRounds(tenantId, survey.id))[0]!.id;
    invitees = everyone.map((p) => p.aadObjectId).slice(0, 40);
    // Forty people answer one after another through the day, each with a text that marks their place in line.
    for (const [i, id] of invitees.entries()) {
      const outcome = await stack.app.surveys.store.recordAnswers({
        tenantId,
        roundId,
        aadObjectId: id,
        answers: { 'one-thing': `answer number ${String(i).padStart(2, '0')}` },
        now: new Date(start.getTime() + i * 7 * 60_000),
      });
      assert.equal(outcome.status, 'recorded');
    }
    await stack.app.surveys.store.sealAnswers();
  });
  after(() => stack?.close());

  const rows = async <T,>(query: ReturnType<typeof sql<T>>) => (await query.execute(stack.database.db)).rows;

  it('keeps answers in tables with no person and no time of day', async () => {
    const columns = await rows<{ table_name: string; column_name: string; data_type: string }>(sql`
      select table_name, column_name, data_type from information_schema.columns
      where table_name in ('survey_answers', 'survey_answer_inbox') and table_schema = current_schema() order by table_name, ordinal_position`);
    const names = [...new Set(columns.map((c) => c.column_name))].sort();
    assert.deepEqual(names, ['answer_id', 'answered_on', 'answers', 'round_id', 'tenant_id', 'unit_id']);
    assert.ok(columns.every((c) => !c.data_type.startsWith('timestamp') && !c.data_type.startsWith('time')), 'no timestamp or time column');
    assert.equal(columns.find((c) => c.column_name === 'answered_on')!.data_type, 'date');

    const answers = await rows<{ answer_id: string; answers: unknown; unit_id: string | null }>(sql`select answer_id, answers, unit_id from survey_answers`);
    assert.equal(answers.length, invitees.length);
    const dump = JSON.stringify(answers);
    for (const id of invitees) assert.ok(!dump.includes(id), 'no person id anywhere in the answers');
    const inviteDump = JSON.stringify(await rows(sql`select * from survey_invitations`));
    for (const a of answers) assert.ok(!inviteDump.includes(a.answer_id), 'no answer id anywhere in participation');
  });

  it('stamps every answer with the day only, the same for everyone who answered that day', async () => {
    const days = await rows<{ day: string; n: string }>(sql`select to_char(answered_on, 'YYYY-MM-DD') as day, count(*) as n from survey_answers group by 1`);
    assert.deepEqual(days.map((d) => [d.day, Number(d.n)]), [['2026-11-30', invitees.length]]);
  });

  it('shares no transaction id (xmin) between an answer and an invitation', async () => {
    const answerXmins = await rows<{ x: string }>(sql`select distinct xmin::text as x from survey_answers`);
    assert.equal(answerXmins.length, 1, 'all sealed answers carry the one sealing transaction');
    const inviteXmins = await rows<{ x: string }>(sql`select distinct xmin::text as x from survey_invitations where round_id = ${roundId}::uuid and answered`);
    assert.ok(!inviteXmins.some((i) => i.x === answerXmins[0]!.x));
  });

  it('stores answers in an order that is not the order people answered in', async () => {
    const stored = await rows<{ text: string }>(sql`select answers->>'one-thing' as text from survey_answers order by ctid`);
    const inOrder = stored.map((r) => r.text);
    const answeredOrder = [...inOrder].sort();
    assert.notDeepEqual(inOrder, answeredOrder, 'the physical order is shuffled');
    const participation = await rows<{ aad_object_id: string }>(sql`select aad_object_id from survey_invitations where round_id = ${roundId}::uuid and answered order by ctid`);
    assert.equal(participation.length, invitees.length);
    // Rank correlation between physical positions is what would link them; shuffled, it is near zero.
    const position = new Map(inOrder.map((t, i) => [t, i] as const));
    const ranks = answeredOrder.map((t) => position.get(t)!);
    assert.ok(Math.abs(spearman(ranks)) < 0.6, `order correlation ${spearman(ranks).toFixed(2)} is too high`);
  });
});

/** Spearman's rank correlation of a permutation of 0..n-1 against the identity. */
function spearman(ranks: readonly number[]): number {
  const n = ranks.length;
  const d2 = ranks.reduce((sum, r, i) => sum + (r - i) ** 2, 0);
  return 1 - (6 * d2) / (n * (n * n - 1));
}
