import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { transactionWithRetry } from './transaction-retry';

const failure = (driverError: object) => new QueryFailedError('INSERT ...', [], Object.assign(new Error('x'), driverError));
const DEADLOCK = { code: 'ER_LOCK_DEADLOCK', errno: 1213 };
const DUPLICATE = { code: 'ER_DUP_ENTRY', errno: 1062 };

/** A data source whose transactions fail with the given driver errors, in order, then succeed. */
function failingThen(errors: object[]): { dataSource: DataSource; runs: () => number } {
  let runs = 0;
  const dataSource = {
    transaction: async (work: (manager: EntityManager) => Promise<unknown>) => {
      runs += 1;
      const next = errors.shift();
      if (next) throw failure(next);
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, runs: () => runs };
}

describe('transactionWithRetry', () => {
  it('runs again after deadlocks and a lost unique race, then returns the result', async () => {
    const { dataSource, runs } = failingThen([DEADLOCK, DUPLICATE, DEADLOCK]);
    await expect(transactionWithRetry(dataSource, async () => 'done')).resolves.toBe('done');
    expect(runs()).toBe(4);
  });

  it('gives up after its budget of each kind and throws the last error as it is', async () => {
    const deadlocks = failingThen([DEADLOCK, DEADLOCK, DEADLOCK]);
    await expect(transactionWithRetry(deadlocks.dataSource, async () => 'done', { transient: 2, unique: 0 })).rejects.toMatchObject({ driverError: { errno: 1213 } });
    expect(deadlocks.runs()).toBe(3);
    const duplicates = failingThen([DUPLICATE, DUPLICATE]);
    await expect(transactionWithRetry(duplicates.dataSource, async () => 'done')).rejects.toMatchObject({ driverError: { errno: 1062 } });
    expect(duplicates.runs()).toBe(2);
  });

  it('never runs again after any other error', async () => {
    let runs = 0;
    const dataSource = { transaction: async () => { runs += 1; throw new Error('boom'); } } as unknown as DataSource;
    await expect(transactionWithRetry(dataSource, async () => 'done')).rejects.toThrow('boom');
    expect(runs).toBe(1);
  });
});
