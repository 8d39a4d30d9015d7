import assert from 'node:assert/strict';
import { connectGraph } from '../../app/graph-connection.js';
import { syncDirectoryFromGraph } from '../../app/directory-sync.js';
import { createLogger } from '../../app/logger.js';
import { GraphError } from '../../graph/graph-client.js';
import { directoryPages } from '../../graph/users.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Graph pages that break their documented shape (a faulty proxy, an undocumented change): paging
 * stops with an error that says which page, which item and which field, and the directory stored
 * before stays as it was, rather than being replaced by the part that was read.
 */
describe('Graph collection pages that are not as documented', function () {
  this.timeout(120_000);
  let stack: TestStack;
  let connection: ReturnType<typeof connectGraph>;

  before(async () => {
    // 1,500 staff: two pages of /users (999 and 501).
    stack = await startTestStack({ staff: 1500 });
    connection = connectGraph(stack.config);
  });
  afterEach(() => stack.sim.faults.clear());
  after(async () => {
    await connection?.close();
    await stack?.close();
  });

  /** Reads /users page by page as the directory sync does; what arrived before the error, and the error. */
  async function readUsers(): Promise<{ pages: number[]; error: unknown }> {
    const pages: number[] = [];
    try {
      for await (const page of directoryPages(connection.graph)) pages.push(page.length);
    } catch (error) {
      return { pages, error };
    }
    return { pages, error: undefined };
  }
  const unexpected = (pattern: RegExp) => (error: unknown) => {
    assert.ok(error instanceof GraphError, `a GraphError, not ${String(error)}`);
    assert.equal(error.status, 502);
    assert.equal(error.code, 'unexpected_response');
    assert.match(error.message, pattern);
    return true;
  };

  it('names the page, the item and the field of an item that is not as documented, after the good pages', async () => {
    stack.sim.faults.malformPage({ target: 'users', after: 1, item: { index: 3, field: 'accountEnabled', value: 'yes' } });
    const { pages, error } = await readUsers();
    assert.deepEqual(pages, [999], 'the first page came through');
    unexpected(/^Graph \/users: page 2, item 3 is not as documented: accountEnabled: .*expected boolean, received string/)(error);
  });

  it('names the field of a page that is not a collection page', async () => {
    stack.sim.faults.malformPage({ target: 'users' });
    const { pages, error } = await readUsers();
    assert.deepEqual(pages, []);
    unexpected(/^Graph \/users: page 1 is not a collection page: value: .*expected array, received object/)(error);
  });

  it('names a missing id as well', async () => {
    stack.sim.faults.malformPage({ target: 'users', item: { index: 0, field: 'id', value: undefined } });
    unexpected(/page 1, item 0 is not as documented: id: /)((await readUsers()).error);
  });

  it('leaves the stored directory as it was when the second page is malformed, and the next sync succeeds', async () => {
    const tenantId = stack.sim.tenantId;
    const stored = async () =>
      (await stack.database.db.selectFrom('people').select(['aad_object_id', 'in_directory', 'account_enabled']).where('tenant_id', '=', tenantId).orderBy('aad_object_id').execute());
    const before = await stored();
    assert.equal(before.filter((p) => p.in_directory).length, stack.sim.municipality.people.length, 'the first sync stored everyone');

    stack.sim.faults.malformPage({ target: 'users', after: 1, item: { index: 0, field: 'userPrincipalName', value: 42 } });
    const logger = createLogger(stack.config);
    await assert.rejects(syncDirectoryFromGraph(stack.config, stack.app, logger), unexpected(/page 2, item 0 is not as documented: userPrincipalName: /));
    // Not replaced by the 999 people of the first page: nobody removed, nobody changed.
    assert.deepEqual(await stored(), before);

    assert.deepEqual(await syncDirectoryFromGraph(stack.config, stack.app, logger).then((r) => r.people), stack.sim.municipality.people.length);
    assert.deepEqual(await stored(), before);
  });
});
