import type { Logger } from 'pino';
import type { DirectoryRepository } from '../core/directory.js';
import { createAppTokenProvider } from '../graph/app-token.js';
import { createGraphClient } from '../graph/graph-client.js';
import { readDirectory } from '../graph/users.js';
import type { Config } from './config.js';

export const DIRECTORY_SYNC_QUEUE = 'directory-sync';

/** True when the settings needed to read the directory from Graph are there. */
export function canSyncDirectory(config: Config): boolean {
  return Boolean(config.tenantId && config.auth.clientId && config.auth.clientSecret);
}

/** Reads every user from Graph /users and replaces the tenant's directory with them. */
export async function syncDirectoryFromGraph(
  config: Config,
  directory: DirectoryRepository,
  logger: Logger,
): Promise<{ people: number; units: number }> {
  const { tenantId } = config;
  const { clientId, clientSecret } = config.auth;
  if (!tenantId || !clientId || !clientSecret) {
    throw new Error('Directory sync needs MicrosoftAppTenantId, and AUTH_CLIENT_ID with AUTH_CLIENT_SECRET (or MicrosoftAppId with MicrosoftAppPassword)');
  }
  const graph = createGraphClient({
    baseUrl: config.graph.baseUrl,
    token: createAppTokenProvider({ loginBaseUrl: config.auth.loginBaseUrl, tenantId, clientId, clientSecret }),
  });
  const started = Date.now();
  const entries = await readDirectory(graph, (count) => logger.debug({ count }, 'Read directory page'));
  await directory.ensureTenant(tenantId);
  const result = await directory.syncDirectory(tenantId, entries);
  logger.info({ ...result, ms: Date.now() - started }, 'Directory synchronised from Microsoft Graph');
  return result;
}
