import type { DynamicModule, ModuleMetadata, Provider } from '@nestjs/common';
import type { QueueName } from '@gmdb/domain';
import type { PlatformConfig } from '../config/platform-config.schema';
import type { DatabaseConnectionOptions, EntityClass, MigrationClass } from '../database/database-connection';
import { DatabaseModule } from '../database/database.module';
import { graphQLErrorFormatter } from '../errors/graphql-error.formatter';
import { SubgraphModule } from '../graphql/subgraph.module';
import type { Logger } from '../logging/logger.factory';
import type { MessageHandlerClass } from '../messaging/message-handler';
import type { MessageTransport } from '../messaging/message-transport';
import { MessagingModule } from '../messaging/messaging.module';
import { ObjectStorageModule } from './object-storage.module';
import { PlatformModule } from './platform.module';

export interface ServiceModuleOptions {
  serviceName: string;
  config: PlatformConfig;
  logger: Logger;
  transport: MessageTransport;
  /** The app's own database (entities and migrations include the messaging tables). */
  database?: {
    connection: DatabaseConnectionOptions;
    entities: EntityClass[];
    migrations: MigrationClass[];
  };
  /** The queue the app consumes and its handlers (needs `database`: outbox and inbox live there). */
  messaging?: { queue: QueueName; handlers: MessageHandlerClass[] };
  /** Provide `ObjectStorage` on the configured bucket. */
  storage?: boolean;
  /** Accept institution API keys and researcher tokens, verified against this app's database. */
  opaqueCredentials?: boolean;
  /** The subgraph SDL, for the three GraphQL services. */
  typeDefs?: string;
  imports?: ModuleMetadata['imports'];
  providers?: Provider[];
  controllers?: ModuleMetadata['controllers'];
}

class ServiceRootModule {}

/**
 * The root module of one GMDB app: platform plumbing, its database (migrated on boot only in
 * standalone mode; distributed mode migrates through `gmdb migrate`), outbox relay and consumer,
 * S3, its subgraph and its own parts.
 */
export function createServiceModule(options: ServiceModuleOptions): DynamicModule {
  const { config } = options;
  const imports: NonNullable<ModuleMetadata['imports']> = [
    PlatformModule.forRoot({
      serviceName: options.serviceName,
      config,
      logger: options.logger,
      opaqueCredentials: options.opaqueCredentials,
    }),
  ];
  if (options.database) {
    imports.push(DatabaseModule.forRoot({ ...options.database, migrationsRun: config.GMDB_MODE === 'standalone' }));
    imports.push(
      MessagingModule.forRoot({
        transport: options.transport,
        consumerName: options.serviceName,
        queue: options.messaging?.queue,
        handlers: options.messaging?.handlers ?? [],
        handlersProvidedBy: 'app',
      }),
    );
  }
  if (options.storage) imports.push(ObjectStorageModule.forRoot(config));
  if (options.typeDefs) {
    imports.push(
      SubgraphModule.forRoot({
        typeDefs: options.typeDefs,
        introspection: config.NODE_ENV !== 'production',
        formatError: graphQLErrorFormatter(options.logger),
      }),
    );
  }
  return {
    module: ServiceRootModule,
    imports: [...imports, ...(options.imports ?? [])],
    // Message handlers are the app's own providers: they inject its services like any other.
    providers: [...(options.providers ?? []), ...(options.database ? (options.messaging?.handlers ?? []) : [])],
    controllers: options.controllers ?? [],
  };
}
