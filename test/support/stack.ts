import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { loadConfig, type Config } from '../../app/config.js';
import { syncDirectoryFromGraph } from '../../app/directory-sync.js';
import { createLogger } from '../../app/logger.js';
import { startDigipuls, type Digipuls } from '../../app/start.js';
import type { DirectoryRepository } from '../../core/directory.js';
import type { Database } from '../../store/database.js';
import { ingestAdoptionFromGraph } from '../../app/adoption-ingest.js';
import type { Progress } from '../../app/progress.js';
import { simulatorEnv, startSimulator, type Simulator } from '../../sim/index.js';
import { dropSchemas, TEST_DATABASE_URL, uniqueSchema } from './database.js';


export interface TestStack {
  /** The Digipuls server, e.g. http://127.0.0.1:PORT */
  url: string;
  config: Config;
  sim: Simulator;
  app: Digipuls;
  database: Database;
  directory: DirectoryRepository;
  /** The database schema on TEST_DATABASE_URL (undefined on PGlite), for a second process to open. */
  schema?: string;
  /** Stops Digipuls and starts it again on the same database (PGlite needs `persistent`); the fields above follow. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  /** Staff in the synthetic municipality (default 200). */
  staff?: number;
  /** Configure an app id, so the bot validates Bot Framework tokens (issued by the simulator). */
  botAuth?: boolean;
  /** Load the directory from the simulator's Graph (default true). */
  syncDirectory?: boolean;
  env?: Record<string, string | undefined>;
  /** Ingest the simulator's usage reports (ADOPTION_PERIODS, default D30) after start. */
  ingestAdoption?: boolean;
  /** The simulated tenant conceals user names in its usage reports. */
  simConcealed?: boolean;
  /** PGlite in a folder on disk rather than in memory, so `restart` finds the data again. */
  persistent?: boolean;
}

/**
 * The whole product as a user meets it: the tenant simulator, a fresh database (PGlite in memory,
 * or a fresh schema on TEST_DATABASE_URL), the real HTTP server with the bot, API and tab.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const sim = await startSimulator({ port: 0, staff: options.staff ?? 200, seed: 'test', concealed: options.simConcealed });
  const schema = TEST_DATABASE_URL ? uniqueSchema() : undefined;
  const dataDir = options.persistent && !TEST_DATABASE_URL ? mkdtempSync(path.join(os.tmpdir(), 'digipuls-stack-')) : undefined;
  try {
    if (options.botAuth) trustSimulatorCertificate();
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      DATABASE_URL: TEST_DATABASE_URL,
      DIGIPULS_DATA_DIR: dataDir ?? 'memory://',
      // Tests move survey time themselves (runDue(now)); a pass on the real clock in between would muddle them.
      SURVEY_DISPATCH_CRON: 'off',
      // Announcements are sent when created (the job is asked for at once); the minute's pass is not needed.
      ANNOUNCEMENT_DISPATCH_CRON: 'off',
      // Tests refresh posts elsewhere themselves (refreshAll), against figures they set in the simulator.
      POSTS_ELSEWHERE_REFRESH_CRON: 'off',
      // Tests send nudges themselves (runDue(now)), on a clock of their own.
      NUDGE_DISPATCH_CRON: 'off',
      // Tests send digests themselves (runDue(now)); a pass on the real clock on a Monday morning would add one.
      DIGEST_DISPATCH_CRON: 'off',
      ...simulatorEnv(sim),
      ...(options.botAuth
        ? {
            HOST: '127.0.0.1',
            MicrosoftAppId: sim.app.clientId,
            MicrosoftAppPassword: sim.app.clientSecret,
            BOT_OPENID_METADATA_URL: `${sim.url}/botframework/v1/.well-known/openidconfiguration`,
            BOT_TOKEN_ISSUER: 'https://api.botframework.com',
            BOT_LOGIN_URL: `${sim.httpsUrl}/${sim.tenantId}`,
          }
        : {}),
      ...options.env,
    });
    const logger = createLogger(config);
    let app = await startDigipuls(config, logger, { schema });
    if (options.syncDirectory !== false) await syncDirectoryFromGraph(config, app, logger);
    if (options.ingestAdoption) await ingestAdoptionFromGraph(config, app.adoption, silentProgress);
    const stack: TestStack = {
      url: app.server.url,
      config,
      sim,
      app,
      database: app.database,
      directory: app.directory,
      schema,
      async restart() {
        await app.close();
        app = await startDigipuls(config, logger, { schema });
        Object.assign(stack, { url: app.server.url, app, database: app.database, directory: app.directory });
      },
      async close() {
        await app.close();
        await sim.close();
        if (schema) await dropSchemas(schema);
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
    return stack;
  } catch (error) {
    await sim.close();
    if (schema) await dropSchemas(schema);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Progress nobody watches (tests). */
export const silentProgress: Progress = { step: () => ({ advance() {}, done() {} }), stop() {} };

let trusted = false;
/**
 * msal-node (used by botbuilder for bot→channel tokens) refuses http authorities, so the simulator
 * also speaks HTTPS with its own CA; this process trusts that CA alongside the public roots.
 */
export function trustSimulatorCertificate(): void {
  if (trusted) return;
  const ca = readFileSync(path.join(import.meta.dirname, '..', '..', 'sim', 'tls', 'ca.pem'), 'utf8');
  https.globalAgent.options.ca = [...tls.rootCertificates, ca];
  trusted = true;
}
