import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DirectoryEntry, DirectoryRepository, Person } from '../core/directory.js';
import { isLocale, localeFromTag, type Locale } from '../core/locale.js';
import { formatUnitPath, unitPathFromDepartment, UNKNOWN_UNIT_NAME, type Unit } from '../core/units.js';
import type { PeopleTable, Schema, UnitsTable } from './schema.js';
import { ensureUnits } from './units.js';

/** Rows per INSERT: large enough to load 50,000 people quickly, small enough to stay under PostgreSQL's parameter limit. */
const BATCH = 1000;

/** The directory tables behind core's DirectoryRepository port. */
export function createDirectoryRepository(db: Kysely<Schema>): DirectoryRepository {
  const updatePerson = (tenantId: string, aadObjectId: string, patch: Updateable<PeopleTable>) =>
    db
      .updateTable('people')
      .set({ ...patch, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('aad_object_id', '=', aadObjectId)
      .execute();

  return {
    async ensureTenant(tenantId, name) {
      await db
        .insertInto('tenants')
        .values({ tenant_id: tenantId, name: name ?? null })
        .onConflict((oc) => (name ? oc.column('tenant_id').doUpdateSet({ name }) : oc.column('tenant_id').doNothing()))
        .execute();
    },

    async syncDirectory(tenantId, entries) {
      return db.transaction().execute(async (trx) => {
        const unitIds = await ensureUnits(trx, tenantId, entries.map(unitPathOf));
        // On the tenant's first sync everyone is already there; after it, someone new has just joined.
        const hadDirectory = (await trx.selectFrom('people').select('aad_object_id').where('tenant_id', '=', tenantId).where('in_directory', '=', true).limit(1).executeTakeFirst()) !== undefined;
        const rows = entries.map((entry) => ({
          tenant_id: tenantId,
          aad_object_id: entry.aadObjectId,
          upn: entry.upn,
          display_name: entry.displayName,
          unit_id: unitIds.get(formatUnitPath(unitPathOf(entry))) ?? null,
          directory_locale: localeFromTag(entry.preferredLanguage) ?? null,
          account_enabled: entry.accountEnabled,
          in_directory: true,
          welcome_pending: hadDirectory && entry.accountEnabled,
        }));
        for (let i = 0; i < rows.length; i += BATCH) {
          await trx
            .insertInto('people')
            .values(rows.slice(i, i + BATCH))
            .onConflict((oc) =>
              oc.columns(['tenant_id', 'aad_object_id']).doUpdateSet((eb) => ({
                upn: eb.ref('excluded.upn'),
                display_name: eb.ref('excluded.display_name'),
                unit_id: eb.ref('excluded.unit_id'),
                directory_locale: eb.ref('excluded.directory_locale'),
                account_enabled: eb.ref('excluded.account_enabled'),
                // Known only from a chat until now (they opened the app first): new to the directory all the same.
                welcome_pending: sql`people.welcome_pending or (not people.in_directory and excluded.welcome_pending)`,
                in_directory: true,
                updated_at: sql`now()`,
              })),
            )
            .execute();
        }
        // People who left the directory leave Digipuls too: we keep no one we may not address.
        const seen = entries.map((e) => e.aadObjectId);
        await trx
          .deleteFrom('people')
          .where('tenant_id', '=', tenantId)
          .where('in_directory', '=', true)
          .$if(seen.length > 0, (qb) => qb.where('aad_object_id', '!=', sql<string>`all(${sql.val(seen)}::text[])`))
          .execute();
        return { people: rows.length, units: new Set(unitIds.values()).size };
      });
    },

    async findPerson(tenantId, aadObjectId) {
      const row = await db
        .selectFrom('people')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('aad_object_id', '=', aadObjectId)
        .executeTakeFirst();
      return row && toPerson(row);
    },

    async saveChatContact(tenantId, contact) {
      await this.ensureTenant(tenantId);
      const row = await db
        .insertInto('people')
        .values({
          tenant_id: tenantId,
          aad_object_id: contact.aadObjectId,
          display_name: contact.displayName ?? null,
          upn: null,
          unit_id: null,
          directory_locale: null,
          chosen_locale: null,
          account_enabled: true,
          in_directory: false,
          conversation_reference: JSON.stringify(contact.conversationReference),
        })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'aad_object_id']).doUpdateSet((eb) => ({
            conversation_reference: eb.ref('excluded.conversation_reference'),
            display_name: sql`coalesce(people.display_name, excluded.display_name)`,
            updated_at: sql`now()`,
          })),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPerson(row);
    },

    async setPreferredLocale(tenantId, aadObjectId, locale) {
      await updatePerson(tenantId, aadObjectId, { chosen_locale: locale });
    },

    async setNudgesPaused(tenantId, aadObjectId, paused) {
      await updatePerson(tenantId, aadObjectId, { nudges_paused: paused });
    },

    async unitOf(tenantId, aadObjectId) {
      const row = await db
        .selectFrom('people')
        .innerJoin('units', (join) =>
          join.onRef('units.tenant_id', '=', 'people.tenant_id').onRef('units.unit_id', '=', 'people.unit_id'),
        )
        .select(['units.unit_id', 'units.parent_id', 'units.name', 'units.path', 'units.path_key'])
        .where('people.tenant_id', '=', tenantId)
        .where('people.aad_object_id', '=', aadObjectId)
        .executeTakeFirst();
      return row && toUnit(row);
    },

    async listUnits(tenantId) {
      const rows = await db
        .selectFrom('units')
        .select(['unit_id', 'parent_id', 'name', 'path', 'path_key'])
        .where('tenant_id', '=', tenantId)
        .orderBy('path_key')
        .execute();
      return rows.map(toUnit);
    },
  };
}

/** Where a person belongs: the path app/ resolved (with the admin's unit mapping), else their department. */
function unitPathOf(entry: DirectoryEntry): string[] {
  if (entry.unitPath && entry.unitPath.length > 0) return entry.unitPath;
  const path = unitPathFromDepartment(entry.department);
  return path.length > 0 ? path : [UNKNOWN_UNIT_NAME];
}

function toPerson(row: Selectable<PeopleTable>): Person {
  const chosen = isLocale(row.chosen_locale) ? row.chosen_locale : null;
  const fromDirectory = isLocale(row.directory_locale) ? row.directory_locale : null;
  return {
    tenantId: row.tenant_id,
    aadObjectId: row.aad_object_id,
    upn: row.upn,
    displayName: row.display_name,
    unitId: row.unit_id,
    preferredLocale: (chosen ?? fromDirectory) as Locale | null,
    conversationReference: row.conversation_reference,
    nudgesPaused: row.nudges_paused,
  };
}

function toUnit(row: Pick<Selectable<UnitsTable>, 'unit_id' | 'parent_id' | 'name' | 'path'>): Unit {
  return { id: row.unit_id, parentId: row.parent_id, name: row.name, path: row.path };
}
