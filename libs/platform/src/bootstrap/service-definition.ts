import type { z } from 'zod';
import type { DatabaseConnectionOptions, EntityClass, MigrationClass } from '../database/database-connection';
import type { Logger } from '../logging/logger.factory';
import type { MessageTransport } from '../messaging/message-transport';
import type { RunningService } from './running-service';

/** What a running app gets from whoever starts it (the CLI's `start`/`serve`, or a test). */
export interface ServiceDeps {
  /** The queue transport: BullMQ in distributed mode, one shared in-process transport in standalone. */
  transport: MessageTransport;
  logger: Logger;
  /** Base URLs of the subgraphs, for the gateway (standalone passes the ports actually bound). */
  subgraphs?: { name: string; url: string }[];
}

/**
 * One app as the CLI sees it: its config schema, its database and migrations, and how to start it.
 * Each app's `src/index.ts` exports one of these; the CLI holds the list.
 */
export interface ServiceDefinition<C = unknown> {
  readonly name: string;
  readonly configSchema: z.ZodType<C>;
  /** The app's own database, or undefined for apps without one (the gateway). */
  database?(config: C): DatabaseConnectionOptions;
  readonly entities: EntityClass[];
  readonly migrations: MigrationClass[];
  /** The subgraph SDL of a GraphQL service (the supergraph is composed from these). */
  readonly typeDefs?: string;
  start(config: C, deps: ServiceDeps): Promise<RunningService>;
}
