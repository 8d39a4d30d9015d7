import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether we run compiled (dist/app) or from source (app/). */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Digipuls package folder');
    dir = parent;
  }
  return dir;
}

/** Where the build puts the PGlite data folder template (store/pglite-template.ts). */
export function pgliteTemplateFile(): string {
  return path.join(packageRoot(), 'dist', 'pglite-template.tgz');
}
