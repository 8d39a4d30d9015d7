import type { Kysely } from 'kysely';
import type { TenantSendLease } from '../core/send-lease.js';
import type { Schema } from './schema.js';

/** The tenant send lease on the tenants row: one conditional update, so two processes cannot both win. */
export function createSendLeaseRepository(db: Kysely<Schema>): TenantSendLease {
  return {
    async take(tenantId, owner, now, until) {
      const row = await db
        .updateTable('tenants')
        .set({ send_lease_owner: owner, send_lease_until: until })
        .where('tenant_id', '=', tenantId)
        .where((eb) => eb.or([eb('send_lease_owner', '=', owner), eb('send_lease_until', 'is', null), eb('send_lease_until', '<', now)]))
        .returning('tenant_id')
        .executeTakeFirst();
      return Boolean(row);
    },

    async release(tenantId, owner) {
      await db
        .updateTable('tenants')
        .set({ send_lease_owner: null, send_lease_until: null })
        .where('tenant_id', '=', tenantId)
        .where('send_lease_owner', '=', owner)
        .execute();
    },
  };
}
