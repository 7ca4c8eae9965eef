/** How often a message is tried and how long to wait between tries (both drivers). */
export interface RetryPolicy {
  /** Total tries, the first included (1 = never retried). */
  attempts: number;
  /** Wait after the first failure; doubles after each further failure. */
  backoffMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = { attempts: 5, backoffMs: 2000 };

export function resolveRetryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) {
    throw new Error('retry attempts must be an integer >= 1');
  }
  if (!(policy.backoffMs >= 0)) throw new Error('retry backoffMs must be >= 0');
  return policy;
}

/** Exponential backoff, as BullMQ computes it: base * 2^(failures - 1). */
export function backoffDelayMs(failures: number, baseMs: number): number {
  return Math.round(baseMs * 2 ** Math.max(0, failures - 1));
}
