import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectRepository, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '../messaging/messaging.schema';
import { CreateTestCounters1764201700000, TestCounterEntity } from '../testing/fixtures/test-counter.fixture';
import { dropMysqlDatabase, testDatabaseName } from '../testing/test-database';
import { TEST_MYSQL_URL } from '../testing/test-services';
import { DatabaseModule } from './database.module';
import { mysqlUrlWithDatabase } from './mysql-url';

@Injectable()
class CounterReader {
  constructor(@InjectRepository(TestCounterEntity) readonly counters: Repository<TestCounterEntity>) {}
}

const entities = [...MESSAGING_ENTITIES, TestCounterEntity];
const migrations = [...MESSAGING_MIGRATIONS, CreateTestCounters1764201700000];

async function bootAndCheck(connection: string, migrationsRun: boolean): Promise<string[]> {
  @Module({
    imports: [DatabaseModule.forRoot({ connection, entities, migrations, migrationsRun })],
    providers: [CounterReader],
  })
  class AppModule {}
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  try {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    expect(dataSource.options.synchronize).toBe(false);
    const applied = (await dataSource.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>;
    if (migrationsRun) await app.get(CounterReader).counters.insert({ id: 'x', value: 1 });
    return applied.map((r) => r.name);
  } finally {
    await app.close();
  }
}

describe('DatabaseModule.forRoot', () => {
  it('creates the MariaDB database from its URL and migrates at boot when asked', async () => {
    const name = testDatabaseName();
    const url = mysqlUrlWithDatabase(`${TEST_MYSQL_URL.replace(/\/+$/, '')}/x`, name);
    try {
      expect(await bootAndCheck(url, true)).toEqual(migrations.map((m) => new m().name));
      expect(await bootAndCheck(url, false)).toHaveLength(migrations.length);
    } finally {
      await dropMysqlDatabase(url, name);
    }
  });

  it('opens a SQLite file under a new folder and migrates it', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gmdb-dbmodule-'));
    try {
      const url = `sqlite:${join(directory, 'var', 'case.sqlite')}`;
      expect(await bootAndCheck(url, true)).toHaveLength(migrations.length);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('does not migrate unless asked', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'gmdb-dbmodule-'));
    try {
      // better-sqlite3 is native and cached across test files: its errors may come from another realm.
      const result: unknown = await bootAndCheck(`sqlite:${join(directory, 'a.sqlite')}`, false).catch((e: unknown) => e);
      expect(String((result as { message?: unknown }).message)).toMatch(/no such table: migrations/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
