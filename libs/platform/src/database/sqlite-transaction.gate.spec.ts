import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { CreateTestCounters1764201700000, TestCounterEntity } from '../testing/fixtures/test-counter.fixture';
import { createDataSource } from './create-data-source';
import { runMigrations } from './run-migrations';

describe('SQLite transaction gate', () => {
  let directory: string;
  let dataSource: DataSource;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gmdb-gate-'));
    dataSource = await createDataSource(
      { kind: 'sqlite', path: join(directory, 'g.sqlite') },
      { entities: [TestCounterEntity], migrations: [CreateTestCounters1764201700000] },
    );
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await rm(directory, { recursive: true, force: true });
  });

  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('keeps a rollback in one flow from undoing a concurrent flow', async () => {
    const failing = dataSource.transaction(async (manager) => {
      await manager.insert(TestCounterEntity, { id: 'rolled-back', value: 1 });
      await pause(30);
      throw new Error('abort');
    });
    const succeeding = dataSource.transaction(async (manager) => {
      await pause(5);
      await manager.insert(TestCounterEntity, { id: 'kept', value: 1 });
    });
    // A plain query from a third flow waits for the open transaction instead of joining it.
    const plain = (async () => {
      await pause(10);
      await dataSource.getRepository(TestCounterEntity).insert({ id: 'plain', value: 1 });
    })();
    const results = await Promise.allSettled([failing, succeeding, plain]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    const ids = (await dataSource.getRepository(TestCounterEntity).find()).map((r) => r.id).sort();
    expect(ids).toEqual(['kept', 'plain']);
  });

  it('lets a transaction use the root manager inside its own callback', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.insert(TestCounterEntity, { id: 'inner', value: 1 });
      expect(await dataSource.getRepository(TestCounterEntity).countBy({ id: 'inner' })).toBe(1);
    });
  });
});
