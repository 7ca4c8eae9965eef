import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../database/create-data-source';
import type { DataSourceContent } from '../database/data-source-options';
import { mysqlUrlWithDatabase, parseMysqlUrl } from '../database/mysql-url';
import { runMigrations } from '../database/run-migrations';
import { TEST_MYSQL_URL } from './test-services';

export interface TestDatabase {
  /** Connected and migrated. */
  dataSource: DataSource;
  /** For code under test that connects by itself (DatabaseModule, a second DataSource). */
  url: string;
  name: string;
  /** Closes the connection and drops the database (call it in afterAll). */
  drop(): Promise<void>;
}

export interface TestDatabaseOptions extends Omit<DataSourceContent, 'name'> {
  /** Skip migrations (tests of the migration runner itself). */
  migrate?: boolean;
}

/** A fresh name per call: `gmdb_t_<12 hex>`. */
export function testDatabaseName(): string {
  return `gmdb_t_${randomBytes(6).toString('hex')}`;
}

/** Drops a test database by name (no error when it is gone). */
export async function dropMysqlDatabase(url: string, name: string): Promise<void> {
  const { host, port, user, password } = parseMysqlUrl(url);
  const conn = await createConnection({ host, port, user, password });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}

/**
 * Each integration test file gets its own MariaDB database, created and migrated here, so
 * files run in parallel without truncation races. Drop it in afterAll.
 */
export async function createTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const name = testDatabaseName();
  const url = mysqlUrlWithDatabase(`${TEST_MYSQL_URL.replace(/\/+$/, '')}/x`, name);
  const dataSource = await createDataSource(
    { kind: 'mysql', url },
    { entities: options.entities, migrations: options.migrations, poolSize: options.poolSize ?? 5 },
  );
  try {
    if (options.migrate !== false) await runMigrations(dataSource);
  } catch (e) {
    await dataSource.destroy();
    await dropMysqlDatabase(url, name);
    throw e;
  }
  return {
    dataSource,
    url,
    name,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropMysqlDatabase(url, name);
    },
  };
}

/** The SQLite twin (standalone mode): a file in a fresh temp folder, removed by drop(). */
export async function createTestSqliteDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  const directory = await mkdtemp(join(tmpdir(), 'gmdb-test-sqlite-'));
  const path = join(directory, 'test.sqlite');
  const dataSource = await createDataSource(
    { kind: 'sqlite', path },
    { entities: options.entities, migrations: options.migrations },
  );
  if (options.migrate !== false) await runMigrations(dataSource);
  return {
    dataSource,
    url: `sqlite:${path}`,
    name: path,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
