import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { DirectoryEntry } from '../../core/directory.js';
import { DEFAULT_NUDGE_RULES, type NudgeRules } from '../../core/nudge-rules.js';
import { createDirectoryRepository } from '../../store/directory-repository.js';
import { createNudgeRulesRepository, readRules } from '../../store/nudge-rules-repository.js';
import { openTestDatabase } from '../support/database.js';

const TENANT = '00000000-0000-4000-8000-000000000071';
const OTHER_TENANT = '00000000-0000-4000-8000-000000000072';
const NORD = 'Helse og omsorg / Hjemmetjenesten Nord';
const SOR = 'Helse og omsorg / Hjemmetjenesten Sør';

const entry = (n: number, department: string | null): DirectoryEntry => ({
  aadObjectId: `oid-${n}`,
  upn: `person${n}@fjordvik.kommune.no`,
  displayName: `Person ${n}`,
  department,
  officeLocation: null,
  preferredLanguage: 'nb-NO',
  accountEnabled: true,
});

const edited: NudgeRules = {
  enabled: true,
  teamsTips: { enabled: true, inactiveDays: 45, tips: ['install-mobile-app', 'follow-unit-channel'] },
  engageInvitation: { enabled: false },
  announcementReminder: { enabled: true, afterDays: 5 },
  welcome: { enabled: true },
  pacing: { perWeek: 2, sendFrom: '09:30' },
  holdOutPercent: 20,
  measureAfterDays: 21,
};

describe(`nudge rules and tip feedback (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let repository: ReturnType<typeof createNudgeRulesRepository>;
  before(async () => {
    database = await openTestDatabase();
    repository = createNudgeRulesRepository(database.db);
    const directory = createDirectoryRepository(database.db);
    await directory.ensureTenant(TENANT, 'Fjordvik kommune');
    await directory.syncDirectory(TENANT, [entry(1, NORD), entry(2, NORD), entry(3, SOR)]);
    // Someone who wrote to the bot before any directory sync: in no unit.
    await directory.saveChatContact(TENANT, { aadObjectId: 'oid-chat-only', displayName: 'Ny Ansatt', conversationReference: { conversation: { id: 'a:1' } } });
  });
  after(() => database?.close());

  describe('rules', () => {
    it('gives a tenant the defaults (nudges off) and a hold-out seed made on the first read, the same on every read after', async () => {
      const tenantId = randomUUID();
      const first = await repository.getRules(tenantId);
      assert.deepEqual(first.rules, DEFAULT_NUDGE_RULES);
      assert.equal(first.rules.enabled, false);
      assert.ok(first.holdOutSeed.length >= 16, first.holdOutSeed);
      const again = await createNudgeRulesRepository(database.db).getRules(tenantId);
      assert.equal(again.holdOutSeed, first.holdOutSeed, 'another instance reads the same seed');
      assert.notEqual((await repository.getRules(randomUUID())).holdOutSeed, first.holdOutSeed, 'each tenant has its own');
    });

    it('agrees on one seed when two instances read a new tenant at the same time', async () => {
      const tenantId = randomUUID();
      const reads = await Promise.all([createNudgeRulesRepository(database.db), createNudgeRulesRepository(database.db), repository].map((r) => r.getRules(tenantId)));
      assert.equal(new Set(reads.map((r) => r.holdOutSeed)).size, 1);
      const rows = await database.db.selectFrom('nudge_rules').select('tenant_id').where('tenant_id', '=', tenantId).execute();
      assert.equal(rows.length, 1);
    });

    it('saves the admin’s rules and reads them back whole, keeping the seed so nobody changes arm', async () => {
      const tenantId = randomUUID();
      const { holdOutSeed } = await repository.getRules(tenantId);
      const savedAt = new Date('2025-03-14T09:15:00Z');
      const saved = await repository.saveRules(tenantId, edited, savedAt);
      assert.deepEqual(saved, { rules: edited, holdOutSeed, updatedAt: savedAt });
      assert.deepEqual(await repository.getRules(tenantId), saved);
      const later = new Date('2025-03-15T10:00:00Z');
      assert.deepEqual(await repository.saveRules(tenantId, DEFAULT_NUDGE_RULES, later), { rules: DEFAULT_NUDGE_RULES, holdOutSeed, updatedAt: later });
    });

    it('saves rules for a tenant that never read them, with a seed of its own that later reads keep', async () => {
      const tenantId = randomUUID();
      const saved = await repository.saveRules(tenantId, edited, new Date('2025-03-14T09:15:00Z'));
      assert.ok(saved.holdOutSeed.length >= 16);
      assert.equal((await repository.getRules(tenantId)).holdOutSeed, saved.holdOutSeed);
    });

    it('reads rules stored in an older shape: what still fits is kept, the rest is today’s default', async () => {
      const tenantId = randomUUID();
      const { holdOutSeed } = await repository.getRules(tenantId);
      const older = {
        enabled: true,
        // A field that no longer exists, and one out of today's range.
        teamsTips: { enabled: true, inactiveDays: 365, tips: ['install-mobile-app'], channelFirst: true },
        engageInvitation: { enabled: false },
        announcementReminder: { enabled: false, afterDays: 4 },
        // welcome and measureAfterDays did not exist yet.
        pacing: { perWeek: 2 },
        holdOutPercent: 15,
        digest: { day: 'monday' },
      };
      await database.db.updateTable('nudge_rules').set({ rules: JSON.stringify(older) }).where('tenant_id', '=', tenantId).execute();
      const read = await repository.getRules(tenantId);
      assert.deepEqual(read.rules, {
        enabled: true,
        teamsTips: { enabled: true, inactiveDays: DEFAULT_NUDGE_RULES.teamsTips.inactiveDays, tips: ['install-mobile-app'] },
        engageInvitation: { enabled: false },
        announcementReminder: { enabled: false, afterDays: 4 },
        welcome: DEFAULT_NUDGE_RULES.welcome,
        pacing: { perWeek: 2, sendFrom: DEFAULT_NUDGE_RULES.pacing.sendFrom },
        holdOutPercent: 15,
        measureAfterDays: DEFAULT_NUDGE_RULES.measureAfterDays,
      });
      assert.equal(read.holdOutSeed, holdOutSeed);
    });

    it('reads anything that is not rules at all as the defaults', () => {
      for (const stored of [null, 'on', 42, [], { enabled: 'yes', pacing: 'weekly', teamsTips: { tips: [] } }]) {
        assert.deepEqual(readRules(stored), DEFAULT_NUDGE_RULES, JSON.stringify(stored));
      }
    });

    it('hands out copies: changing what was read changes neither the defaults nor the next read', async () => {
      const tenantId = randomUUID();
      const read = await repository.getRules(tenantId);
      read.rules.teamsTips.tips.pop();
      read.rules.pacing.perWeek = 3;
      assert.deepEqual((await repository.getRules(tenantId)).rules, DEFAULT_NUDGE_RULES);
      assert.equal(DEFAULT_NUDGE_RULES.teamsTips.tips.length, 5);
    });
  });

  describe('feedback on tips', () => {
    /** A nudge row as the sender leaves it. */
    async function nudge(aadObjectId: string, tip: string, state: 'pending' | 'sending' | 'sent' | 'cancelled' | 'unreachable' = 'sent', tenantId = TENANT) {
      const row = await database.db
        .insertInto('nudges')
        .values({ tenant_id: tenantId, aad_object_id: aadObjectId, series: 'teams-tips', tip, step: 0, due_day: '2025-03-10', state, sent_at: state === 'sent' ? new Date() : null })
        .returning('nudge_id')
        .executeTakeFirstOrThrow();
      return row.nudge_id;
    }
    const counts = async (tenantId = TENANT) =>
      (await database.db.selectFrom('nudge_tip_feedback').select(['tip', 'unit_key', 'helped', 'not_for_me']).where('tenant_id', '=', tenantId).orderBy('tip').orderBy('unit_key').execute());
    const given = async (nudgeId: string) =>
      (await database.db.selectFrom('nudges').select('feedback_given').where('nudge_id', '=', nudgeId).executeTakeFirstOrThrow()).feedback_given;

    beforeEach(async () => {
      await database.db.deleteFrom('nudge_tip_feedback').execute();
    });

    it('counts each answer once per nudge, per tip and the person’s unit, never by person', async () => {
      const a = await nudge('oid-1', 'install-mobile-app');
      const b = await nudge('oid-2', 'install-mobile-app');
      const c = await nudge('oid-3', 'install-mobile-app');
      const d = await nudge('oid-1', 'follow-unit-channel');
      assert.equal(await repository.recordFeedback(TENANT, a, 'oid-1', 'helped'), 'recorded');
      assert.equal(await repository.recordFeedback(TENANT, b, 'oid-2', 'not-for-me'), 'recorded');
      assert.equal(await repository.recordFeedback(TENANT, c, 'oid-3', 'helped'), 'recorded');
      assert.equal(await repository.recordFeedback(TENANT, d, 'oid-1', 'helped'), 'recorded');
      // Pressed again, even with the other answer: nothing changes.
      assert.equal(await repository.recordFeedback(TENANT, a, 'oid-1', 'helped'), 'already-given');
      assert.equal(await repository.recordFeedback(TENANT, a, 'oid-1', 'not-for-me'), 'already-given');
      assert.deepEqual(await counts(), [
        { tip: 'follow-unit-channel', unit_key: NORD, helped: 1, not_for_me: 0 },
        { tip: 'install-mobile-app', unit_key: NORD, helped: 1, not_for_me: 1 },
        { tip: 'install-mobile-app', unit_key: SOR, helped: 1, not_for_me: 0 },
      ]);
      assert.equal(await given(a), true);
      const columns = Object.keys((await database.db.selectFrom('nudge_tip_feedback').selectAll().executeTakeFirstOrThrow()));
      assert.deepEqual(columns.sort(), ['helped', 'not_for_me', 'tenant_id', 'tip', 'unit_key']);
    });

    it('counts two presses at the same moment once', async () => {
      const id = await nudge('oid-2', 'turn-on-notifications');
      const results = await Promise.all([
        repository.recordFeedback(TENANT, id, 'oid-2', 'helped'),
        createNudgeRulesRepository(database.db).recordFeedback(TENANT, id, 'oid-2', 'helped'),
      ]);
      assert.deepEqual(results.sort(), ['already-given', 'recorded']);
      assert.deepEqual(await counts(), [{ tip: 'turn-on-notifications', unit_key: NORD, helped: 1, not_for_me: 0 }]);
    });

    it('counts someone in no unit under the empty key', async () => {
      const id = await nudge('oid-chat-only', 'welcome-to-teams');
      assert.equal(await repository.recordFeedback(TENANT, id, 'oid-chat-only', 'not-for-me'), 'recorded');
      assert.deepEqual(await counts(), [{ tip: 'welcome-to-teams', unit_key: '', helped: 0, not_for_me: 1 }]);
    });

    it('takes a press that comes before the sender has written down that the card arrived', async () => {
      const id = await nudge('oid-3', 'ask-in-channel', 'sending');
      assert.equal(await repository.recordFeedback(TENANT, id, 'oid-3', 'helped'), 'recorded');
    });

    it('refuses, counting nothing, a nudge that is not this person’s, not sent, in another tenant, or no nudge at all', async () => {
      const mine = await nudge('oid-1', 'find-management-news');
      const unsent = await nudge('oid-1', 'ask-in-channel', 'pending');
      const cancelled = await nudge('oid-1', 'ask-in-channel', 'cancelled');
      const unreachable = await nudge('oid-1', 'ask-in-channel', 'unreachable');
      const cases: Array<[string, string, string]> = [
        [TENANT, mine, 'oid-2'],
        [OTHER_TENANT, mine, 'oid-1'],
        [TENANT, unsent, 'oid-1'],
        [TENANT, cancelled, 'oid-1'],
        [TENANT, unreachable, 'oid-1'],
        [TENANT, randomUUID(), 'oid-1'],
        [TENANT, 'not-a-uuid', 'oid-1'],
        [TENANT, `${mine}' or '1'='1`, 'oid-1'],
      ];
      for (const [tenantId, nudgeId, aadObjectId] of cases) {
        assert.equal(await repository.recordFeedback(tenantId, nudgeId, aadObjectId, 'helped'), 'unknown-nudge', `${tenantId} ${nudgeId} ${aadObjectId}`);
      }
      assert.deepEqual(await counts(), []);
      assert.equal(await given(mine), false, 'the owner can still answer');
      assert.equal(await repository.recordFeedback(TENANT, mine, 'oid-1', 'helped'), 'recorded');
    });

    it('tells the bot what a sent tip showed, for its owner only, with the reminded announcement’s title in their language', async () => {
      const tip = await nudge('oid-1', 'install-mobile-app');
      assert.deepEqual(await repository.sentTip({ tenantId: TENANT, nudgeId: tip, aadObjectId: 'oid-1', locale: 'nb' }), { tip: 'install-mobile-app' });
      assert.equal(await repository.sentTip({ tenantId: TENANT, nudgeId: tip, aadObjectId: 'oid-2', locale: 'nb' }), undefined);
      assert.equal(await repository.sentTip({ tenantId: TENANT, nudgeId: await nudge('oid-1', 'ask-in-channel', 'pending'), aadObjectId: 'oid-1', locale: 'nb' }), undefined);
      assert.equal(await repository.sentTip({ tenantId: TENANT, nudgeId: 'x', aadObjectId: 'oid-1', locale: 'nb' }), undefined);

      const announcement = await database.db
        .insertInto('announcements')
        .values({
          tenant_id: TENANT,
          content: JSON.stringify({
            versions: { nb: { title: 'Ny turnus fra 1. mars', body: 'Les den.', links: [] }, sv: { title: 'Nytt schema från 1 mars', body: 'Läs det.', links: [] } },
            fallbackLocale: 'nb',
            image: null,
          }),
          audience: JSON.stringify({ kind: 'all' }),
          send_at: new Date(),
          requires_ack: false,
          status: 'sent',
          created_by: 'oid-1',
          created_by_role: 'Communicator',
        })
        .returning('announcement_id')
        .executeTakeFirstOrThrow();
      const reminder = await database.db
        .insertInto('nudges')
        .values({ tenant_id: TENANT, aad_object_id: 'oid-2', series: 'announcement-reminder', tip: 'announcement-reminder', step: 0, due_day: '2025-03-10', announcement_id: announcement.announcement_id, state: 'sent' })
        .returning('nudge_id')
        .executeTakeFirstOrThrow();
      const shown = (locale: 'nb' | 'sv' | 'en') => repository.sentTip({ tenantId: TENANT, nudgeId: reminder.nudge_id, aadObjectId: 'oid-2', locale });
      assert.deepEqual(await shown('sv'), { tip: 'announcement-reminder', announcementTitle: 'Nytt schema från 1 mars' });
      assert.deepEqual(await shown('en'), { tip: 'announcement-reminder', announcementTitle: 'Ny turnus fra 1. mars' }, 'no English version: the fallback');
    });
  });
});
