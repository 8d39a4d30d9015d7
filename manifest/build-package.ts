import { existsSync } from 'node:fs';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import yazl from 'yazl';
import { z } from 'zod';

/** The template lives beside this file in the source tree; compiled code (dist/manifest) reads it from there too. */
const TEMPLATE_DIR = existsSync(path.join(import.meta.dirname, 'manifest.template.json'))
  ? import.meta.dirname
  : path.join(import.meta.dirname, '..', '..', 'manifest');
const SCHEMA_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build', 'json-schemas', 'teams', 'v1.30',
);
const LOCALES = ['nb', 'nn', 'sv'] as const;

/** A manifest (or its icons or translations) that Teams would refuse: each problem as `path: reason`. */
export class ManifestValidationError extends Error {
  override name = 'ManifestValidationError';
  constructor(readonly problems: string[]) {
    super(`The Teams app manifest is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const optionsSchema = z.object({
  teamsAppId: guid,
  botId: guid,
  ssoClientId: guid,
  publicUrl: z
    .url({ protocol: /^https?$/ })
    .refine((u) => u.startsWith('https://') || LOOPBACK.has(new URL(u).hostname), 'must be https (plain http only for a loopback test host)'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be major.minor.patch').default('1.0.0'),
  outFile: z.string().min(1),
  templateDir: z.string().default(TEMPLATE_DIR),
});
export type PackageOptions = z.input<typeof optionsSchema>;

/**
 * Builds the Teams app package: fills the manifest template, validates it and its translations
 * offline against the v1.30 schemas shipped in @microsoft/app-manifest, checks the icons (which the
 * schema does not), and writes the zip. Throws ManifestValidationError naming every problem.
 */
export async function buildAppPackage(input: PackageOptions): Promise<{ outFile: string; manifest: Record<string, unknown> }> {
  const parsed = optionsSchema.safeParse(input);
  if (!parsed.success) throw new ManifestValidationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const options = parsed.data;
  const baseUrl = options.publicUrl.replace(/\/+$/, '');
  const values: Record<string, string> = {
    teamsAppId: options.teamsAppId,
    botId: options.botId,
    ssoClientId: options.ssoClientId,
    baseUrl,
    host: new URL(baseUrl).host,
    version: options.version,
  };
  const manifest = fill(JSON.parse(await readFile(path.join(options.templateDir, 'manifest.template.json'), 'utf8')), values) as Record<string, unknown>;
  const translations = await Promise.all(LOCALES.map(async (l) => [l, JSON.parse(await readFile(path.join(options.templateDir, 'locales', `${l}.json`), 'utf8'))] as const));
  const icons = { color: await readFile(path.join(options.templateDir, 'icons', 'color.png')), outline: await readFile(path.join(options.templateDir, 'icons', 'outline.png')) };

  const problems = [
    ...(await validate(manifest, 'MicrosoftTeams.schema.json', 'manifest.json')),
    ...(await Promise.all(translations.map(([l, t]) => validate(t, 'MicrosoftTeams.Localization.schema.json', `${l}.json`)))).flat(),
    ...iconProblems(icons.color, 'color.png', 192, false),
    ...iconProblems(icons.outline, 'outline.png', 32, true),
  ];
  if (problems.length) throw new ManifestValidationError(problems);

  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  zip.addBuffer(icons.color, 'color.png');
  zip.addBuffer(icons.outline, 'outline.png');
  for (const [l, t] of translations) zip.addBuffer(Buffer.from(JSON.stringify(t, null, 2)), `${l}.json`);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  await mkdir(path.dirname(path.resolve(options.outFile)), { recursive: true });
  await writeFile(options.outFile, Buffer.concat(chunks));
  return { outFile: options.outFile, manifest };
}

/** Replaces {{name}} placeholders in every string of the template. */
function fill(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === 'string') {
    return node.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  }
  if (Array.isArray(node)) return node.map((n) => fill(n, values));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v, values)]));
  return node;
}

async function validate(document: unknown, schemaFile: string, label: string): Promise<string[]> {
  // The published schemas have patterns JavaScript's unicode regexes reject: "\a" (Microsoft's own
  // loader patches it the same way) and an unescaped "]" after "\b" in the localization schema.
  const text = (await readFile(path.join(SCHEMA_DIR, schemaFile), 'utf8')).replace(/\\a/g, '\\x07').replace(/\\\\b\]/g, '\\\\b\\\\]');
  const schema = JSON.parse(text);
  const errors = await ManifestUtil.validateManifestAgainstSchema(document as never, schema);
  return errors.map((e) => `${label}${e.startsWith('/') ? '' : ' '}${e.replace(/\. Details: .*$/, '')}`);
}

function iconProblems(file: Buffer, name: string, size: number, outline: boolean): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(file);
  } catch {
    return [`${name}: is not a PNG image`];
  }
  const problems: string[] = [];
  if (png.width !== size || png.height !== size) problems.push(`${name}: must be ${size}×${size} pixels, is ${png.width}×${png.height}`);
  if (outline) {
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b, a] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
      if (a > 0 && (r < 250 || g < 250 || b < 250)) {
        problems.push(`${name}: must be white on a transparent background`);
        break;
      }
    }
  }
  return problems;
}
