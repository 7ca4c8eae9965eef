import type Redis from 'ioredis';

export interface RateDecision {
  allowed: boolean;
  /** Requests left in the current window. */
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/** Fixed-window request counting per caller key. */
export interface RateLimiter {
  hit(key: string): Promise<RateDecision>;
  close(): Promise<void>;
}

export interface RateLimitOptions {
  /** Requests per window and caller. */
  limit: number;
  windowSeconds: number;
}

/** One process (standalone mode): counts in memory. */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string): Promise<RateDecision> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      if (this.windows.size > 100_000) this.evict(now);
      window = { count: 0, resetAt: now + this.options.windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return {
      allowed: window.count <= this.options.limit,
      remaining: Math.max(0, this.options.limit - window.count),
      resetSeconds: Math.ceil((window.resetAt - now) / 1000),
    };
  }

  private evict(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }

  async close(): Promise<void> {
    this.windows.clear();
  }
}

/** Several gateway replicas (distributed mode): one counter per caller and window in Redis. */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly options: RateLimitOptions,
    private readonly prefix = 'gmdb:ratelimit',
  ) {}

  async hit(key: string): Promise<RateDecision> {
    const windowMs = this.options.windowSeconds * 1000;
    const windowStart = Math.floor(Date.now() / windowMs) * windowMs;
    const redisKey = `${this.prefix}:${windowStart}:${key}`;
    const [[, count]] = (await this.redis.multi().incr(redisKey).pexpire(redisKey, windowMs).exec()) as [
      [Error | null, number],
      [Error | null, number],
    ];
    return {
      allowed: count <= this.options.limit,
      remaining: Math.max(0, this.options.limit - count),
      resetSeconds: Math.ceil((windowStart + windowMs - Date.now()) / 1000),
    };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
