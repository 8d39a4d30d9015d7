import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import yazl from 'yazl';
import { z } from 'zod';
import { fillTemplate, unfilledPlaceholders } from './fill-template.js';
import { iconProblems } from './icon-checks.js';
import { ManifestValidationError } from './package-errors.js';
import { digipulsVersion, parsePackageOptions, type PackageOptions } from './package-options.js';
import { LOCALIZATION_SCHEMA_URL, MANIFEST_SCHEMA_URL, schemaProblems } from './schema-validation.js';
import { translationProblems } from './translation-checks.js';

export { ManifestValidationError, PackageOptionsError } from './package-errors.js';
export type { PackageOptions } from './package-options.js';

/** The files the manifest refers to; the schema has checked their shape when this parse is used. */
const referencesSchema = z.object({
  icons: z.object({ color: z.string(), outline: z.string() }),
  localizationInfo: z.object({ additionalLanguages: z.array(z.object({ file: z.string() })).default([]) }).optional(),
});

/** Zip entries get this date, so the same inputs always give the same bytes. */
const FIXED_MTIME = new Date('2024-01-01T00:00:00Z');

/**
 * Builds the Teams app package for one deployment: fills the placeholders of
 * `manifest.template.json` (ids, host, version), validates the manifest and its nb/nn/sv
 * translations offline against schema v1.30, checks what the schema cannot (icon sizes and
 * transparency, stale or missing translations), and writes the zip with manifest.json, the icons and
 * the translations at its root.
 *
 * `ssoClientId` defaults to `botId` (one app registration for both); `version` to Digipuls' own;
 * `publicUrl` must be https except on a loopback host.
 *
 * @throws PackageOptionsError naming each wrong option.
 * @throws ManifestValidationError listing each violation as `file/json-pointer: reason`; nothing is written then.
 */
export async function buildAppPackage(input: PackageOptions): Promise<{ outFile: string; manifest: Record<string, unknown> }> {
  const options = parsePackageOptions(input);
  const dir = options.templateDir;
  const values = {
    teamsAppId: options.teamsAppId,
    botId: options.botId,
    ssoClientId: options.ssoClientId ?? options.botId,
    baseUrl: options.publicUrl,
    host: new URL(options.publicUrl).host,
    version: options.version ?? digipulsVersion(),
    developerName: options.developerName,
  };

  const problems: string[] = [];
  const template = await readJson(path.join(dir, 'manifest.template.json'), 'manifest.template.json', problems);
  if (!template) throw new ManifestValidationError(problems);
  const manifest = fillTemplate(template, values) as Record<string, unknown>;
  problems.push(...unfilledPlaceholders(manifest, 'manifest.json'));
  problems.push(...(await schemaProblems(manifest, 'manifest.json', MANIFEST_SCHEMA_URL)));

  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]]);
  const references = referencesSchema.safeParse(manifest);
  if (references.success) {
    for (const { file } of references.data.localizationInfo?.additionalLanguages ?? []) {
      const translation = await readJson(path.join(dir, 'locales', path.basename(file)), file, problems);
      if (!translation) continue;
      problems.push(...(await schemaProblems(translation, file, LOCALIZATION_SCHEMA_URL)), ...translationProblems(manifest, translation, file));
      files.set(file, Buffer.from(`${JSON.stringify(translation, null, 2)}\n`));
    }
    for (const kind of ['color', 'outline'] as const) {
      const name = references.data.icons[kind];
      const icon = await readOrReport(path.join(dir, 'icons', path.basename(name)), name, problems);
      if (!icon) continue;
      problems.push(...iconProblems(icon, name, kind));
      files.set(name, icon);
    }
  }
  if (problems.length > 0) throw new ManifestValidationError(problems);

  const outFile = path.resolve(options.outFile);
  await mkdir(path.dirname(outFile), { recursive: true });
  await writeFile(outFile, await zip(files));
  return { outFile, manifest };
}

async function zip(files: Map<string, Buffer>): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const [name, content] of files) archive.addBuffer(content, name, { mtime: FIXED_MTIME });
  archive.end();
  const chunks: Buffer[] = [];
  for await (const chunk of archive.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readOrReport(file: string, label: string, problems: string[]): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    problems.push(`${label}: cannot be read from ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return undefined;
  }
}

async function readJson(file: string, label: string, problems: string[]): Promise<Record<string, unknown> | undefined> {
  const content = await readOrReport(file, label, problems);
  if (!content) return undefined;
  try {
    const value: unknown = JSON.parse(content.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.push(`${label}: must be a JSON object`);
  } catch (error) {
    problems.push(`${label}: is not valid JSON (${(error as Error).message})`);
  }
  return undefined;
}
