import IORedis from 'ioredis';
import { clearRedisPrefix, testQueuePrefix, testRedisUrl } from '@gmdb/platform/testing';
import { RedisRateLimiter, leaseSize } from './rate-limiter';

const prefix = `${testQueuePrefix()}:ratelimit`;

/** A replica: its own Redis connection, as each gateway process has. */
function replica(limit: number, clock: { t: number }, windowSeconds = 60): RedisRateLimiter {
  return new RedisRateLimiter(new IORedis(testRedisUrl(), { maxRetriesPerRequest: 1 }), { limit, windowSeconds }, prefix, () => clock.t);
}

describe('RedisRateLimiter (real Redis, several replicas)', () => {
  const opened: RedisRateLimiter[] = [];
  const open = (...args: Parameters<typeof replica>) => {
    const limiter = replica(...args);
    opened.push(limiter);
    return limiter;
  };

  afterAll(async () => {
    await Promise.all(opened.map((l) => l.close()));
    await clearRedisPrefix(prefix);
  });

  it('admits exactly `limit` requests of one caller on one replica, even with many in flight', async () => {
    const clock = { t: 1_800_000_000_000 };
    const only = open(1000, clock);
    const decisions = await Promise.all(Array.from({ length: 1300 }, () => only.hit('user:dave')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(1000);
    expect(decisions.slice(1000).every((d) => !d.allowed && d.remaining === 0 && d.resetSeconds === 60)).toBe(true);
  });

  it('never admits more than `limit` across replicas (at most n - 1 tokens per replica left unspent), then refuses until the window ends', async () => {
    const clock = { t: 1_800_000_000_000 };
    const [a, b, c] = [open(1000, clock), open(1000, clock), open(1000, clock)];
    expect(leaseSize(1000)).toBe(20);
    // 1300 requests spread unevenly over three replicas, many in flight at once.
    const decisions = await Promise.all(Array.from({ length: 1300 }, (_, i) => [a, a, b, c][i % 4].hit('user:alice')));
    const admitted = decisions.filter((d) => d.allowed).length;
    expect(admitted).toBeLessThanOrEqual(1000);
    expect(admitted).toBeGreaterThanOrEqual(1000 - 3 * 19);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.remaining <= 3 * 19 && d.resetSeconds === 60)).toBe(true);
    // Once refused, a replica refuses again without new tokens appearing.
    const again = await Promise.all([a, b, c].map((r) => r.hit('user:alice')));
    expect(admitted + again.filter((d) => d.allowed).length).toBeLessThanOrEqual(1000);
    // Another caller is counted apart.
    expect((await b.hit('user:bob')).allowed).toBe(true);
    // The next window starts afresh on every replica.
    clock.t += 60_000;
    expect((await a.hit('user:alice')).allowed).toBe(true);
    expect((await c.hit('user:alice')).allowed).toBe(true);
  });

  it('asks Redis once per lease, not once per request', async () => {
    const clock = { t: 1_800_000_120_000 };
    const limiter = open(1000, clock);
    const monitor = new IORedis(testRedisUrl(), { maxRetriesPerRequest: 1 });
    const key = `${prefix}:${Math.floor(clock.t / 60_000) * 60_000}:user:carol`;
    try {
      for (let i = 0; i < 45; i++) await limiter.hit('user:carol');
      // 45 requests took three leases of 20 tokens.
      expect(Number(await monitor.get(key))).toBe(60);
      expect(await monitor.pttl(key)).toBeGreaterThan(0);
    } finally {
      monitor.disconnect();
    }
  });

  it('keeps small limits exact (a lease of one token) and reports what is left', async () => {
    const clock = { t: 1_800_000_240_000 };
    const [a, b] = [open(3, clock, 10), open(3, clock, 10)];
    expect(leaseSize(3)).toBe(1);
    expect(await a.hit('key:k1')).toEqual({ allowed: true, remaining: 2, resetSeconds: 10 });
    expect((await b.hit('key:k1')).allowed).toBe(true);
    expect(await a.hit('key:k1')).toMatchObject({ allowed: true, remaining: 0 });
    clock.t += 4_000;
    expect(await b.hit('key:k1')).toEqual({ allowed: false, remaining: 0, resetSeconds: 6 });
    expect((await a.hit('key:k1')).allowed).toBe(false);
  });
});
