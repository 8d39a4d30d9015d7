import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { PgBoss, fromPglite } from 'pg-boss';
import { CurrentSchemaPostgresDialect } from './current-schema-introspector.js';
import { migrateToLatest } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';
import { isFreshDataDir, readPgliteTemplate } from './pglite-template.js';
import type { Schema } from './schema.js';

type PgBossInstance = PgBoss;

export interface DatabaseOptions {
  /** A postgres:// URL: use that server. Absent: embedded PGlite. */
  url?: string;
  /** PGlite's data folder; `memory://` keeps it in memory (tests). */
  dataDir?: string;
  /**
   * A PostgreSQL schema to hold Digipuls' tables and the job queue (created if missing). Tests use a
   * fresh one each so runs never see each other's rows; production leaves the default.
   */
  schema?: string;
  /** A PGlite data folder template to start a fresh folder from (see pglite-template.ts). */
  pgliteTemplate?: string;
}

/** An open database: Kysely for our tables, pg-boss for jobs, both on the same database. */
export interface Database {
  db: Kysely<Schema>;
  engine: 'postgres' | 'pglite';
  /** The schema holding our tables, when not the default. */
  schema?: string;
  /** The job queue. Started by openDatabase; workers are registered by app/. */
  jobs: PgBossInstance;
  /** Answers true when a trivial query and the job queue both respond. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens the configured database, runs migrations and starts the job queue. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) {
    throw new Error(`Invalid schema name ${JSON.stringify(schema)}`);
  }
  const jobSchema = schema ? `${schema}_jobs` : 'pgboss';
  if (options.url) {
    return openPostgres(options.url, schema, jobSchema);
  }
  return openPglite(options.dataDir ?? './.digipuls', schema, jobSchema, options.pgliteTemplate);
}

async function openPostgres(url: string, schema: string | undefined, jobSchema: string): Promise<Database> {
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  const db = new Kysely<Schema>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, schema);
    const jobs = new PgBoss({ connectionString: url, schema: jobSchema, max: 4 });
    return await started(db, 'postgres', schema, jobs, async () => {
      await db.destroy();
    });
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

async function openPglite(dataDir: string, schema: string | undefined, jobSchema: string, templateFile?: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(path.resolve(dataDir), { recursive: true });
  const pgdata = path.resolve(dataDir, 'pgdata');
  const template = !schema && templateFile && (inMemory || isFreshDataDir(pgdata)) ? await readPgliteTemplate(templateFile) : undefined;
  const pglite = await PGlite.create(inMemory ? dataDir : pgdata, template ? { loadDataDir: template } : {});
  if (schema) {
    await pglite.exec(`create schema if not exists ${schema}; set search_path to ${schema}, public;`);
  }
  const db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite) });
  try {
    await migrateToLatest(db, schema);
    const jobs = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', schema: jobSchema });
    return await started(db, 'pglite', schema, jobs, async () => {
      await db.destroy();
      await pglite.close();
    });
  } catch (error) {
    await pglite.close();
    throw error;
  }
}

async function started(
  db: Kysely<Schema>,
  engine: Database['engine'],
  schema: string | undefined,
  jobs: PgBossInstance,
  closeDb: () => Promise<void>,
): Promise<Database> {
  // pg-boss reports background failures as events; without a listener Node would crash on them.
  jobs.on('error', (error) => {
    process.emitWarning(`Job queue error: ${error instanceof Error ? error.message : String(error)}`);
  });
  await jobs.start();
  let closed = false;
  return {
    db,
    engine,
    schema,
    jobs,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return await jobs.isInstalled();
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await jobs.stop({ graceful: true, close: true, timeout: 5000 });
      await closeDb();
    },
  };
}
