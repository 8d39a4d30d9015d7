import { sql, type Kysely } from 'kysely';
import type { AdoptionCounts, ReportPeriod } from '../core/adoption.js';
import type { AdoptionStore, SnapshotRef, StoredSnapshot } from '../core/adoption-store.js';
import { mappingKey } from '../core/unit-mapping.js';
import type { Schema } from './schema.js';
import { ensureUnits } from './units.js';

const BATCH = 1000;
const reportDate = sql<string>`to_char(report_date, 'YYYY-MM-DD')`;
const json = (value: unknown) => (value == null ? null : JSON.stringify(value));

const ensureTenant = (trx: Kysely<Schema>, tenantId: string) =>
  trx.insertInto('tenants').values({ tenant_id: tenantId, name: null }).onConflict((oc) => oc.column('tenant_id').doNothing()).execute();

/** Adoption snapshots and unit mappings behind core's AdoptionStore port. */
export function createAdoptionRepository(db: Kysely<Schema>): AdoptionStore {
  const refOf = (row: { period: string; report_date: string; concealed: boolean; source: 'graph' | 'import'; ingested_at: Date }): SnapshotRef => ({
    period: row.period as ReportPeriod,
    reportDate: row.report_date,
    concealed: row.concealed,
    source: row.source,
    ingestedAt: new Date(row.ingested_at).toISOString(),
  });

  return {
    async saveSnapshots(tenantId, snapshots) {
      await db.transaction().execute(async (trx) => {
        await ensureTenant(trx, tenantId);
        const unitIds = await ensureUnits(trx, tenantId, snapshots.flatMap((s) => s.units.map((u) => u.path)));
        for (const snapshot of snapshots) {
          await trx.deleteFrom('adoption_snapshots').where('tenant_id', '=', tenantId).where('period', '=', snapshot.period).where('report_date', '=', snapshot.reportDate).execute();
          const { snapshot_id } = await trx
            .insertInto('adoption_snapshots')
            .values({
              tenant_id: tenantId,
              period: snapshot.period,
              report_date: snapshot.reportDate,
              source: snapshot.source,
              concealed: snapshot.concealed,
              min_group_size: snapshot.minGroupSize,
              staff: snapshot.tenant?.staff ?? null,
              active: json(snapshot.tenant?.active),
              devices: json(snapshot.tenant?.devices),
              summary: JSON.stringify(snapshot.summary),
            })
            .returning('snapshot_id')
            .executeTakeFirstOrThrow();
          const units = snapshot.units.map((u) => ({
            tenant_id: tenantId,
            snapshot_id,
            unit_id: unitIds.get(u.key)!,
            suppressed: u.suppressed || null,
            staff: u.totals?.staff ?? null,
            active: json(u.totals?.active),
            devices: json(u.totals?.devices),
          }));
          for (let i = 0; i < units.length; i += BATCH) await trx.insertInto('adoption_unit_figures').values(units.slice(i, i + BATCH)).execute();
          // Report files can list one community twice (renamed, recreated); the first row wins.
          const seen = new Set<string>();
          const communities = snapshot.communities
            .filter((c) => !seen.has(`${c.kind}:${c.externalId}`) && seen.add(`${c.kind}:${c.externalId}`))
            .map((c) => ({
              tenant_id: tenantId,
              snapshot_id,
              kind: c.kind,
              external_id: c.externalId,
              name: c.name,
              unit_id: c.unitKey ? (unitIds.get(c.unitKey) ?? null) : null,
              suppressed: c.suppressed,
              active_users: c.activeUsers,
              members: c.members,
              posts: c.posts,
            }));
          for (let i = 0; i < communities.length; i += BATCH) await trx.insertInto('adoption_communities').values(communities.slice(i, i + BATCH)).execute();
        }
      });
    },

    async listSnapshots(tenantId, period) {
      const rows = await db
        .selectFrom('adoption_snapshots')
        .select(['period', reportDate.as('report_date'), 'concealed', 'source', 'ingested_at'])
        .where('tenant_id', '=', tenantId)
        .$if(period !== undefined, (qb) => qb.where('period', '=', period!))
        .orderBy('report_date', 'desc')
        .orderBy('period')
        .execute();
      return rows.map(refOf);
    },

    async getSnapshot(tenantId, period, date) {
      const row = await db
        .selectFrom('adoption_snapshots')
        .select(['snapshot_id', 'period', reportDate.as('report_date'), 'concealed', 'source', 'ingested_at', 'min_group_size', 'staff', 'active', 'devices', 'summary'])
        .where('tenant_id', '=', tenantId)
        .where('period', '=', period)
        .$if(date !== undefined, (qb) => qb.where('report_date', '=', date!))
        .orderBy('report_date', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (!row) return undefined;
      const [units, communities] = await Promise.all([
        db
          .selectFrom('adoption_unit_figures as f')
          .innerJoin('units as u', (j) => j.onRef('u.tenant_id', '=', 'f.tenant_id').onRef('u.unit_id', '=', 'f.unit_id'))
          .select(['u.unit_id', 'u.parent_id', 'u.name', 'u.path', 'f.suppressed', 'f.staff', 'f.active', 'f.devices'])
          .where('f.tenant_id', '=', tenantId)
          .where('f.snapshot_id', '=', row.snapshot_id)
          .orderBy('u.path_key')
          .execute(),
        db
          .selectFrom('adoption_communities')
          .select(['kind', 'external_id', 'name', 'unit_id', 'active_users', 'members', 'posts', 'suppressed'])
          .where('tenant_id', '=', tenantId)
          .where('snapshot_id', '=', row.snapshot_id)
          .orderBy('kind')
          .orderBy('name')
          .execute(),
      ]);
      const snapshot: StoredSnapshot = {
        ...refOf(row),
        minGroupSize: row.min_group_size,
        tenant: row.staff === null ? null : ({ staff: row.staff, active: row.active, devices: row.devices } as AdoptionCounts),
        units: units.map((u) => ({
          unit: { id: u.unit_id, parentId: u.parent_id, name: u.name, path: u.path },
          staff: u.staff,
          active: u.active as AdoptionCounts['active'] | null,
          devices: u.devices as AdoptionCounts['devices'] | null,
          suppressed: u.suppressed !== null,
        })),
        communities: communities.map((c) => ({
          kind: c.kind,
          id: c.external_id,
          name: c.name,
          unitId: c.unit_id,
          activeUsers: c.active_users,
          members: c.members,
          posts: c.posts,
          suppressed: c.suppressed,
        })),
        summary: row.summary as unknown as StoredSnapshot['summary'],
      };
      return snapshot;
    },

    async trend(tenantId, period, unitId) {
      if (unitId === null) {
        const rows = await db
          .selectFrom('adoption_snapshots')
          .select([reportDate.as('report_date'), 'staff', 'active'])
          .where('tenant_id', '=', tenantId)
          .where('period', '=', period)
          .orderBy('report_date')
          .execute();
        return rows.map((r) => ({ reportDate: r.report_date, staff: r.staff, active: r.active as AdoptionCounts['active'] | null, suppressed: r.staff === null }));
      }
      const rows = await db
        .selectFrom('adoption_unit_figures as f')
        .innerJoin('adoption_snapshots as s', (j) => j.onRef('s.tenant_id', '=', 'f.tenant_id').onRef('s.snapshot_id', '=', 'f.snapshot_id'))
        .select([sql<string>`to_char(s.report_date, 'YYYY-MM-DD')`.as('report_date'), 'f.staff', 'f.active', 'f.suppressed'])
        .where('f.tenant_id', '=', tenantId)
        .where('s.period', '=', period)
        .where('f.unit_id', '=', unitId)
        .orderBy('s.report_date')
        .execute();
      return rows.map((r) => ({ reportDate: r.report_date, staff: r.staff, active: r.active as AdoptionCounts['active'] | null, suppressed: r.suppressed !== null }));
    },

    async listUnitMappings(tenantId) {
      const rows = await db.selectFrom('unit_mappings').select(['source', 'value', 'unit_path']).where('tenant_id', '=', tenantId).orderBy('source').orderBy('value_key').execute();
      return rows.map((r) => ({ source: r.source, value: r.value, unitPath: r.unit_path }));
    },

    async replaceUnitMappings(tenantId, rules) {
      await db.transaction().execute(async (trx) => {
        await ensureTenant(trx, tenantId);
        await trx.deleteFrom('unit_mappings').where('tenant_id', '=', tenantId).execute();
        const rows = new Map(rules.map((r) => [`${r.source}:${mappingKey(r.value)}`, { tenant_id: tenantId, source: r.source, value_key: mappingKey(r.value), value: r.value.trim(), unit_path: r.unitPath }]));
        const values = [...rows.values()];
        for (let i = 0; i < values.length; i += BATCH) await trx.insertInto('unit_mappings').values(values.slice(i, i + BATCH)).execute();
      });
    },
  };
}
