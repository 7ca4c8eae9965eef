import { MemoryRateLimiter } from './rate-limiter';

describe('MemoryRateLimiter', () => {
  it('allows `limit` requests per caller and window, then refuses until the window resets', async () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter({ limit: 2, windowSeconds: 10 }, () => now);
    expect((await limiter.hit('user:a')).allowed).toBe(true);
    expect(await limiter.hit('user:a')).toEqual({ allowed: true, remaining: 0, resetSeconds: 10 });
    const refused = await limiter.hit('user:a');
    expect(refused.allowed).toBe(false);
    expect((await limiter.hit('user:b')).allowed).toBe(true);
    now += 10_000;
    expect((await limiter.hit('user:a')).allowed).toBe(true);
  });
});
