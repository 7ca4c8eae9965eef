import { JobName, QueueName } from '@gmdb/domain';
import { CreateTestCounters1764201700000, TestCounterEntity } from '../testing/fixtures/test-counter.fixture';
import { routesWith } from '../testing/routes.fixture';
import { type TestDatabase, createTestSqliteDatabase } from '../testing/test-database';
import { buildHandlerRegistry } from './handler-registry';
import { HandlesMessage } from './handles-message.decorator';
import { Inbox } from './inbox';
import { createDispatcher } from './message-dispatcher';
import { createEnvelope } from './message-envelope';
import type { MessageContext, MessageHandler } from './message-handler';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from './messaging.schema';

/**
 * What the inference worker does on standalone SQLite: a job needs an index that is built by
 * reading the database. Waiting for it inside the inbox transaction holds SQLite's one
 * connection, so the build can never read: both wait for ever. `beforeTransaction` waits first.
 */
describe('MessageHandler.beforeTransaction (SQLite, one connection)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestSqliteDatabase({ entities: [...MESSAGING_ENTITIES, TestCounterEntity], migrations: [...MESSAGING_MIGRATIONS, CreateTestCounters1764201700000] });
  });
  afterAll(() => db?.drop());

  /** An "index" built from the table a moment after start, as GallerySync builds the gallery. */
  const indexBuiltFromTable = () => new Promise<number>((resolve, reject) => setTimeout(() => db.dataSource.getRepository(TestCounterEntity).count().then(resolve, reject), 50));

  @HandlesMessage(JobName.Reindex)
  class WaitsInside implements MessageHandler<JobName.Reindex> {
    constructor(readonly index: Promise<number>) {}
    async handle(_payload: { reason: string }, context: MessageContext<JobName.Reindex>): Promise<void> {
      await this.index;
      await context.manager?.save(TestCounterEntity, { id: 'inside', value: 1 });
    }
  }

  @HandlesMessage(JobName.Reindex)
  class WaitsBefore extends WaitsInside {
    async beforeTransaction(): Promise<void> {
      await this.index;
    }
  }

  const dispatchWith = (handler: WaitsInside) =>
    createDispatcher({
      queue: QueueName.Inference,
      registry: buildHandlerRegistry(QueueName.Inference, [WaitsBefore], routesWith({ [JobName.Reindex]: [QueueName.Inference] })),
      resolve: () => handler,
      inbox: new Inbox(db.dataSource, 'before-transaction-test'),
    });
  const envelope = () => createEnvelope({ name: JobName.Reindex, payload: { reason: 'x' } });
  const within = async (ms: number, work: Promise<unknown>) => {
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise((resolve) => (timer = setTimeout(() => resolve('stuck'), ms)));
    try {
      return await Promise.race([work.then(() => 'done'), stuck]);
    } finally {
      clearTimeout(timer);
    }
  };

  // The same wait inside `handle` (WaitsInside alone) stays stuck: checked by hand, not kept as a
  // test, since the transaction it leaves open keeps jest from exiting.
  it('waits for what the handler needs before the inbox transaction opens', async () => {
    expect(await within(5_000, dispatchWith(new WaitsBefore(indexBuiltFromTable()))(envelope(), 1))).toBe('done');
    expect(await db.dataSource.getRepository(TestCounterEntity).countBy({ id: 'inside' })).toBe(1);
  });
});
