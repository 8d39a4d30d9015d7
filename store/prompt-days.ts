import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

/**
 * Takes the day's one prompt for each person (surveys and nudges share it): returns those whose day
 * was still free, now taken. A person another instance took the day for is left out.
 */
export async function takePromptDays(trx: Kysely<Schema>, tenantId: string, aadObjectIds: readonly string[], today: string): Promise<Set<string>> {
  if (aadObjectIds.length === 0) return new Set();
  const days = await trx
    .insertInto('prompt_days')
    .values(aadObjectIds.map((id) => ({ tenant_id: tenantId, aad_object_id: id, day: today })))
    .onConflict((oc) => oc.doNothing())
    .returning('aad_object_id')
    .execute();
  return new Set(days.map((d) => d.aad_object_id));
}
