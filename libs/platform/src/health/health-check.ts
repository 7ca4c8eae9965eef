import type { DependencyHealth } from '../database/dependency-health';

/** One named readiness check (database, redis, s3...). */
export interface HealthCheck {
  name: string;
  /**
   * Resolves when the dependency answers, rejects when it does not. Resolving with a
   * `DependencyHealth` (such as `checkDatabase`'s) whose status is `down` also counts as down.
   */
  check: () => Promise<unknown>;
  /** Deadline in ms (default 2000); a slower answer counts as down. */
  timeoutMs?: number;
}

/** `healthCheck('redis', () => redis.ping())` */
export function healthCheck(name: string, check: () => Promise<unknown>, timeoutMs?: number): HealthCheck {
  return { name, check, ...(timeoutMs !== undefined ? { timeoutMs } : {}) };
}

export function isDependencyHealth(value: unknown): value is DependencyHealth {
  if (typeof value !== 'object' || value === null) return false;
  const { status, latencyMs } = value as { status?: unknown; latencyMs?: unknown };
  return (status === 'up' || status === 'down') && typeof latencyMs === 'number';
}
