import { resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConnectionOptions, EntityClass, MigrationClass } from './database-connection';
import { parseMysqlUrl } from './mysql-url';

export interface DataSourceContent {
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** TypeORM / Nest data source name; only needed when one process holds several. */
  name?: string;
  /** TypeORM's own query logging (off by default). */
  logging?: boolean;
  /** MySQL connection pool size (default 10). */
  poolSize?: number;
}

/** The table where TypeORM records applied migrations (same name on both engines). */
export const MIGRATIONS_TABLE = 'migrations';

/**
 * TypeORM options for either engine. The schema only ever changes through migrations:
 * `synchronize` is off and migrations never run implicitly on `initialize()`.
 */
export function buildDataSourceOptions(
  connection: DatabaseConnectionOptions,
  content: DataSourceContent,
): DataSourceOptions {
  const common = {
    name: content.name,
    entities: content.entities,
    migrations: content.migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    dropSchema: false,
    logging: content.logging ?? false,
  } as const;

  if (connection.kind === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: connection.path === ':memory:' ? ':memory:' : resolve(connection.path),
      enableWAL: connection.path !== ':memory:',
      timeout: 5000,
    };
  }

  const parts = parseMysqlUrl(connection.url);
  if (!parts.database) throw new Error('The MySQL URL must name a database (mysql://host:3306/gmdb_case)');
  return {
    ...common,
    type: 'mysql',
    connectorPackage: 'mysql2',
    host: parts.host,
    port: parts.port,
    username: parts.user,
    password: parts.password,
    database: parts.database,
    charset: 'utf8mb4',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    dateStrings: false,
    poolSize: content.poolSize ?? 10,
  };
}
