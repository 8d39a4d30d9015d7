import assert from 'node:assert/strict';
import type { DirectoryEntry } from '../../core/directory.js';
import { createDirectoryRepository } from '../../store/directory-repository.js';
import { openTestDatabase } from '../support/database.js';

const TENANT = '00000000-0000-4000-8000-000000000001';
const OTHER_TENANT = '00000000-0000-4000-8000-000000000002';

const entry = (n: number, department: string | null, extra: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  aadObjectId: `oid-${n}`,
  upn: `person${n}@fjordvik.kommune.no`,
  displayName: `Person ${n}`,
  department,
  officeLocation: null,
  preferredLanguage: 'nb-NO',
  accountEnabled: true,
  ...extra,
});

describe(`directory (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let directory: ReturnType<typeof createDirectoryRepository>;
  before(async () => {
    database = await openTestDatabase();
    directory = createDirectoryRepository(database.db);
    await directory.ensureTenant(TENANT, 'Fjordvik kommune');
    await directory.ensureTenant(OTHER_TENANT, 'Nabo kommune');
  });
  after(() => database.close());

  it('builds the unit tree from department paths, with people without a department under Unknown unit', async () => {
    const result = await directory.syncDirectory(TENANT, [
      entry(1, 'Helse og omsorg / Hjemmetjenesten / Hjemmetjenesten Nord'),
      entry(2, 'Helse og omsorg > Hjemmetjenesten > Hjemmetjenesten Sør', { preferredLanguage: 'nn-NO' }),
      entry(3, null),
    ]);
    assert.equal(result.people, 3);
    const units = await directory.listUnits(TENANT);
    assert.deepEqual(
      units.map((u) => u.path.join(' / ')),
      ['Helse og omsorg', 'Helse og omsorg / Hjemmetjenesten', 'Helse og omsorg / Hjemmetjenesten / Hjemmetjenesten Nord', 'Helse og omsorg / Hjemmetjenesten / Hjemmetjenesten Sør', 'Unknown unit'],
    );
    const nord = units.find((u) => u.name === 'Hjemmetjenesten Nord')!;
    const parent = units.find((u) => u.id === nord.parentId)!;
    assert.equal(parent.name, 'Hjemmetjenesten');
    assert.equal((await directory.unitOf(TENANT, 'oid-3'))?.name, 'Unknown unit');
    assert.equal((await directory.findPerson(TENANT, 'oid-2'))?.preferredLocale, 'nn');
  });

  it('keeps tenants apart: the same object id in another tenant is another person', async () => {
    assert.equal(await directory.findPerson(OTHER_TENANT, 'oid-1'), undefined);
    assert.deepEqual(await directory.listUnits(OTHER_TENANT), []);
  });

  it('stores the chat a person can be reached in, and a language chosen in chat wins over the directory', async () => {
    const reference = { conversation: { id: 'a:1' }, serviceUrl: 'https://smba.example/', user: { id: '29:1' } };
    await directory.saveChatContact(TENANT, { aadObjectId: 'oid-1', displayName: 'Ignored', conversationReference: reference });
    await directory.setPreferredLocale(TENANT, 'oid-1', 'sv');
    const person = await directory.findPerson(TENANT, 'oid-1');
    assert.deepEqual(person?.conversationReference, reference);
    assert.equal(person?.displayName, 'Person 1', 'the directory name is kept');
    assert.equal(person?.preferredLocale, 'sv');
  });

  it('re-syncing keeps chats and chosen languages, moves people between units, and removes leavers', async () => {
    await directory.saveChatContact(TENANT, { aadObjectId: 'visitor', conversationReference: { conversation: { id: 'a:2' } } });
    await directory.syncDirectory(TENANT, [entry(1, 'Oppvekst / Fjordvik skole'), entry(3, null)]);
    const moved = await directory.findPerson(TENANT, 'oid-1');
    assert.equal(moved?.preferredLocale, 'sv');
    assert.ok(moved?.conversationReference);
    assert.equal((await directory.unitOf(TENANT, 'oid-1'))?.name, 'Fjordvik skole');
    assert.equal(await directory.findPerson(TENANT, 'oid-2'), undefined, 'a leaver is gone');
    assert.ok(await directory.findPerson(TENANT, 'visitor'), 'someone who chatted before the next sync is kept until a sync says otherwise');
  });

  it('loads a large directory in batches', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => entry(1000 + i, `Sektor ${i % 5} / Tjeneste ${i % 25} / Team ${i % 100}`));
    const result = await directory.syncDirectory(TENANT, many);
    assert.equal(result.people, 2500);
    const paths = new Set((await directory.listUnits(TENANT)).map((u) => u.path.join(' / ')));
    for (const e of many) assert.ok(paths.has(e.department!), `unit ${e.department} exists`);
    assert.equal((await directory.unitOf(TENANT, 'oid-3499'))?.path.join(' / '), 'Sektor 4 / Tjeneste 24 / Team 99');
  });
});
