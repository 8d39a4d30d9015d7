import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PackageOptionsError } from './package-errors.js';

/** The Digipuls package folder, whether this runs from source (manifest/) or compiled (dist/manifest/). */
function packageRoot(): string {
  let dir = import.meta.dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${import.meta.dirname}`);
    dir = parent;
  }
  return dir;
}

/** The folder with manifest.template.json, locales/ and icons/ (compiled code reads the source folder). */
export const DEFAULT_TEMPLATE_DIR = path.join(packageRoot(), 'manifest');

/** Digipuls' own version, the manifest version unless one is given. */
export function digipulsVersion(): string {
  const pkg = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')));
  return pkg.version;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const required = (what: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`) });

const guid = z
  .string(required('text'))
  .trim()
  .superRefine((value, ctx) => {
    if (!GUID.test(value)) ctx.addIssue({ code: 'custom', message: `must be a GUID such as 6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b, got "${value}"` });
  });

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** The public base URL, without a trailing slash. Teams only talks https, so http is for loopback tests. */
const publicUrl = z
  .string(required('text'))
  .trim()
  .transform((raw, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return fail(`must be an absolute URL such as https://digipuls.example.kommune.no, got "${raw}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`must start with https://, got "${raw}"`);
    if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
      return fail(`must use https: Teams loads tabs and reaches bots only over https (plain http is allowed only for localhost, 127.0.0.1 or [::1] while testing), got "${raw}"`);
    }
    if (url.search || url.hash || url.username || url.password) return fail(`must not carry a query, fragment or user name, got "${raw}"`);
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });

const optionsSchema = z.object({
  teamsAppId: guid,
  botId: guid,
  ssoClientId: guid.optional(),
  publicUrl,
  version: z
    .string(required('text'))
    .trim()
    .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, 'must be major.minor.patch such as 1.4.0 (Teams needs a higher one for every update)')
    .optional(),
  developerName: z.string(required('text')).trim().min(1, 'must not be empty').max(32, 'must be at most 32 characters').default('Your municipality'),
  outFile: z.string(required('text')).trim().min(1, 'must not be empty'),
  templateDir: z.string(required('text')).min(1).default(DEFAULT_TEMPLATE_DIR),
});

/** What buildAppPackage needs; see its JSDoc. */
export type PackageOptions = z.input<typeof optionsSchema>;
/** PackageOptions checked, with defaults applied and the public URL without a trailing slash. */
export type ParsedPackageOptions = z.output<typeof optionsSchema>;

/** Checks the builder's options, or throws a PackageOptionsError naming each wrong one. */
export function parsePackageOptions(input: PackageOptions): ParsedPackageOptions {
  const parsed = optionsSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new PackageOptionsError(parsed.error.issues.map((issue) => ({ option: issue.path.join('.') || 'options', message: issue.message })));
}
