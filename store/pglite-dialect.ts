import type { PGlite, Transaction } from '@electric-sql/pglite';
import { CurrentSchemaIntrospector } from './current-schema-introspector.js';
import {
  PostgresAdapter,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/**
 * A Kysely dialect over embedded PGlite. PGlite has one connection and serialises every call, so
 * a Kysely transaction is mapped onto `pglite.transaction()`, which holds PGlite's exclusive lock
 * until Kysely commits or rolls back: other callers (pg-boss, other requests) wait instead of
 * slipping their statements into our transaction.
 */
export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new CurrentSchemaIntrospector(db);
  }
}

class PGliteDriver implements Driver {
  constructor(private readonly pglite: PGlite) {}

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteConnection(this.pglite);
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end('commit');
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).end('rollback');
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {
    // The owner of the PGlite instance closes it (see openDatabase).
  }
}

class PGliteConnection implements DatabaseConnection {
  private tx: Transaction | undefined;
  private settle: ((outcome: 'commit' | 'rollback') => void) | undefined;
  private finished: Promise<unknown> | undefined;

  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.tx ?? this.pglite;
    const result = await target.query<R>(query.sql, [...query.parameters]);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on PGlite');
  }

  /** Opens a PGlite transaction and keeps it open until end() settles it. */
  begin(): Promise<void> {
    return new Promise<void>((started, failedToStart) => {
      this.finished = this.pglite
        .transaction(
          (tx) =>
            new Promise<void>((resolve, reject) => {
              this.tx = tx;
              this.settle = (outcome) => {
                if (outcome === 'commit') resolve();
                else tx.rollback().then(resolve, reject);
              };
              started();
            }),
        )
        .catch((error: unknown) => {
          failedToStart(error);
          throw error;
        });
    });
  }

  async end(outcome: 'commit' | 'rollback'): Promise<void> {
    const settle = this.settle;
    this.tx = undefined;
    this.settle = undefined;
    if (!settle) throw new Error('No transaction is open on this connection');
    settle(outcome);
    await this.finished;
  }
}
