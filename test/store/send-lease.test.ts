import assert from 'node:assert/strict';
import { TenantLeaseHolder } from '../../app/tenant-send-lease.js';
import { createDirectoryRepository } from '../../store/directory-repository.js';
import { createSendLeaseRepository } from '../../store/send-lease-repository.js';
import { openTestDatabase } from '../support/database.js';

const TENANT = '00000000-0000-4000-8000-000000000001';
const OTHER_TENANT = '00000000-0000-4000-8000-000000000002';
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const at = (seconds: number) => new Date(Date.UTC(2026, 11, 4, 9, 0, seconds));

describe(`tenant send lease (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let lease: ReturnType<typeof createSendLeaseRepository>;
  before(async () => {
    database = await openTestDatabase();
    lease = createSendLeaseRepository(database.db);
    const directory = createDirectoryRepository(database.db);
    await directory.ensureTenant(TENANT, 'Fjordvik kommune');
    await directory.ensureTenant(OTHER_TENANT, 'Nabo kommune');
  });
  after(() => database.close());

  it('is held by one process at a time, per tenant, until it runs out or is given up', async () => {
    assert.equal(await lease.take(TENANT, A, at(0), at(5)), true);
    assert.equal(await lease.take(TENANT, B, at(1), at(6)), false, 'another process waits');
    assert.equal(await lease.take(OTHER_TENANT, B, at(1), at(6)), true, 'another tenant is free');
    assert.equal(await lease.take(TENANT, A, at(2), at(7)), true, 'the holder renews');
    assert.equal(await lease.take(TENANT, B, at(6), at(11)), false, 'renewed, so not run out at 6 s');
    await lease.release(TENANT, B);
    assert.equal(await lease.take(TENANT, B, at(6), at(11)), false, 'only the holder can give it up');
    assert.equal(await lease.take(TENANT, B, at(8), at(13)), true, 'a dead holder’s lease runs out');
    await lease.release(TENANT, B);
    assert.equal(await lease.take(TENANT, A, at(9), at(14)), true, 'given up, it is free at once');
  });

  it('makes a second process wait until the first has gone idle and given the tenant up', async () => {
    await lease.release(TENANT, A);
    const first = new TenantLeaseHolder(lease);
    const second = new TenantLeaseHolder(lease);
    await first.admit(TENANT);
    const started = Date.now();
    let admitted = 0;
    const waiting = second.admit(TENANT).then(() => (admitted = Date.now()));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(admitted, 0, 'the second waits while the first is sending');
    await first.admit(TENANT); // still sending
    await waiting;
    // The first went idle after its last call (3 s) and gave the tenant up at its next renewal.
    assert.ok(admitted - started >= 3000, `admitted after ${admitted - started} ms`);
    await Promise.all([first.releaseAll(), second.releaseAll()]);
  });
});
