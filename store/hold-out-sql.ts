import { sql, type RawBuilder } from 'kysely';

/**
 * core/nudge-hold-out.ts's draw in SQL, so a query can leave the hold-out out by itself: the first 48
 * bits of SHA-256(seed, NUL, lower(id)) as a share of 2^48, below the percentage. PostgreSQL and PGlite
 * both have sha256() built in.
 */
export function heldOutSql(seed: string, percent: number, idColumn: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`(('x' || encode(substring(sha256(convert_to(${seed}, 'UTF8') || '\\x00'::bytea || convert_to(lower(${idColumn}), 'UTF8')) from 1 for 6), 'hex'))::bit(48)::bigint::float8 / 281474976710656.0 < ${percent / 100}::float8)`;
}
