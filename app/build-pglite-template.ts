/** Build step (`npm run build`): writes dist/pglite-template.tgz, see store/pglite-template.ts. */
import path from 'node:path';
import { buildPgliteTemplate } from '../store/pglite-template.js';
import { pgliteTemplateFile } from './package-root.js';

const file = pgliteTemplateFile();
await buildPgliteTemplate(file);
process.stdout.write(`PGlite template written to ${path.relative(process.cwd(), file)}\n`);
