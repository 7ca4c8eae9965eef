import type { DataSource, EntityManager } from 'typeorm';
import { isTransientConflict } from './transient-conflict';
import { isUniqueViolation } from './unique-violation';

export interface TransactionRetry {
  /** More runs after a deadlock or lock-wait timeout (the database rolled the transaction back). */
  transient: number;
  /** More runs after a unique-key violation: a concurrent transaction inserted the row first, and the next run sees it. */
  unique: number;
}

export const DEFAULT_TRANSACTION_RETRY: TransactionRetry = { transient: 4, unique: 1 };

/**
 * Runs `work` in a transaction, and again when the database refused it for a reason a fresh run
 * resolves: two writers racing on a row that does not exist yet (both lock the gap, both insert:
 * one deadlocks) or on a unique key. `work` must keep every side effect inside the transaction;
 * the last error is thrown as it is (callers map a lasting unique violation to CONFLICT).
 */
export async function transactionWithRetry<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  retry: TransactionRetry = DEFAULT_TRANSACTION_RETRY,
): Promise<T> {
  let transient = 0;
  let unique = 0;
  for (;;) {
    try {
      return await dataSource.transaction(work);
    } catch (e) {
      if (isTransientConflict(e) && transient < retry.transient) transient += 1;
      else if (isUniqueViolation(e) && unique < retry.unique) unique += 1;
      else throw e;
    }
  }
}
