import type { Kysely } from 'kysely';
import { ancestorPaths, formatUnitPath } from '../core/units.js';
import type { Schema } from './schema.js';

const BATCH = 1000;

/** Creates every unit (and its ancestors) on the given paths; returns path key → unit id for all of the tenant's units. */
export async function ensureUnits(trx: Kysely<Schema>, tenantId: string, paths: Iterable<readonly string[]>): Promise<Map<string, string>> {
  const wanted = new Map<string, string[]>();
  for (const path of paths) for (const p of ancestorPaths(path)) wanted.set(formatUnitPath(p), p);
  const ids = new Map<string, string>();
  const existing = await trx.selectFrom('units').select(['unit_id', 'path_key']).where('tenant_id', '=', tenantId).execute();
  for (const row of existing) ids.set(row.path_key, row.unit_id);
  // Parents before children, so each child can point at its parent's id.
  const missing = [...wanted.entries()].filter(([key]) => !ids.has(key));
  const deepest = Math.max(0, ...missing.map(([, p]) => p.length));
  for (let depth = 1; depth <= deepest; depth++) {
    const level = missing.filter(([, p]) => p.length === depth);
    for (let i = 0; i < level.length; i += BATCH) {
      const created = await trx
        .insertInto('units')
        .values(
          level.slice(i, i + BATCH).map(([key, path]) => ({
            tenant_id: tenantId,
            name: path[path.length - 1]!,
            path,
            path_key: key,
            parent_id: path.length > 1 ? ids.get(formatUnitPath(path.slice(0, -1)))! : null,
          })),
        )
        .returning(['unit_id', 'path_key'])
        .execute();
      for (const row of created) ids.set(row.path_key, row.unit_id);
    }
  }
  return ids;
}
