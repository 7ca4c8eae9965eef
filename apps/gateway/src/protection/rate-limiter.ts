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

/** Tokens one replica takes from Redis at a time: at most 2% of the limit, between 1 and 20. */
export function leaseSize(limit: number): number {
  return Math.max(1, Math.min(20, Math.floor(limit / 50)));
}

interface Lease {
  windowStart: number;
  /** Tokens this replica holds for the window, and how many it has spent. */
  granted: number;
  spent: number;
  /** The shared counter as last read: tokens taken by all replicas. */
  taken: number;
  /** The counter reached the limit: nothing more to take this window. */
  exhausted: boolean;
  /** A lease request under way (concurrent requests of one caller wait for it). */
  pending?: Promise<void>;
}

/**
 * Several gateway replicas (distributed mode): one counter per caller and window in Redis. A
 * replica takes tokens in leases (INCRBY n, n = leaseSize(limit)) and spends them locally, so
 * only one request in n costs a Redis round trip. A lease that overshoots the limit is clipped,
 * so the callers' requests admitted by all replicas together never exceed the limit; a replica
 * may keep up to n - 1 unspent tokens until the window ends (at most 2% of the limit each). Once
 * the counter is at the limit, the replica refuses without asking Redis until the next window.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly leases = new Map<string, Lease>();
  private readonly lease: number;

  constructor(
    private readonly redis: Redis,
    private readonly options: RateLimitOptions,
    private readonly prefix = 'gmdb:ratelimit',
    private readonly now: () => number = Date.now,
  ) {
    this.lease = leaseSize(options.limit);
  }

  async hit(key: string): Promise<RateDecision> {
    const windowMs = this.options.windowSeconds * 1000;
    const windowStart = Math.floor(this.now() / windowMs) * windowMs;
    const lease = this.leaseOf(key, windowStart);
    for (;;) {
      if (lease.spent < lease.granted) {
        lease.spent += 1;
        return this.decision(lease, true, windowMs);
      }
      if (lease.exhausted) return this.decision(lease, false, windowMs);
      lease.pending ??= this.take(key, lease, windowMs).finally(() => (lease.pending = undefined));
      await lease.pending;
    }
  }

  /** This caller's lease for the window, a fresh one when the window turned. */
  private leaseOf(key: string, windowStart: number): Lease {
    const known = this.leases.get(key);
    if (known && known.windowStart === windowStart) return known;
    if (this.leases.size > 100_000) this.evict(windowStart);
    const lease: Lease = { windowStart, granted: 0, spent: 0, taken: 0, exhausted: false };
    this.leases.set(key, lease);
    return lease;
  }

  private async take(key: string, lease: Lease, windowMs: number): Promise<void> {
    const redisKey = `${this.prefix}:${lease.windowStart}:${key}`;
    const [[incrError, taken], [expireError]] = (await this.redis.multi().incrby(redisKey, this.lease).pexpire(redisKey, windowMs).exec()) as [
      [Error | null, number],
      [Error | null, number],
    ];
    if (incrError ?? expireError) throw incrError ?? expireError;
    const overshoot = Math.max(0, taken - this.options.limit);
    lease.granted += Math.max(0, this.lease - overshoot);
    lease.taken = Math.min(taken, this.options.limit);
    lease.exhausted = taken >= this.options.limit;
  }

  private decision(lease: Lease, allowed: boolean, windowMs: number): RateDecision {
    const unspent = lease.granted - lease.spent;
    return {
      allowed,
      remaining: Math.max(0, this.options.limit - lease.taken + unspent),
      resetSeconds: Math.max(0, Math.ceil((lease.windowStart + windowMs - this.now()) / 1000)),
    };
  }

  private evict(windowStart: number): void {
    for (const [key, lease] of this.leases) if (lease.windowStart !== windowStart && !lease.pending) this.leases.delete(key);
  }

  async close(): Promise<void> {
    this.leases.clear();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
