/**
 * `npm run bench -- NAME`: runs one benchmark from bench/NAME.ts. Each prints its figures as one
 * JSON line last: {"bench": NAME, ..., "target": ..., "ok": true|false}.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

const name = process.argv[2];
const available = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => path.basename(f, '.ts'));

if (!name || !available.includes(name)) {
  process.stderr.write(`usage: npm run bench -- NAME\nbenchmarks: ${available.join(', ')}\n`);
  process.exit(2);
}
const bench = (await import(`./${name}.ts`)) as { run(args: string[]): Promise<{ ok: boolean }> };
const result = await bench.run(process.argv.slice(3));
process.stdout.write(`${JSON.stringify({ bench: name, ...result })}\n`);
process.exit(result.ok ? 0 : 1);
