import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createAnnouncementService } from '../../app/announcements/announcement-service.js';
import { loadConfig } from '../../app/config.js';
import { syncDirectoryFromGraph } from '../../app/directory-sync.js';
import { createLogger } from '../../app/logger.js';
import { generateMunicipality, simulatorEnv, startSimulator, type Simulator } from '../../sim/index.js';
import { createAdoptionRepository } from '../../store/adoption-repository.js';
import { createAnnouncementRepository } from '../../store/announcement-repository.js';
import { openDatabase, type Database } from '../../store/database.js';
import { createDirectoryRepository } from '../../store/directory-repository.js';
import { createSurveyRepository } from '../../store/survey-repository.js';
import { dropSchemas, TEST_DATABASE_URL, uniqueSchema } from '../support/database.js';
import { startSenderProcess, type SenderChild } from '../support/sender-process.js';

/**
 * The crash the fan-out is built for, with real processes: a sender is SIGKILLed half way through an
 * announcement and a second one, started afterwards on the same database, finishes it. Whatever the
 * killed one had on the wire or claimed is "in doubt"; the second must look in the chats before it
 * sends again. The simulator's record of accepted cards is the truth the store is checked against.
 */
describe('announcement fan-out across a SIGKILLed sending process', function () {
  // Two process start-ups, a directory sync and ~550 connector calls at 30 a second, on a shared machine.
  this.timeout(300_000);

  let sim: Simulator;
  let schema: string | undefined;
  let dataDir: string | undefined;
  const children = new Set<SenderChild>();

  before(async () => {
    const people = generateMunicipality({ staff: 300, seed: 'crash' }).people;
    // One in ten never had the app and the tenant does not let us install it: they cannot be reached.
    const installed = people.filter((_, i) => i % 10 !== 0).map((p) => p.id);
    sim = await startSimulator({ staff: 300, seed: 'crash', appInstalledFor: installed, appInstallAllowed: false });
    schema = TEST_DATABASE_URL ? uniqueSchema() : undefined;
    // PGlite: a data folder on disk that each process opens in turn (the one before is closed or dead).
    dataDir = TEST_DATABASE_URL ? undefined : await mkdtemp(path.join(os.tmpdir(), 'digipuls-crash-'));
  });
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await sim?.close();
    if (schema) await dropSchemas(schema);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const env = () => ({
    ...process.env,
    ...simulatorEnv(sim),
    DATABASE_URL: TEST_DATABASE_URL ?? '',
    DIGIPULS_DATA_DIR: dataDir ?? './.digipuls-unused',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ANNOUNCEMENT_DISPATCH_CRON: 'off',
    SURVEY_DISPATCH_CRON: 'off',
  });
  const open = (): Promise<Database> => openDatabase({ url: TEST_DATABASE_URL, dataDir, schema });
  /** Opens the database here only while no sender has it (PGlite allows one process at a time). */
  async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = await open();
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  it('delivers to every reachable person exactly once, within the limits, and the store agrees with the connector', async () => {
    const config = loadConfig({ ...env(), LOG_LEVEL: 'silent' });
    const logger = createLogger(config);
    const tenantId = sim.tenantId;

    const { id, audience } = await withDatabase(async (database) => {
      const directory = createDirectoryRepository(database.db);
      await syncDirectoryFromGraph(config, { directory, adoption: createAdoptionRepository(database.db) }, logger);
      const people = createSurveyRepository(database.db);
      const service = createAnnouncementService({ config, store: createAnnouncementRepository(database.db), directory, people, kick: async () => {}, logger });
      const created = await service.create(
        tenantId,
        {
          content: { versions: { nb: { title: 'Ny turnus', body: 'Fra 1. desember fører vi vaktene i **MinTurnus**.', links: [] } }, fallbackLocale: 'nb', image: null },
          audience: { kind: 'everyone' },
          // Ahead, so nothing here sends it: the sender processes run it as due.
          sendAt: new Date(Date.now() + 3600_000).toISOString(),
          requiresAcknowledgement: false,
        },
        { aadObjectId: sim.municipality.demoPersons.communicator.id, role: 'Communicator' },
      );
      return { id: created.id, audience: (await people.audiencePeople(tenantId, {})).map((p) => p.aadObjectId) };
    });
    const reachable = audience.filter((person) => sim.isAppInstalled(person));
    assert.ok(reachable.length > 200 && reachable.length < audience.length, `some reachable, some not: ${reachable.length} of ${audience.length}`);

    sim.connector.resetViolations();
    const first = startSenderProcess({ env: env(), schema, children });
    const half = Math.ceil(reachable.length / 2);
    const deliveredAtKill = await new Promise<number>((resolve, reject) => {
      const watch = setInterval(() => {
        const delivered = sim.connector.deliveries(id).size;
        if (delivered < half) return;
        clearInterval(watch);
        first.child.kill('SIGKILL');
        resolve(delivered);
      }, 5);
      void first.exited.then((code) => {
        clearInterval(watch);
        reject(new Error(`the first sender exited (${code}) before it was killed, at ${sim.connector.deliveries(id).size} deliveries:\n${first.stderr()}`));
      });
    });
    await first.exited;
    assert.ok(deliveredAtKill < reachable.length, `killed half way: ${deliveredAtKill} of ${reachable.length} delivered`);

    // What the dead sender left: claimed rows it had sent, or not yet, in doubt once its lease has run out (5 s).
    const afterKill = await withDatabase((database) => createAnnouncementRepository(database.db).counts(tenantId, id, new Date(Date.now() + 10_000)));
    assert.ok(afterKill.inDoubt > 0, `the kill left sends in doubt: ${JSON.stringify(afterKill)}`);

    const second = startSenderProcess({ env: env(), schema, children });
    const code = await second.exited;
    assert.ok(code === 0 && second.done(), `the second sender ran to the end (exit ${code}):\n${second.stderr()}`);

    // The connector's truth: each reachable person once, nobody else, no call over a limit.
    const deliveries = sim.connector.deliveries(id);
    const wrong = reachable.filter((person) => deliveries.get(person) !== 1).map((person) => `${person}: ${deliveries.get(person) ?? 0}`);
    assert.deepEqual(wrong, [], 'every reachable person got it exactly once (0 lost, 0 duplicates)');
    const reachableSet = new Set(reachable);
    assert.deepEqual([...deliveries.keys()].filter((person) => !reachableSet.has(person)), [], 'nobody else got it');
    assert.deepEqual(sim.connector.violations(), { tenant: 0, conversation: 0 });

    // The store's states match: sent to the reachable, unreachable (install blocked) for the rest, nothing left.
    await withDatabase(async (database) => {
      const store = createAnnouncementRepository(database.db);
      assert.equal((await store.get(tenantId, id))?.status, 'sent');
      const rows = await sql<{ aad_object_id: string; state: string; reason: string | null; activity_id: string | null }>`
        select aad_object_id, state, reason, activity_id from announcement_deliveries where tenant_id = ${tenantId} and announcement_id = ${id}`.execute(database.db);
      assert.equal(rows.rows.length, audience.length);
      const mismatched = rows.rows.filter((r) =>
        reachableSet.has(r.aad_object_id) ? r.state !== 'sent' || r.activity_id === null : r.state !== 'unreachable' || r.reason !== 'install_blocked',
      );
      assert.deepEqual(mismatched, [], 'stored states agree with the connector');
    });
  });
});
