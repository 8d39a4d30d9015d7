import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { adoptionJson } from '../../app/adoption-output.js';
import { ingestAdoptionFromGraph } from '../../app/adoption-ingest.js';
import { importReportFolder } from '../../app/report-import.js';
import { adoptionView } from '../../core/adoption-view.js';
import { simulatorEnv, startSimulator } from '../../sim/index.js';
import { expectedAdoption, figuresOf } from '../support/adoption-truth.js';
import { silentProgress, startTestStack, type TestStack } from '../support/stack.js';

const run = promisify(execFile);

describe('adoption per unit from the usage reports', function () {
  this.timeout(120_000);

  describe('digipuls ingest and digipuls adoption (the CLI, against the simulator)', () => {
    it('gives per-unit figures that equal those recomputed from the simulator\'s ground truth', async () => {
      const sim = await startSimulator({ staff: 600, seed: 'cli-truth' });
      const dataDir = await mkdtemp(path.join(tmpdir(), 'digipuls-ingest-'));
      const env = {
        ...process.env,
        DATABASE_URL: '',
        DIGIPULS_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...simulatorEnv(sim),
      };
      try {
        const ingest = await run(process.execPath, ['dist/app/cli.js', 'ingest'], { env });
        assert.match(ingest.stdout, /D30 snapshot of \d{4}-\d{2}-\d{2}: \d+ report rows read, \d+ staff; \d+ rows matched to a unit, \d+ unmatched/);
        const { stdout } = await run(process.execPath, ['dist/app/cli.js', 'adoption', '--period', 'D30', '--json'], { env });
        const entries = JSON.parse(stdout) as Array<{ unit: string | null; staff: number | null; active: Record<string, number | null>; devices: Record<string, number> | null; suppressed: boolean }>;
        const { byUnit, total } = expectedAdoption(sim, 'D30');
        assert.deepEqual(figuresOf(entries[0]!), total, 'the municipality');
        const shown = entries.slice(1).filter((e) => !e.suppressed);
        assert.ok(shown.length > 20, 'most units are shown');
        for (const entry of shown) assert.deepEqual(figuresOf(entry), byUnit.get(entry.unit!), entry.unit!);
        for (const entry of entries.slice(1).filter((e) => e.suppressed)) {
          assert.equal(entry.staff, null, `${entry.unit} carries no figures`);
          assert.ok(byUnit.has(entry.unit!), `${entry.unit} is a unit of the municipality`);
        }
        assert.deepEqual(new Set(entries.slice(1).map((e) => e.unit)), new Set(byUnit.keys()), 'every unit is listed');

        const tree = await run(process.execPath, ['dist/app/cli.js', 'adoption', '--unit', 'Helse og omsorg'], { env });
        assert.match(tree.stdout, /Adoption D30, report of/);
        assert.match(tree.stdout, /Helse og omsorg/);
        assert.doesNotMatch(tree.stdout, /Oppvekst/);
      } finally {
        await sim.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    });

    it('refuses a wrong option in one line', async () => {
      await assert.rejects(run(process.execPath, ['dist/app/cli.js', 'adoption', '--period', 'D31']), (error: { stderr: string }) => {
        assert.match(error.stderr, /--period.*must be one of D7, D30, D90, D180/);
        return true;
      });
      await assert.rejects(run(process.execPath, ['dist/app/cli.js', 'adoption', '--date', 'yesterday']), (error: { stderr: string }) => {
        assert.match(error.stderr, /--date.*must be a date, YYYY-MM-DD/);
        return true;
      });
    });
  });

  describe('in the server, on the engine under test', () => {
    let stack: TestStack;
    before(async () => {
      stack = await startTestStack({ staff: 400 });
    });
    after(() => stack?.close());

    it('a 429 storm from Graph during ingestion still completes, waiting as Retry-After says', async () => {
      stack.sim.faults.throttle({ target: 'reports', count: 4, retryAfter: '0.25' });
      stack.sim.faults.throttle({ target: 'users', count: 2, retryAfter: '0.1' });
      const started = Date.now();
      const result = await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress);
      assert.ok(Date.now() - started >= 250, 'it waited');
      assert.equal(result.snapshots.length, 1);
      const snapshot = await stack.app.adoption.getSnapshot(stack.sim.tenantId, 'D30');
      const { total } = expectedAdoption(stack.sim, 'D30');
      assert.equal(snapshot?.tenant?.staff, total.staff);
      assert.equal(snapshot?.tenant?.active.teams, total.teams);
    });

    it('import-reports on the admin center\'s files gives the same unit figures as Graph, with users as CSV or as Graph JSON', async () => {
      // Graph first, so this test stands alone.
      await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress);
      const graphView = adoptionJson(adoptionView((await stack.app.adoption.getSnapshot(stack.sim.tenantId, 'D30'))!, { all: true }));
      for (const users of ['csv', 'json'] as const) {
        const dir = await mkdtemp(path.join(tmpdir(), 'digipuls-import-'));
        try {
          await stack.sim.writeReportFiles(dir, { period: 'D30', users });
          await importReportFolder(stack.config, stack.sim.tenantId, stack.app.adoption, dir, silentProgress);
          const imported = adoptionJson(adoptionView((await stack.app.adoption.getSnapshot(stack.sim.tenantId, 'D30'))!, { all: true }));
          assert.deepEqual(imported, graphView, `users as ${users}`);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }
    });

    it('a file with a renamed required column is refused naming file, column and line, and nothing stored changes', async () => {
      await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress);
      const before = await stack.app.adoption.getSnapshot(stack.sim.tenantId, 'D30');
      const dir = await mkdtemp(path.join(tmpdir(), 'digipuls-import-'));
      try {
        await stack.sim.writeReportFiles(dir, { period: 'D30', users: 'csv' });
        stack.sim.setReportDate(addDays(before!.reportDate, 7));
        const later = await mkdtemp(path.join(tmpdir(), 'digipuls-import-'));
        await stack.sim.writeReportFiles(later, { period: 'D30', users: 'csv' });
        // A newer export whose Engage file was edited by hand: the whole import must fail.
        const engage = (await readdir(later)).find((f) => /yammer|engage/i.test(f) && !/group/i.test(f))!;
        const text = await readFile(path.join(later, engage), 'utf8');
        await writeFile(path.join(later, engage), text.replace('Last Activity Date', 'Last Seen'));
        await assert.rejects(importReportFolder(stack.config, stack.sim.tenantId, stack.app.adoption, later, silentProgress), (error: Error) => {
          assert.match(error.message, new RegExp(`${escape(engage)}, line 1, column 'Last Activity Date'`));
          return true;
        });
        assert.deepEqual((await stack.app.adoption.listSnapshots(stack.sim.tenantId)).map((s) => s.reportDate), [before!.reportDate], 'no half-written snapshot');
        assert.deepEqual(await stack.app.adoption.getSnapshot(stack.sim.tenantId, 'D30'), before, 'the stored snapshot is untouched');
        await rm(later, { recursive: true, force: true });
      } finally {
        stack.sim.setReportDate(before!.reportDate);
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('a tenant that conceals names in its reports', () => {
    let stack: TestStack;
    before(async () => {
      stack = await startTestStack({ staff: 300, simConcealed: true });
    });
    after(() => stack?.close());

    it('is detected: only municipality-wide figures are stored, and the CLI says which setting to change', async () => {
      const result = await ingestAdoptionFromGraph(stack.config, stack.app.adoption, silentProgress);
      assert.equal(result.concealedSetting, true);
      assert.equal(result.snapshots[0]!.concealed, true);
      const snapshot = (await stack.app.adoption.getSnapshot(stack.sim.tenantId, 'D30'))!;
      assert.equal(snapshot.units.length, 0, 'no per-unit figures');
      const { total } = expectedAdoption(stack.sim, 'D30');
      assert.equal(snapshot.tenant?.staff, total.staff);
      // Concealed rows cannot be told apart from disabled accounts: every row not deleted and active counts.
      const truth = stack.sim.reports.truth('D30');
      const active = truth.people.filter((p) => !p.isDeleted && p.teams.lastActivityDate !== null && p.teams.lastActivityDate >= truth.from && p.teams.lastActivityDate <= truth.to);
      assert.equal(snapshot.tenant?.active.teams, active.length, 'the municipality is still measured');
      const { ingestSummaryLines } = await import('../../app/adoption-output.js');
      assert.match(ingestSummaryLines(result).join('\n'), /displayConcealedNames/);
    });
  });
});

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
