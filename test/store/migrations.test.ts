import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { migrateToLatest } from '../../store/migrate.js';
import { migrations } from '../../store/migrations/index.js';
import pg from 'pg';
import { openTestDatabase, TEST_DATABASE_URL, uniqueSchema } from '../support/database.js';

describe(`migrations (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('create every table with tenant_id on each, and running them again changes nothing', async () => {
    const database = await openTestDatabase({ fromScratch: true });
    try {
      const columns = await sql<{ table_name: string; column_name: string }>`
        select table_name, column_name from information_schema.columns
        where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(database.db);
      const tables = new Set(columns.rows.map((c) => c.table_name));
      assert.deepEqual([...tables].sort(), [
        'adoption_communities',
        'adoption_snapshots',
        'adoption_unit_figures',
        'announcement_deliveries',
        'announcements',
        'digest_preferences',
        'digests_sent',
        'nudge_cohorts',
        'nudge_rules',
        'nudge_tip_feedback',
        'nudges',
        'people',
        'post_unit_figures',
        'posts_elsewhere',
        'prompt_days',
        'reach_events',
        'read_marks',
        'survey_answer_inbox',
        'survey_answers',
        'survey_follow_up_deliveries',
        'survey_follow_ups',
        'survey_invitations',
        'survey_rounds',
        'surveys',
        'tenants',
        'unit_mappings',
        'units',
      ]);
      for (const table of tables) {
        assert.ok(columns.rows.some((c) => c.table_name === table && c.column_name === 'tenant_id'), `${table} has tenant_id`);
      }
      assert.deepEqual(await migrateToLatest(database.db, database.schema), [], 'a second run applies nothing');
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
      assert.deepEqual(applied.rows.map((r) => r.name), Object.keys(migrations));
      assert.equal(await database.ping(), true, 'the job queue is installed on the same database');
    } finally {
      await database.close();
    }
  });

  it('refuse a database written by a newer release (forward-only)', async () => {
    const database = await openTestDatabase();
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', now()::text)`.execute(database.db);
      await assert.rejects(migrateToLatest(database.db), /Database migration failed/);
    } finally {
      await database.close();
    }
  });
});

describe('migrations beside other schemas (PostgreSQL)', () => {
  // Test runs (and later, instances) share one server: another one dropping its schema must not fail our start.
  it('migrate while other processes create and drop schemas of their own', async function () {
    if (!TEST_DATABASE_URL) this.skip();
    const database = await openTestDatabase();
    const churn = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await churn.connect();
    let stop = false;
    let dropped = 0;
    const churning = (async () => {
      while (!stop) {
        const other = uniqueSchema();
        await churn.query(`create schema ${other}; create table ${other}.things (id serial primary key, name text)`);
        await churn.query(`drop schema ${other} cascade`);
        dropped++;
      }
    })();
    try {
      // Kysely's own catalog read failed about one time in thirty here, so a hundred runs meet the race
      // many times over however fast the machine is.
      for (let run = 1; run <= 100; run++) {
        assert.deepEqual(await migrateToLatest(database.db, database.schema), [], `run ${run} applies nothing and fails nothing`);
      }
      assert.ok(dropped > 0, 'the other process dropped schemas meanwhile');
    } finally {
      stop = true;
      await churning.catch(() => undefined);
      await churn.end();
      await database.close();
    }
  });
});

describe('PGlite data folder template', () => {
  it('starts a fresh data folder from the template built at install, migrated and with the job queue', async function () {
    if (process.env.TEST_DATABASE_URL) this.skip();
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { buildPgliteTemplate } = await import('../../store/pglite-template.js');
    const { openDatabase } = await import('../../store/database.js');
    const dir = await mkdtemp(path.join(tmpdir(), 'digipuls-template-'));
    try {
      const template = path.join(dir, 'template.tgz');
      await buildPgliteTemplate(template);
      const database = await openDatabase({ dataDir: path.join(dir, 'data'), pgliteTemplate: template });
      try {
        const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
        assert.deepEqual(applied.rows.map((r) => r.name), Object.keys(migrations));
        await database.db.insertInto('tenants').values({ tenant_id: 't', name: 'T' }).execute();
        assert.equal(await database.ping(), true);
      } finally {
        await database.close();
      }
      // Reopening keeps the data: the template is only for a folder that was never initialised.
      const again = await openDatabase({ dataDir: path.join(dir, 'data'), pgliteTemplate: template });
      try {
        assert.equal((await again.db.selectFrom('tenants').selectAll().execute()).length, 1);
      } finally {
        await again.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
