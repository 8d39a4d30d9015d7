import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { fromPglite, PgBoss } from 'pg-boss';
import { migrateToLatest } from './migrate.js';
import { PGliteDialect } from './pglite-dialect.js';

/**
 * PGlite's initdb takes several seconds; restoring a data folder that was initialised (and migrated,
 * with the job queue installed) at build time takes about one. `npm install` builds the template so
 * the first `npm start` is ready fast; migrations still run afterwards, so an older template is safe.
 */
export async function buildPgliteTemplate(file: string): Promise<void> {
  const pglite = await PGlite.create('memory://');
  try {
    const db = new Kysely<unknown>({ dialect: new PGliteDialect(pglite) });
    await migrateToLatest(db);
    const jobs = new PgBoss({ db: fromPglite(pglite), backend: 'pglite', schema: 'pgboss' });
    await jobs.start();
    await jobs.stop({ graceful: false, close: false });
    const dump = await pglite.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pglite.close();
  }
}

/** The template to start a fresh PGlite data folder from, if the build made one. */
export async function readPgliteTemplate(file: string): Promise<Blob | undefined> {
  if (!existsSync(file)) return undefined;
  return new Blob([await readFile(file)]);
}

/** True when a PGlite data folder has never been initialised. */
export function isFreshDataDir(dir: string): boolean {
  return !existsSync(path.join(dir, 'PG_VERSION'));
}
