import { createHash } from 'node:crypto';
import type { Config } from '../app/config.js';
import { buildAppPackage } from './build-package.js';
import { PackageOptionsError } from './package-errors.js';

/** Options of `digipuls package`. */
export interface PackageCommandOptions {
  /** Where to write the zip; default `./dist/digipuls-teams-app.zip`. */
  out?: string;
  /** The Teams app id; default derived from the bot id (see deriveTeamsAppId). */
  teamsAppId?: string;
  /** The manifest version; default Digipuls' own. Teams needs a higher one for every update. */
  version?: string;
  /** The bot's Microsoft App ID when it is not configured (MicrosoftAppId). */
  botId?: string;
  /** The publisher Teams shows, e.g. "Fjordvik kommune"; default "Your municipality". */
  developerName?: string;
}

/** The namespace of Digipuls' name-based Teams app ids. Never change it: ids would change with it. */
export const TEAMS_APP_ID_NAMESPACE = '46d927b3-351e-4a78-a483-492bbde7e96e';

/**
 * The Teams app id for a bot: the RFC 4122 version-5 UUID of the bot id (lower case) in
 * TEAMS_APP_ID_NAMESPACE. The same bot always gets the same app id, so a package built again
 * updates the app in the org catalog instead of adding a second one. To compute it by hand:
 * `python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('46d927b3-351e-4a78-a483-492bbde7e96e'), '<bot id>'.lower()))"`.
 */
export function deriveTeamsAppId(botId: string): string {
  const namespace = Buffer.from(TEAMS_APP_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(botId.trim().toLowerCase(), 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The setting or flag a person typed for each builder option, so errors name what they can fix. */
const SETTING_NAMES: Record<string, string> = {
  botId: 'MicrosoftAppId',
  ssoClientId: 'AUTH_CLIENT_ID',
  publicUrl: 'PUBLIC_URL',
  teamsAppId: '--teams-app-id',
  version: '--app-version',
  outFile: '--out',
};

/**
 * `digipuls package`: builds and validates the Teams app package for this deployment (bot id from
 * MicrosoftAppId, SSO client id from AUTH_CLIENT_ID, host from PUBLIC_URL) and returns the path of
 * the zip. Prints nothing.
 *
 * @throws PackageOptionsError naming the setting to fix (e.g. MicrosoftAppId when it is not set).
 * @throws ManifestValidationError when the template itself is broken.
 */
export async function runPackageCommand(config: Config, options: PackageCommandOptions = {}): Promise<string> {
  const botId = options.botId ?? config.bot.appId;
  if (!botId) {
    throw new PackageOptionsError([{ option: 'MicrosoftAppId', message: "is not set: the package names the bot by its Microsoft App ID (the application id of Digipuls' Entra app registration)" }]);
  }
  try {
    const { outFile } = await buildAppPackage({
      teamsAppId: options.teamsAppId ?? deriveTeamsAppId(botId),
      botId,
      // Without AUTH_CLIENT_ID the config falls back to MicrosoftAppId; then one error is enough.
      ssoClientId: config.auth.clientId === botId ? undefined : config.auth.clientId,
      publicUrl: config.publicUrl,
      version: options.version,
      developerName: options.developerName,
      outFile: options.out ?? 'dist/digipuls-teams-app.zip',
    });
    return outFile;
  } catch (error) {
    if (!(error instanceof PackageOptionsError)) throw error;
    const names: Record<string, string> = { ...SETTING_NAMES, ...(options.botId ? { botId: 'botId' } : {}) };
    throw new PackageOptionsError(error.issues.map((issue) => ({ ...issue, option: names[issue.option] ?? issue.option })));
  }
}
