import type { Provider, ModuleMetadata } from '@nestjs/common';
import type { z } from 'zod';
import type { PlatformConfig } from '../config/platform-config.schema';
import type { QueueName } from '@gmdb/domain';
import type { EntityClass, MigrationClass } from '../database/database-connection';
import type { MessageHandlerClass } from '../messaging/message-handler';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from '../messaging/messaging.schema';
import type { HttpAppOptions } from './start-http-app';
import { startHttpApp } from './start-http-app';
import type { ServiceDefinition, ServiceDeps } from './service-definition';
import { resolveServiceDatabase } from './service-database';
import { createServiceModule } from './service-module';

type HttpServiceConfig = PlatformConfig & { GMDB_HTTP_HOST: string; GMDB_BODY_LIMIT: string; GMDB_TRUST_PROXY?: string };

export interface HttpServiceSpec<C extends HttpServiceConfig> {
  name: string;
  configSchema: z.ZodType<C>;
  port(config: C): number;
  /** The app's own database: the `<PREFIX>_DATABASE_URL` value and its variable name. */
  database?: { url(config: C): string | undefined; variable: string };
  /** The app's own tables; the outbox and inbox tables are added for every app with a database. */
  entities?: EntityClass[];
  migrations?: MigrationClass[];
  /** The queue the app consumes and the handlers of what is routed to it. */
  messaging?: { queue: QueueName; handlers: MessageHandlerClass[] };
  /** Provide `ObjectStorage` (S3) to the app. */
  storage?: boolean;
  /** The app owns institution API keys and researcher tokens (their table is in `entities`). */
  opaqueCredentials?: boolean;
  typeDefs?: string;
  /** The app's own modules; given the config and deps (transport, logger) it was started with. */
  imports?(config: C, deps: ServiceDeps): NonNullable<ModuleMetadata['imports']>;
  providers?: Provider[];
  controllers?: ModuleMetadata['controllers'];
  configure?: HttpAppOptions['configure'];
}

/** A `ServiceDefinition` for an app that is one Nest HTTP server (the subgraphs, the worker's ops port). */
export function defineHttpService<C extends HttpServiceConfig>(spec: HttpServiceSpec<C>): ServiceDefinition<C> {
  const databaseSpec = spec.database;
  const entities = databaseSpec ? [...MESSAGING_ENTITIES, ...(spec.entities ?? [])] : [];
  const migrations = databaseSpec ? [...MESSAGING_MIGRATIONS, ...(spec.migrations ?? [])] : [];
  const database = databaseSpec
    ? (config: C) =>
        resolveServiceDatabase({
          mode: config.GMDB_MODE,
          dataDir: config.GMDB_DATA_DIR,
          url: databaseSpec.url(config),
          variable: databaseSpec.variable,
          sqliteFile: `${spec.name}.sqlite`,
        })
    : undefined;
  return {
    name: spec.name,
    configSchema: spec.configSchema,
    database,
    entities,
    migrations,
    typeDefs: spec.typeDefs,
    start: (config, deps) =>
      startHttpApp(
        createServiceModule({
          serviceName: spec.name,
          config,
          logger: deps.logger,
          transport: deps.transport,
          database: database ? { connection: database(config), entities, migrations } : undefined,
          messaging: spec.messaging,
          storage: spec.storage,
          opaqueCredentials: spec.opaqueCredentials,
          typeDefs: spec.typeDefs,
          imports: spec.imports?.(config, deps),
          providers: spec.providers,
          controllers: spec.controllers,
        }),
        {
          name: spec.name,
          host: config.GMDB_HTTP_HOST,
          port: spec.port(config),
          bodyLimit: config.GMDB_BODY_LIMIT,
          trustProxy: config.GMDB_TRUST_PROXY,
          logger: deps.logger,
          configure: spec.configure,
        },
      ),
  };
}
