import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '../messaging/messaging.schema';
import { ProcessedMessageEntity } from '../messaging/processed-message.entity';
import { type TestDatabase, createTestDatabase } from '../testing/test-database';
import { CreateTestCounters1764201700000, SlowTestMigration1764201800000, TestCounterEntity } from '../testing/fixtures/test-counter.fixture';
import { createDataSource } from './create-data-source';
import type { DatabaseConnectionOptions } from './database-connection';
import { checkDatabase } from './database-health';
import { runMigrations } from './run-migrations';
import { isUniqueViolation } from './unique-violation';

const content = {
  entities: [...MESSAGING_ENTITIES, TestCounterEntity],
  migrations: [...MESSAGING_MIGRATIONS, CreateTestCounters1764201700000, SlowTestMigration1764201800000],
};

async function migrateConcurrently(connection: DatabaseConnectionOptions, runners: number): Promise<string[][]> {
  const sources: DataSource[] = [];
  for (let i = 0; i < runners; i++) sources.push(await createDataSource(connection, content));
  try {
    return await Promise.all(sources.map((s) => runMigrations(s)));
  } finally {
    await Promise.all(sources.map((s) => s.destroy()));
  }
}

async function expectOneDuplicateRejected(dataSource: DataSource): Promise<void> {
  const row = { consumer: 'c', messageId: 'm1', name: 'reindex', processedAt: new Date() };
  await dataSource.getRepository(ProcessedMessageEntity).insert(row);
  const error = await dataSource.getRepository(ProcessedMessageEntity).insert(row).catch((e: unknown) => e);
  expect(isUniqueViolation(error)).toBe(true);
}

describe('runMigrations on MariaDB', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ ...content, migrate: false });
  });
  afterAll(() => db?.drop());

  it('applies every migration exactly once under concurrent runners', async () => {
    const results = await migrateConcurrently({ kind: 'mysql', url: db.url }, 3);
    expect(results.flat().sort()).toEqual(content.migrations.map((m) => new m().name!).sort());
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    const [{ n }] = (await db.dataSource.query("SELECT COUNT(*) AS n FROM test_counters WHERE id = 'migrated'")) as Array<{ n: number | string }>;
    expect(Number(n)).toBe(1);
    expect(await runMigrations(db.dataSource)).toEqual([]);
  });

  it('detects unique violations and answers the readiness probe', async () => {
    await expectOneDuplicateRejected(db.dataSource);
    await expect(checkDatabase(db.dataSource)).resolves.toMatchObject({ status: 'up' });
  });

  it('creates utf8mb4 databases', async () => {
    const [row] = (await db.dataSource.query(
      'SELECT DEFAULT_CHARACTER_SET_NAME AS cs FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [db.name],
    )) as Array<{ cs: string }>;
    expect(row.cs).toBe('utf8mb4');
  });
});

describe('runMigrations on SQLite', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'gmdb-migrate-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('applies every migration once under concurrent runners on one file', async () => {
    const connection: DatabaseConnectionOptions = { kind: 'sqlite', path: join(directory, 'nested', 'a.sqlite') };
    const results = await migrateConcurrently(connection, 3);
    expect(results.flat()).toHaveLength(content.migrations.length);
    const source = await createDataSource(connection, content);
    try {
      expect(await runMigrations(source)).toEqual([]);
      await expectOneDuplicateRejected(source);
      await expect(checkDatabase(source)).resolves.toMatchObject({ status: 'up' });
    } finally {
      await source.destroy();
    }
    await expect(checkDatabase(source)).resolves.toMatchObject({ status: 'down' });
  });
});
