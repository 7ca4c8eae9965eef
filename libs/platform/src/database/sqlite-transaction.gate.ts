import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AsyncMutex } from './async-mutex';

const GATED = Symbol.for('gmdb.sqliteTransactionGate');
type Holder = symbol | 'implicit' | null;
type AnyAsync = (...args: unknown[]) => Promise<unknown>;

export function isSqlite(dataSource: DataSource): boolean {
  return dataSource.options.type === 'better-sqlite3' || dataSource.options.type === 'sqlite';
}

/**
 * TypeORM's SQLite drivers run every query runner on ONE connection, so two async flows that
 * each open a transaction end up nested in each other (a rollback in one undoes the other).
 * In standalone mode HTTP requests, the outbox relay and the in-process consumers share a
 * service's SQLite file, so this gate serialises transactions per data source:
 * - `dataSource.transaction()` / `manager.transaction()` wait for a FIFO lock, and the callback
 *   runs with the lock (its own queries, also through the root manager, go straight through);
 * - a transaction TypeORM opens by itself (`save()` outside a transaction, migrations) takes
 *   the lock too;
 * - a single query from another flow waits while an explicit transaction is open.
 * MySQL is untouched (a pool gives each transaction its own connection).
 */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  if (!isSqlite(dataSource)) return;
  const marked = dataSource as DataSource & { [GATED]?: true };
  if (marked[GATED]) return;
  marked[GATED] = true;

  const mutex = new AsyncMutex();
  const flow = new AsyncLocalStorage<symbol>();
  let holder: Holder = null;
  let releaseImplicit: (() => void) | null = null;
  const isOwner = (): boolean => typeof holder === 'symbol' && flow.getStore() === holder;

  const manager: EntityManager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as AnyAsync;
  const gatedTransaction: AnyAsync = async (...args) => {
    if (isOwner()) return transaction(...args);
    const release = await mutex.acquire();
    const token = Symbol('sqlite-transaction');
    holder = token;
    try {
      return await flow.run(token, () => transaction(...args));
    } finally {
      holder = null;
      release();
    }
  };
  manager.transaction = gatedTransaction as EntityManager['transaction'];

  // The SQLite drivers hand out one shared query runner; patch that instance.
  const runner: QueryRunner = dataSource.createQueryRunner();
  const start = runner.startTransaction.bind(runner);
  const commit = runner.commitTransaction.bind(runner);
  const rollback = runner.rollbackTransaction.bind(runner);
  const query = runner.query.bind(runner) as AnyAsync;

  const endImplicit = (): void => {
    if (holder === 'implicit' && !runner.isTransactionActive) {
      holder = null;
      const release = releaseImplicit;
      releaseImplicit = null;
      release?.();
    }
  };

  runner.startTransaction = async (isolation) => {
    if (isOwner() || (holder === 'implicit' && runner.isTransactionActive)) return start(isolation);
    const release = await mutex.acquire();
    holder = 'implicit';
    releaseImplicit = release;
    try {
      await start(isolation);
    } catch (e) {
      endImplicit();
      throw e;
    }
  };
  runner.commitTransaction = async () => {
    try {
      await commit();
    } finally {
      endImplicit();
    }
  };
  runner.rollbackTransaction = async () => {
    try {
      await rollback();
    } finally {
      endImplicit();
    }
  };
  const gatedQuery: AnyAsync = async (...args) => {
    if (typeof holder !== 'symbol' || isOwner()) return query(...args);
    return mutex.runExclusive(() => query(...args));
  };
  runner.query = gatedQuery as QueryRunner['query'];
}
