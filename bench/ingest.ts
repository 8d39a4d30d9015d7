/**
 * Ingest a 50,000-staff simulated tenant (Graph /users and all five D30 usage reports) on PGlite.
 * Targets (adoption issue): ≤ 5 s wall time, ≤ 400 MB peak RSS, and ≤ 3× the time of parsing the
 * same CSV files alone, measured in the same run so the machine's speed cancels out.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { simulatorEnv, startSimulator } from '../sim/index.js';

const STAFF = 50_000;
const TARGET = { seconds: 5, peakRssMb: 400, ratioToParse: 3 };

export async function run(args: string[]): Promise<{ ok: boolean; [key: string]: unknown }> {
  const staff = Number(args[0] ?? STAFF);
  const sim = await startSimulator({ staff, seed: 'bench' });
  const dir = await mkdtemp(path.join(tmpdir(), 'digipuls-bench-ingest-'));
  try {
    // The same files the ingestion downloads, written once; this also makes the simulator build and cache its reports.
    await sim.writeReportFiles(dir, { period: 'D30', users: 'json' });
    const env = {
      ...process.env,
      ...simulatorEnv(sim),
    };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ingest-worker.ts'), dir], { env, maxBuffer: 1 << 20 });
    process.stderr.write(stderr);
    const measured = JSON.parse(stdout.trim().split('\n').pop()!) as { seconds: number; parseSeconds: number; parsedRows: number; peakRssMb: number; databaseRssMb: number; summary: unknown };
    const ratioToParse = measured.seconds / measured.parseSeconds;
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      staff,
      seconds: round(measured.seconds),
      peakRssMb: measured.peakRssMb,
      databaseRssMb: measured.databaseRssMb,
      rssAboveDatabaseMb: measured.peakRssMb - measured.databaseRssMb,
      ratioToParse: round(ratioToParse),
      parseSeconds: round(measured.parseSeconds),
      parsedRows: measured.parsedRows,
      target: TARGET,
      ok: measured.seconds <= TARGET.seconds && measured.peakRssMb <= TARGET.peakRssMb && ratioToParse <= TARGET.ratioToParse,
    };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}
