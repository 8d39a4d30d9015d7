import { parse } from 'csv-parse/sync';
import type { Simulator } from '../../sim/index.js';

/** A report CSV as a client reads it: BOM and CRLF checked by the caller, rows keyed by header. */
export function rowsOf(csv: Buffer | string): { header: string[]; rows: Array<Record<string, string>> } {
  const text = typeof csv === 'string' ? csv : csv.toString('utf8');
  const records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];
  const [header = [], ...body] = records;
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]!]))) };
}

/** GET a report function: the 302, without following it. */
export function callReport(sim: Simulator, token: string, call: string, origin = sim.url): Promise<Response> {
  return fetch(`${origin}/v1.0/reports/${call}`, { headers: { authorization: `Bearer ${token}` }, redirect: 'manual' });
}

/** A report downloaded as a careful client does it: the 302, then the Location without the token. */
export async function downloadReport(sim: Simulator, token: string, call: string): Promise<Buffer> {
  const redirect = await callReport(sim, token, call);
  if (redirect.status !== 302) throw new Error(`${call}: HTTP ${redirect.status} ${await redirect.text()}`);
  const file = await fetch(redirect.headers.get('location')!);
  if (file.status !== 200) throw new Error(`download: HTTP ${file.status}`);
  return Buffer.from(await file.arrayBuffer());
}
