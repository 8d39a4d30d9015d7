import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildAppPackage } from '../manifest/build-package.js';
import { ConfigError, type Config } from './config.js';

/**
 * `digipuls package`: the Teams app package for this deployment. The Teams app id stays the same
 * for the same bot (derived from it) unless given, so re-uploads update the app instead of adding one.
 */
export async function runPackageCommand(config: Config, options: { out?: string; teamsAppId?: string; version?: string }): Promise<string> {
  const botId = config.bot.appId;
  if (!botId) throw new ConfigError('digipuls package needs MicrosoftAppId (the bot\'s Entra app id)');
  const { outFile } = await buildAppPackage({
    teamsAppId: options.teamsAppId ?? derivedAppId(botId),
    botId,
    ssoClientId: config.auth.clientId ?? botId,
    publicUrl: config.publicUrl,
    version: options.version,
    outFile: options.out ?? path.join('dist', 'digipuls-teams-app.zip'),
  });
  return outFile;
}

/** A stable GUID from the bot id (name-based, like a v5 UUID). */
export function derivedAppId(botId: string): string {
  const hex = createHash('sha1').update(`digipuls-teams-app:${botId.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
