import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { isHeldOut } from '../../core/nudge-hold-out.js';
import { heldOutSql } from '../../store/hold-out-sql.js';
import { openTestDatabase } from '../support/database.js';

describe(`the hold-out drawn in SQL (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database.close());

  it('holds out exactly the people core holds out, whatever the case of their id', async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => (i % 2 ? `${i}-ABCDEF-${i * 7919}` : crypto.randomUUID()));
    for (const percent of [0, 10, 37, 50]) {
      const rows = await sql<{ id: string; held: boolean }>`
        select id, ${heldOutSql('seed-æøå', percent, sql.ref('id'))} as held from unnest(${ids}::text[]) as t(id)`.execute(database.db);
      const inSql = rows.rows.filter((r) => r.held).map((r) => r.id).sort();
      const inCore = ids.filter((id) => isHeldOut('seed-æøå', id, percent)).sort();
      assert.deepEqual(inSql, inCore, `${percent} %`);
      if (percent === 10) assert.ok(inCore.length > 150 && inCore.length < 250);
    }
  });
});
