import { routesWith } from '../testing/routes.fixture';
import { EventName, JobName, type MessageEnvelope, QueueName } from '@gmdb/domain';
import { IsNull, Not } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { CreateTestCounters1764201700000, TestCounterEntity } from '../testing/fixtures/test-counter.fixture';
import { type TestDatabase, createTestDatabase, createTestSqliteDatabase } from '../testing/test-database';
import { clearRedisPrefix, testQueuePrefix, testRedisUrl } from '../testing/test-redis';
import { BullMqTransport } from './bullmq.transport';
import { InProcessTransport } from './in-process.transport';
import type { MessageTransport } from './message-transport';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from './messaging.schema';
import { Outbox } from './outbox';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxRelay } from './outbox-relay';

const routes = routesWith({
  [JobName.Reindex]: [QueueName.Inference],
  [EventName.CaseDeleted]: [QueueName.Inference, QueueName.Consent],
});
const content = {
  entities: [...MESSAGING_ENTITIES, TestCounterEntity],
  migrations: [...MESSAGING_MIGRATIONS, CreateTestCounters1764201700000],
};

function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = async (): Promise<void> => {
      if (await check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(() => void tick(), 10);
    };
    void tick();
  });
}

type Setup = { name: string; database: () => Promise<TestDatabase>; transport: () => MessageTransport };
let namespace = 0;
const setups: Setup[] = [
  {
    name: 'MariaDB + BullMQ',
    database: () => createTestDatabase(content),
    transport: () => new BullMqTransport({ redisUrl: testRedisUrl(), prefix: testQueuePrefix() }),
  },
  {
    name: 'SQLite + in-process',
    database: () => createTestSqliteDatabase(content),
    transport: () => new InProcessTransport({ namespace: `outbox-${++namespace}` }),
  },
];

/** A transport that only counts what it is asked to publish. */
function countingTransport(): MessageTransport & { published: string[] } {
  const published: string[] = [];
  return {
    driver: 'in-process',
    published,
    publish: async (_queue, envelope) => void published.push(envelope.id),
    consume: () => Promise.reject(new Error('not used')),
    checkHealth: async () => ({ status: 'up', latencyMs: 0 }),
    close: async () => undefined,
  };
}

describe.each(setups)('outbox and relay on $name', ({ database, transport: makeTransport }) => {
  let db: TestDatabase;
  let transport: MessageTransport;
  const outbox = new Outbox(routes);
  const received: Array<{ queue: QueueName; envelope: MessageEnvelope }> = [];

  beforeAll(async () => {
    db = await database();
    transport = makeTransport();
    for (const queue of [QueueName.Inference, QueueName.Consent]) {
      await transport.consume(queue, async (envelope) => void received.push({ queue, envelope }), { concurrency: 1 });
    }
  });
  afterAll(async () => {
    await transport?.close();
    await db?.drop();
  });
  beforeEach(() => (received.length = 0));

  it('publishes a committed state change with its message, in order, to every routed queue', async () => {
    const envelopes = await RequestContext.run({ correlationId: 'corr-1' }, () =>
      db.dataSource.transaction(async (manager) => {
        await manager.insert(TestCounterEntity, { id: 'c1', value: 1 });
        const first = await outbox.add(manager, { name: JobName.Reindex, payload: { reason: 'first' } });
        const deleted = { name: EventName.CaseDeleted, payload: { caseId: 'c1' } } as const;
        const second = await outbox.add(manager, deleted, { jobId: 'case-deleted:c1' });
        return [first, second];
      }),
    );
    const relay = new OutboxRelay(db.dataSource, transport, { routes });
    expect(await relay.publishPending()).toBe(2);
    await waitFor(() => received.length === 3);
    const inference = received.filter((r) => r.queue === QueueName.Inference);
    expect(inference.map((r) => r.envelope.id)).toEqual(envelopes.map((e) => e.id));
    expect(received.find((r) => r.queue === QueueName.Consent)?.envelope).toMatchObject({
      id: envelopes[1].id,
      name: EventName.CaseDeleted,
      payload: { caseId: 'c1' },
      correlationId: 'corr-1',
    });
    expect(await db.dataSource.getRepository(OutboxMessageEntity).countBy({ publishedAt: Not(IsNull()) })).toBe(2);
    expect(await relay.publishPending()).toBe(0);
  });

  it('emits nothing for a rolled back state change', async () => {
    await expect(
      db.dataSource.transaction(async (manager) => {
        await manager.insert(TestCounterEntity, { id: 'rolled-back', value: 1 });
        await outbox.add(manager, { name: JobName.Reindex, payload: { reason: 'never' } });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const relay = new OutboxRelay(db.dataSource, transport, { routes });
    expect(await relay.publishPending()).toBe(0);
    expect(await db.dataSource.getRepository(TestCounterEntity).existsBy({ id: 'rolled-back' })).toBe(false);
  });

  it('is kicked right after the commit and keeps a row whose publish failed', async () => {
    const relay = new OutboxRelay(db.dataSource, transport, { routes, pollIntervalMs: 60_000 });
    relay.start();
    try {
      await new Promise((r) => setTimeout(r, 50));
      const envelope = await db.dataSource.transaction((manager) =>
        outbox.add(manager, { name: JobName.Reindex, payload: { reason: 'kicked' } }),
      );
      await waitFor(() => received.some((r) => r.envelope.id === envelope.id), 3000);
    } finally {
      await relay.stop();
    }

    const broken = { ...countingTransport(), publish: () => Promise.reject(new Error('redis down')) };
    const failing = new OutboxRelay(db.dataSource, broken, { routes });
    const later = { name: JobName.Reindex, payload: { reason: 'later' } } as const;
    const row = await db.dataSource.transaction((manager) => outbox.add(manager, later));
    await expect(failing.publishPending()).rejects.toThrow(/publish failed after 0 rows \(Error: redis down\)/);
    const stored = await db.dataSource.getRepository(OutboxMessageEntity).findOneByOrFail({ messageId: row.id });
    expect(stored).toMatchObject({ publishedAt: null, attempts: 1, lastError: 'Error: redis down' });
    expect(await new OutboxRelay(db.dataSource, transport, { routes }).publishPending()).toBe(1);
  });

  it('refuses a message that no queue consumes', async () => {
    const encode = { name: JobName.EncodeImage, payload: { imageId: 'i', caseId: 'c', objectKey: 'k' } } as const;
    await expect(db.dataSource.transaction((manager) => outbox.add(manager, encode))).rejects.toThrow(/not routed/);
  });

  it('lets concurrent relays publish each row once', async () => {
    const envelopes = await db.dataSource.transaction(async (manager) => {
      const added = [];
      for (let i = 0; i < 30; i++) added.push(await outbox.add(manager, { name: JobName.Reindex, payload: { reason: `r${i}` } }));
      return added;
    });
    const spy = countingTransport();
    const relays = [1, 2, 3].map(() => new OutboxRelay(db.dataSource, spy, { routes, batchSize: 4 }));
    const counts = await Promise.all(relays.map((r) => r.publishPending()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    expect([...spy.published].sort()).toEqual(envelopes.map((e) => e.id).sort());
  });
});

afterAll(() => clearRedisPrefix(testQueuePrefix()));
