import type { Logger } from 'pino';
import { createAdoptionRepository } from '../store/adoption-repository.js';
import { createDirectoryRepository } from '../store/directory-repository.js';
import { openDatabase, type Database } from '../store/database.js';
import type { AdoptionStore } from '../core/adoption-store.js';
import type { DirectoryRepository } from '../core/directory.js';
import type { Config } from './config.js';
import { registerJobs } from './jobs.js';
import { pgliteTemplateFile } from './package-root.js';
import { startServer, type RunningServer } from './server.js';

export interface Digipuls {
  config: Config;
  database: Database;
  directory: DirectoryRepository;
  adoption: AdoptionStore;
  server: RunningServer;
  close(): Promise<void>;
}

/** Opens the database (migrating it), starts the jobs and the HTTP server. */
export async function startDigipuls(config: Config, logger: Logger, options: { schema?: string } = {}): Promise<Digipuls> {
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
    schema: options.schema,
    pgliteTemplate: pgliteTemplateFile(),
  });
  try {
    const directory = createDirectoryRepository(database.db);
    const adoption = createAdoptionRepository(database.db);
    if (config.tenantId) await directory.ensureTenant(config.tenantId);
    await registerJobs(database, config, { directory, adoption }, logger);
    const server = await startServer({ config, database, directory, adoption, logger });
    return {
      config,
      database,
      directory,
      adoption,
      server,
      async close() {
        await server.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
