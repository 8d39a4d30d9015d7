import type { Logger } from 'pino';
import type { AdoptionStore } from '../core/adoption-store.js';
import type { DirectoryRepository } from '../core/directory.js';
import { createUnitResolver } from '../core/unit-mapping.js';
import { readDirectory } from '../graph/users.js';
import type { Config } from './config.js';
import { canCallGraph, connectGraph } from './graph-connection.js';

export const DIRECTORY_SYNC_QUEUE = 'directory-sync';

/** True when the settings needed to read the directory from Graph are there. */
export const canSyncDirectory = canCallGraph;

/** Reads every user from Graph /users and replaces the tenant's directory with them, placed by the unit mapping. */
export async function syncDirectoryFromGraph(
  config: Config,
  stores: { directory: DirectoryRepository; adoption: AdoptionStore },
  logger: Logger,
): Promise<{ people: number; units: number }> {
  const { graph, tenantId, close } = connectGraph(config);
  try {
    const started = Date.now();
    const entries = await readDirectory(graph, (count) => logger.debug({ count }, 'Read directory page'));
    await stores.directory.ensureTenant(tenantId);
    const resolve = createUnitResolver({ rules: await stores.adoption.listUnitMappings(tenantId), useOfficeLocation: config.adoption.useOfficeLocation });
    const result = await stores.directory.syncDirectory(tenantId, entries.map((e) => ({ ...e, unitPath: resolve(e) })));
    logger.info({ ...result, ms: Date.now() - started }, 'Directory synchronised from Microsoft Graph');
    return result;
  } finally {
    await close();
  }
}
