import { JobName } from '@gmdb/domain';
import { CreateTestCounters1764201700000, TestCounterEntity } from '../testing/fixtures/test-counter.fixture';
import { type TestDatabase, createTestDatabase, createTestSqliteDatabase } from '../testing/test-database';
import { Inbox } from './inbox';
import { createEnvelope } from './message-envelope';
import { MESSAGING_ENTITIES, MESSAGING_MIGRATIONS } from './messaging.schema';

const content = {
  entities: [...MESSAGING_ENTITIES, TestCounterEntity],
  migrations: [...MESSAGING_MIGRATIONS, CreateTestCounters1764201700000],
};

describe.each([
  { name: 'MariaDB', database: () => createTestDatabase(content) },
  { name: 'SQLite', database: () => createTestSqliteDatabase(content) },
])('Inbox on $name', ({ database }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await database();
  });
  afterAll(() => db?.drop());

  const increment = (id: string) => async (manager: import('typeorm').EntityManager) => {
    const row = await manager.findOneBy(TestCounterEntity, { id });
    await new Promise((r) => setTimeout(r, 30));
    await manager.save(TestCounterEntity, { id, value: (row?.value ?? 0) + 1 });
  };

  it('runs concurrent deliveries of one message once', async () => {
    const inbox = new Inbox(db.dataSource, 'inbox-test');
    const envelope = createEnvelope({ name: JobName.Reindex, payload: { reason: 'x' } });
    const ran = await Promise.all([1, 2, 3].map(() => inbox.runOnce(envelope, increment('concurrent'))));
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect((await db.dataSource.getRepository(TestCounterEntity).findOneByOrFail({ id: 'concurrent' })).value).toBe(1);
    expect(await inbox.hasProcessed(envelope.id)).toBe(true);
    // Another consumer has its own record of the same message.
    expect(await new Inbox(db.dataSource, 'other-consumer').runOnce(envelope, async () => undefined)).toBe(true);
  });

  it('forgets a failed try, so the retry runs the work', async () => {
    const inbox = new Inbox(db.dataSource, 'inbox-test');
    const envelope = createEnvelope({ name: JobName.Reindex, payload: { reason: 'y' } });
    await expect(
      inbox.runOnce(envelope, async (manager) => {
        await increment('failing')(manager);
        throw new Error('transient');
      }),
    ).rejects.toThrow('transient');
    expect(await inbox.hasProcessed(envelope.id)).toBe(false);
    expect(await inbox.runOnce(envelope, increment('failing'))).toBe(true);
    expect((await db.dataSource.getRepository(TestCounterEntity).findOneByOrFail({ id: 'failing' })).value).toBe(1);
  });
});
