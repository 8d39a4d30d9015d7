import type { Kysely } from 'kysely';

/**
 * The tenant's send lease (core/send-lease.ts): the process that may call the tenant's Bot Connector
 * now, so that several instances sending surveys and announcements at once stay under one ceiling.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tenants').addColumn('send_lease_owner', 'uuid').addColumn('send_lease_until', 'timestamptz').execute();
}
