import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConnectionOptions } from './database-connection';
import { buildDataSourceOptions, type DataSourceContent } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { serializeSqliteTransactions } from './sqlite-transaction.gate';

/** Initialises a DataSource from finished options (SQLite gets its transaction gate). */
export async function initializeDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  serializeSqliteTransactions(dataSource);
  return dataSource;
}

/** For CLIs and tests: create the database if needed, then connect. Does not migrate. */
export async function createDataSource(
  connection: DatabaseConnectionOptions,
  content: DataSourceContent,
): Promise<DataSource> {
  await ensureDatabase(connection);
  return initializeDataSource(buildDataSourceOptions(connection, content));
}
