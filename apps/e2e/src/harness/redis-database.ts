import IORedis from 'ioredis';

const CLAIM_KEY = 'gmdb-e2e:claimed-by';

export interface RedisDatabase {
  /** REDIS_URL for the apps: redis://host:port/<index>. */
  url: string;
  index: number;
  /** Deletes every key of this logical database. */
  release(): Promise<void>;
}

/**
 * A Redis logical database of its own for one end-to-end run. `gmdb serve` has no variable for
 * the BullMQ key prefix (platform's transportFor uses BullMQ's default), so runs are kept apart by
 * database index instead: the first empty one of 1..15, claimed with SET NX, flushed on release.
 */
export async function claimRedisDatabase(baseUrl: string): Promise<RedisDatabase> {
  const base = baseUrl.replace(/\/\d*$/, '');
  const order = Array.from({ length: 15 }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
  for (const index of order) {
    const redis = new IORedis(`${base}/${index}`, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await redis.connect();
      if ((await redis.dbsize()) !== 0) continue;
      const claimed = await redis.set(CLAIM_KEY, `${process.pid}@${Date.now()}`, 'EX', 3600, 'NX');
      if (claimed !== 'OK') continue;
      const url = `${base}/${index}`;
      return { url, index, release: () => flush(url) };
    } finally {
      redis.disconnect();
    }
  }
  throw new Error(`no empty Redis logical database among 1..15 at ${base}`);
}

async function flush(url: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  try {
    await redis.flushdb();
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
