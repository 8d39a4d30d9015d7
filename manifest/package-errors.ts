/**
 * A manifest, translation or icon that Teams would refuse. `problems` holds one `path: reason` per
 * violation, the path naming the file and the JSON pointer inside it, e.g.
 * `manifest.json/bots/0/botId: must match pattern "…"`.
 */
export class ManifestValidationError extends Error {
  override name = 'ManifestValidationError';
  constructor(readonly problems: string[]) {
    super(`The Teams app manifest is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** One wrong input to the package builder: which option, and what is wrong with it. */
export interface OptionIssue {
  option: string;
  message: string;
}

/**
 * Settings the package cannot be built from (a bot id that is not a GUID, a public URL on plain
 * http, …). The message names each option; `issues` lets a caller rename options to the setting
 * the person actually typed (`digipuls package` says MicrosoftAppId rather than botId).
 */
export class PackageOptionsError extends Error {
  override name = 'PackageOptionsError';
  constructor(readonly issues: OptionIssue[]) {
    super(`Cannot build the Teams app package: ${issues.map((i) => `${i.option} ${i.message}`).join('; ')}`);
  }
}
