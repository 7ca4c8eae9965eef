import { type DynamicModule, Logger, Module, type Provider } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { QueueName } from '@gmdb/domain';
import type { DataSource } from 'typeorm';
import { createTransport, type TransportOptions } from './create-transport';
import { buildHandlerRegistry } from './handler-registry';
import { Inbox } from './inbox';
import { createDispatcher } from './message-dispatcher';
import type { MessageHandler, MessageHandlerClass } from './message-handler';
import { MessagePublisher } from './message-publisher';
import type { MessageRoutes } from './message-routes';
import type { MessageTransport } from './message-transport';
import { MessagingRuntime } from './messaging.runtime';
import { Outbox } from './outbox';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';

export const MESSAGE_TRANSPORT = Symbol.for('gmdb.MessageTransport');

export interface MessagingModuleOptions {
  /** A transport instance (the caller closes it) or options (the module creates and closes it). */
  transport: MessageTransport | TransportOptions;
  /** The queue this app consumes; none for an app that only publishes. */
  queue?: QueueName;
  /** Every handler class of the app, each with @HandlesMessage; the only registration point. */
  handlers?: MessageHandlerClass[];
  /**
   * Where the handler classes are provided. 'module' (default): here, so they can inject only
   * global providers. 'app': the caller lists them among its own module's providers (as
   * createServiceModule does), so they inject that module's providers like any service; they are
   * looked up when the app has started, and a handler nobody provides stops the start.
   */
  handlersProvidedBy?: 'module' | 'app';
  /** Inbox key (one per consuming app: `case-service`). */
  consumerName: string;
  /** Routing table (default MESSAGE_ROUTES). */
  routes?: MessageRoutes;
  /** Handlers running at once in this process (default 4). */
  concurrency?: number;
  /** Outbox relay settings; false to run no relay here. Needs DatabaseModule (a DataSource). */
  outbox?: false | Pick<OutboxRelayOptions, 'pollIntervalMs' | 'batchSize' | 'maxBackoffMs' | 'retainPublishedMs'>;
  /** The DatabaseModule's data source name, when it has one. */
  dataSourceName?: string;
}

function isTransport(value: MessageTransport | TransportOptions): value is MessageTransport {
  return typeof (value as MessageTransport).publish === 'function';
}

/**
 * Queues for one app: the transport, the Outbox (inject it and call `add(manager, message)` in
 * your transaction), MessagePublisher (direct publish), the relay, and the consumer of `queue`
 * with its handlers. Refuses to
 * start (throws here, while the app module is built) when the handlers do not match the
 * routes of `queue` exactly.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const handlers = options.handlers ?? [];
    const registry = buildHandlerRegistry(options.queue, handlers, options.routes);
    const owned = !isTransport(options.transport);
    const transportProvider: Provider = {
      provide: MESSAGE_TRANSPORT,
      useFactory: () => (isTransport(options.transport) ? options.transport : createTransport(options.transport)),
    };
    const dataSourceToken = getDataSourceToken(options.dataSourceName);
    const relayProvider: Provider = {
      provide: OutboxRelay,
      inject: [MESSAGE_TRANSPORT, { token: dataSourceToken, optional: true }],
      useFactory: (transport: MessageTransport, dataSource?: DataSource) =>
        options.outbox === false || !dataSource
          ? undefined
          : new OutboxRelay(dataSource, transport, {
              ...(options.outbox ?? {}),
              name: options.consumerName,
              routes: options.routes,
              logger: new Logger('OutboxRelay'),
            }),
    };
    const byApp = options.handlersProvidedBy === 'app';
    const runtimeProvider: Provider = {
      provide: MessagingRuntime,
      inject: [MESSAGE_TRANSPORT, OutboxRelay, { token: dataSourceToken, optional: true }, ModuleRef],
      useFactory: (transport: MessageTransport, relay: OutboxRelay | undefined, dataSource: DataSource | undefined, moduleRef: ModuleRef) => {
        const byClass = new Map<MessageHandlerClass, MessageHandler<never>>();
        // Instances come from the whole app: this module's own, or the caller's module's.
        const resolveHandlers = () => {
          for (const h of handlers) {
            if (byClass.has(h)) continue;
            try {
              byClass.set(h, moduleRef.get<MessageHandler<never>>(h, { strict: !byApp }));
            } catch (e) {
              throw new Error(`message handler ${h.name} is not provided by the app (${e instanceof Error ? e.message : String(e)})`);
            }
          }
        };
        const dispatch =
          options.queue && registry.size > 0
            ? createDispatcher({
                queue: options.queue,
                registry,
                resolve: (registration) => byClass.get(registration.handler) as MessageHandler<never>,
                inbox: dataSource ? new Inbox(dataSource, options.consumerName) : undefined,
              })
            : undefined;
        return new MessagingRuntime({
          transport,
          ownsTransport: owned,
          queue: options.queue,
          dispatch,
          concurrency: options.concurrency ?? 4,
          relay,
          beforeConsuming: resolveHandlers,
        });
      },
    };
    return {
      module: MessagingModule,
      global: true,
      providers: [
        transportProvider,
        { provide: Outbox, useValue: new Outbox(options.routes) },
        {
          provide: MessagePublisher,
          inject: [MESSAGE_TRANSPORT],
          useFactory: (transport: MessageTransport) => new MessagePublisher(transport, options.routes),
        },
        relayProvider,
        ...(byApp ? [] : handlers),
        runtimeProvider,
      ],
      exports: [MESSAGE_TRANSPORT, Outbox, MessagePublisher, OutboxRelay],
    };
  }
}
