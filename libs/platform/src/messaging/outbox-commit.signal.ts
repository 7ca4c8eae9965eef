import type {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/** Query runners whose open transaction wrote outbox rows. */
const pending = new WeakSet<QueryRunner>();
const listeners = new WeakMap<DataSource, Set<() => void>>();

function notify(dataSource: DataSource): void {
  for (const listener of listeners.get(dataSource) ?? []) listener();
}

/** Told by Outbox.add: the rows become visible at the commit (or now, outside a transaction). */
export function noteOutboxWrite(manager: EntityManager): void {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) pending.add(runner);
  else notify(manager.connection);
}

class OutboxCommitSubscriber implements EntitySubscriberInterface {
  constructor(private readonly dataSource: DataSource) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint also reports a commit; only the outermost one makes rows visible.
    if (event.queryRunner.isTransactionActive || !pending.has(event.queryRunner)) return;
    pending.delete(event.queryRunner);
    notify(this.dataSource);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}

/**
 * Calls `listener` right after a transaction that wrote outbox rows commits on `dataSource`
 * (the relay's kick). Returns the unsubscribe function.
 */
export function onOutboxCommitted(dataSource: DataSource, listener: () => void): () => void {
  let set = listeners.get(dataSource);
  if (!set) {
    set = new Set();
    listeners.set(dataSource, set);
    dataSource.subscribers.push(new OutboxCommitSubscriber(dataSource));
  }
  set.add(listener);
  return () => set.delete(listener);
}
