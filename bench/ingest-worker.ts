/**
 * The measured side of `npm run bench -- ingest`, in its own process so its peak RSS is Digipuls'
 * alone (the simulator runs in the parent). Opens PGlite, then times in one run: (1) parsing the
 * exported CSV files and users JSON alone, (2) the whole ingestion from the simulator's Graph.
 */
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ingestAdoptionFromGraph } from '../app/adoption-ingest.js';
import { loadConfig } from '../app/config.js';
import { openUsageReport } from '../graph/usage-reports/read-report.js';
import { usersFromGraphJson } from '../graph/usage-reports/users-file.js';
import { createAdoptionRepository } from '../store/adoption-repository.js';
import { openDatabase } from '../store/database.js';

const [filesDir] = process.argv.slice(2);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase({ dataDir: 'memory://' });
// PGlite's WebAssembly runtime alone holds most of the process's memory; reported apart from ingestion's own.
const databaseRssMb = Math.round(process.memoryUsage().rss / 1048576);
const store = createAdoptionRepository(database.db);
const quiet = { step: () => ({ advance() {}, done() {} }), stop() {} };

async function parseAlone(): Promise<{ seconds: number; rows: number }> {
  const started = performance.now();
  let rows = 0;
  for (const name of await readdir(filesDir!)) {
    const file = path.join(filesDir!, name);
    if (name.endsWith('.json')) rows += usersFromGraphJson(await readFile(file, 'utf8'), name).length;
    else for await (const _ of (await openUsageReport(createReadStream(file), name)).rows) rows++;
  }
  return { seconds: (performance.now() - started) / 1000, rows };
}

// Parse once to warm the JIT the same way the ingestion will find it, then measure both.
await parseAlone();
const parse = await parseAlone();
const started = performance.now();
const result = await ingestAdoptionFromGraph(config, store, quiet, { periods: ['D30'] });
const seconds = (performance.now() - started) / 1000;
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
await database.close();
process.stdout.write(`${JSON.stringify({ seconds, parseSeconds: parse.seconds, parsedRows: parse.rows, peakRssMb, databaseRssMb, summary: result.snapshots[0]?.summary })}\n`);
