import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { TEST_REDIS_URL } from './test-services';

let prefix: string | undefined;

/** The Redis URL of integration tests. */
export function testRedisUrl(): string {
  return TEST_REDIS_URL;
}

/**
 * A BullMQ key prefix unique to this test file (jest loads modules once per file), so files
 * running in parallel never see each other's queues.
 */
export function testQueuePrefix(): string {
  prefix ??= `gmdb-t-${randomBytes(5).toString('hex')}`;
  return prefix;
}

/** Deletes every key under a prefix (afterAll of a file that used BullMQ). */
export async function clearRedisPrefix(keyPrefix: string, url = TEST_REDIS_URL): Promise<number> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
  return deleted;
}
