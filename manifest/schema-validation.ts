import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

const SCHEMA_BASE = 'https://developer.microsoft.com/json-schemas/teams/v1.30';
/** The `$schema` of a v1.30 manifest. */
export const MANIFEST_SCHEMA_URL = `${SCHEMA_BASE}/MicrosoftTeams.schema.json`;
/** The `$schema` of a v1.30 localization file. */
export const LOCALIZATION_SCHEMA_URL = `${SCHEMA_BASE}/MicrosoftTeams.Localization.schema.json`;

/** @microsoft/app-manifest ships every published schema; we read the files so nothing goes to the network. */
const SCHEMA_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build', 'json-schemas', 'teams', 'v1.30',
);

type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
const schemas = new Map<string, Promise<Schema>>();

function loadSchema(url: string): Promise<Schema> {
  let schema = schemas.get(url);
  if (!schema) {
    schema = readFile(path.join(SCHEMA_DIR, path.basename(url)), 'utf8').then((text) =>
      JSON.parse(
        text
          // Microsoft's own loader rewrites these escapes, which JavaScript regular expressions reject.
          .replace(/\\a/g, '\\u0007')
          .replace(/\\v/g, '\\u000b')
          // The localization schema has "\b]" in a pattern: a lone "]" that unicode regexes refuse.
          .replace(/\\\\b\]/g, '\\\\b\\\\]'),
      ),
    );
    schemas.set(url, schema);
  }
  return schema;
}

/**
 * Validates a manifest (or a localization file) against the v1.30 schema shipped in
 * @microsoft/app-manifest, offline. Returns each violation as `file/json-pointer: reason`.
 */
export async function schemaProblems(document: Record<string, unknown>, file: string, schemaUrl: string): Promise<string[]> {
  if (document.$schema !== schemaUrl) {
    // Any other $schema would mean validating against a schema we do not ship (or fetching one).
    return [`${file}/$schema: must be "${schemaUrl}", is ${JSON.stringify(document.$schema)}`];
  }
  const errors = await AppManifestUtils.validateAgainstSchema(document as never, await loadSchema(schemaUrl));
  return [...new Set(errors.map((error) => formatProblem(file, error)))];
}

/**
 * Turns the library's `"<pointer> <message>. Details: <params JSON>"` into `file/pointer: reason`,
 * naming the property itself when one is missing or not allowed.
 */
function formatProblem(file: string, error: string): string {
  const details = error.lastIndexOf('. Details: ');
  const head = details >= 0 ? error.slice(0, details) : error;
  const space = head.indexOf(' ');
  const pointer = space >= 0 ? head.slice(0, space) : head;
  const message = space >= 0 ? head.slice(space + 1) : 'is not valid';
  const params = details >= 0 ? parseParams(error.slice(details + '. Details: '.length)) : {};
  if (typeof params.missingProperty === 'string') return `${file}${pointer}/${params.missingProperty}: is required`;
  if (typeof params.additionalProperty === 'string') return `${file}${pointer}/${params.additionalProperty}: is not allowed (not a property in schema v1.30)`;
  if ('allowedValue' in params) return `${file}${pointer}: must be ${JSON.stringify(params.allowedValue)}`;
  if (Array.isArray(params.allowedValues)) return `${file}${pointer}: must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${file}${pointer}: ${message}`;
}

function parseParams(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    // The details are only a refinement of the message, which is reported either way.
    return {};
  }
}
