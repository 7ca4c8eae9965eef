import { routesWith } from '../testing/routes.fixture';
import { Injectable, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { EventName, JobName, QueueName } from '@gmdb/domain';
import type { DataSource } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { DatabaseModule } from '../database/database.module';
import { CreateTestCounters1764201700000, TestCounterEntity } from '../testing/fixtures/test-counter.fixture';
import { type TestDatabase, createTestDatabase, createTestSqliteDatabase } from '../testing/test-database';
import { clearRedisPrefix, testQueuePrefix, testRedisUrl } from '../testing/test-redis';
import type { TransportOptions } from './create-transport';
import { MessagingConfigurationError } from './handler-registry';
import { HandlesMessage } from './handles-message.decorator';
import type { MessageContext, MessageHandler } from './message-handler';
import { MESSAGE_TRANSPORT, MessagingModule } from './messaging.module';
import type { MessageTransport } from './message-transport';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from './messaging.schema';
import { Outbox } from './outbox';

const routes = routesWith({ [JobName.Reindex]: [QueueName.Inference] });
const entities = [...MESSAGING_ENTITIES, TestCounterEntity];
const migrations = [...MESSAGING_MIGRATIONS, CreateTestCounters1764201700000];
const correlationIds: string[] = [];

@Injectable()
@HandlesMessage(JobName.Reindex)
class CountingHandler implements MessageHandler<JobName.Reindex> {
  async handle(payload: { reason: string }, context: MessageContext<JobName.Reindex>): Promise<void> {
    correlationIds.push(RequestContext.correlationId() ?? '');
    const manager = context.manager!;
    const row = await manager.findOneBy(TestCounterEntity, { id: payload.reason });
    await manager.save(TestCounterEntity, { id: payload.reason, value: (row?.value ?? 0) + 1 });
  }
}

async function startApp(db: TestDatabase, transport: TransportOptions): Promise<INestApplicationContext> {
  @Module({
    imports: [
      DatabaseModule.forRoot({ connection: db.url, entities, migrations }),
      MessagingModule.forRoot({
        transport,
        queue: QueueName.Inference,
        handlers: [CountingHandler],
        consumerName: 'platform-test',
        routes,
        outbox: { pollIntervalMs: 100 },
      }),
    ],
  })
  class AppModule {}
  return NestFactory.createApplicationContext(AppModule, { logger: false });
}

async function counter(dataSource: DataSource, id: string): Promise<number> {
  return (await dataSource.getRepository(TestCounterEntity).findOneBy({ id }))?.value ?? 0;
}

async function waitForCounter(dataSource: DataSource, id: string, value: number): Promise<void> {
  const deadline = Date.now() + 8000;
  while ((await counter(dataSource, id)) !== value) {
    if (Date.now() > deadline) throw new Error(`counter ${id} never reached ${value}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const setups = [
  {
    name: 'MariaDB + BullMQ',
    database: () => createTestDatabase({ entities, migrations }),
    transport: (): TransportOptions => ({ driver: 'bullmq', redisUrl: testRedisUrl(), prefix: testQueuePrefix() }),
  },
  {
    name: 'SQLite + in-process',
    database: () => createTestSqliteDatabase({ entities, migrations }),
    transport: (): TransportOptions => ({ driver: 'in-process', namespace: 'module-spec' }),
  },
];

describe.each(setups)('MessagingModule on $name', ({ database, transport }) => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  beforeAll(async () => {
    db = await database();
    app = await startApp(db, transport());
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('runs the handler once per message id, through the outbox, with the correlation id', async () => {
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const outbox = app.get(Outbox);
    const envelope = await RequestContext.run({ correlationId: 'corr-module' }, () =>
      dataSource.transaction((manager) => outbox.add(manager, { name: JobName.Reindex, payload: { reason: 'once' } })),
    );
    await waitForCounter(dataSource, 'once', 1);
    expect(correlationIds).toContain('corr-module');

    // The same message delivered again (another job id defeats the queue's own dedupe).
    const transportInstance = app.get<MessageTransport>(MESSAGE_TRANSPORT);
    await transportInstance.publish(QueueName.Inference, envelope, { jobId: 'redelivery' });
    await transportInstance.publish(QueueName.Inference, { ...envelope, id: 'another-id' }, { jobId: 'other' });
    await waitForCounter(dataSource, 'once', 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(await counter(dataSource, 'once')).toBe(2);
  });
});

describe('MessagingModule start-up checks', () => {
  const transport: TransportOptions = { driver: 'in-process', namespace: 'refusal' };

  @HandlesMessage(JobName.Reindex)
  class SecondHandler implements MessageHandler<JobName.Reindex> {
    async handle(): Promise<void> {
    // registration only
  }
  }

  @HandlesMessage(EventName.CaseDeleted)
  class StrayHandler implements MessageHandler<EventName.CaseDeleted> {
    async handle(): Promise<void> {
    // registration only
  }
  }

  const forRoot = (handlers: Array<new () => MessageHandler<never>>) => () =>
    MessagingModule.forRoot({ transport, queue: QueueName.Inference, handlers, consumerName: 't', routes });

  it('refuses a routed message without a handler', () => {
    expect(forRoot([])).toThrow(MessagingConfigurationError);
    expect(forRoot([])).toThrow(/reindex is routed to gmdb-inference but has no handler/);
  });

  it('refuses a message with two handlers', () => {
    expect(forRoot([CountingHandler, SecondHandler])).toThrow(/reindex has 2 handlers/);
  });

  it('refuses a handler for a message not routed to the queue', () => {
    expect(forRoot([CountingHandler, StrayHandler])).toThrow(/StrayHandler handles case.deleted/);
  });

  it("with handlersProvidedBy 'app', a handler injects the app module's own providers; one nobody provides stops the start", async () => {
    @Injectable()
    class AppService {
      readonly seen: string[] = [];
    }

    @Injectable()
    @HandlesMessage(JobName.Reindex)
    class AppScopedHandler implements MessageHandler<JobName.Reindex> {
      constructor(private readonly service: AppService) {}
      async handle(payload: { reason: string }): Promise<void> {
        this.service.seen.push(payload.reason);
      }
    }

    const messaging = (namespace: string) =>
      MessagingModule.forRoot({
        transport: { driver: 'in-process', namespace },
        queue: QueueName.Inference,
        handlers: [AppScopedHandler],
        handlersProvidedBy: 'app',
        consumerName: 'app-scoped',
        routes,
        outbox: false,
      });

    @Module({ imports: [messaging('app-scoped')], providers: [AppService, AppScopedHandler] })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
      const transportInstance = app.get<MessageTransport>(MESSAGE_TRANSPORT);
      await transportInstance.publish(QueueName.Inference, { id: 'm-1', name: JobName.Reindex, payload: { reason: 'app' }, occurredAt: new Date().toISOString() });
      const deadline = Date.now() + 5000;
      while (app.get(AppService).seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(app.get(AppService).seen).toEqual(['app']);
    } finally {
      await app.close();
    }

    @Module({ imports: [messaging('app-scoped-missing')], providers: [AppService] })
    class ForgetfulModule {}
    await expect(NestFactory.createApplicationContext(ForgetfulModule, { logger: false, abortOnError: false })).rejects.toThrow(
      /message handler AppScopedHandler is not provided by the app/,
    );
  });

  it('starts an app whose queue nothing is routed to, with no handlers', async () => {
    const nothingRouted = routesWith();
    @Module({
      imports: [MessagingModule.forRoot({ transport, queue: QueueName.Case, consumerName: 'empty', routes: nothingRouted })],
    })
    class EmptyModule {}
    const app = await NestFactory.createApplicationContext(EmptyModule, { logger: false });
    await app.close();
  });
});

afterAll(() => clearRedisPrefix(testQueuePrefix()));
