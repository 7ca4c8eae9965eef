import { type DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConnectionOptions, EntityClass, MigrationClass } from './database-connection';
import { buildDataSourceOptions } from './data-source-options';
import { parseDatabaseUrl } from './database-url';
import { initializeDataSource } from './create-data-source';
import { ensureDatabase } from './ensure-database';
import { runMigrations } from './run-migrations';

export interface DatabaseModuleOptions {
  /** `{ kind, url | path }` or a URL: `mysql://root@127.0.0.1:3306/gmdb_case`, `sqlite:./var/case.sqlite`. */
  connection: DatabaseConnectionOptions | string;
  /** Every entity of the service, the messaging ones (MESSAGING_ENTITIES) included. */
  entities: EntityClass[];
  /** Every migration of the service in order, MessagingMigrations included. */
  migrations: MigrationClass[];
  /**
   * Standalone: true (each start brings the SQLite file up to date, under the migration lock).
   * Distributed: false (the default); migrations run once from `gmdb migrate` / the k8s Job.
   */
  migrationsRun?: boolean;
  /** Data source name; only when one Nest application holds several data sources. */
  name?: string;
  logging?: boolean;
  poolSize?: number;
  /** Connection attempts at boot before giving up (default 5, 2 s apart). */
  connectAttempts?: number;
}

/**
 * TypeORM for one service: `@InjectRepository(Entity)` and `DataSource` injection work in
 * every module of the app (the module is global and registers all entities as repositories).
 */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    const logger = new Logger('Database');
    const connection =
      typeof options.connection === 'string' ? parseDatabaseUrl(options.connection) : options.connection;
    const attempts = options.connectAttempts ?? 5;
    const root = TypeOrmModule.forRootAsync({
      name: options.name,
      useFactory: async () => {
        await ensureDatabase(connection);
        return {
          ...buildDataSourceOptions(connection, options),
          retryAttempts: Math.max(0, attempts - 1),
          retryDelay: 2000,
        };
      },
      dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
        if (!dataSourceOptions) throw new Error('DatabaseModule: no data source options');
        const dataSource = await initializeDataSource(dataSourceOptions);
        if (options.migrationsRun) {
          try {
            await runMigrations(dataSource, { logger });
          } catch (e) {
            await dataSource.destroy();
            throw e;
          }
        }
        return dataSource;
      },
    });
    const repositories = TypeOrmModule.forFeature(options.entities, options.name);
    return {
      module: DatabaseModule,
      global: true,
      imports: [root, repositories],
      exports: [repositories],
    };
  }
}
