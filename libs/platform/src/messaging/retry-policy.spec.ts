import { backoffDelayMs, resolveRetryPolicy } from './retry-policy';

describe('retry policy', () => {
  it('doubles the wait after each failure', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, 100))).toEqual([100, 200, 400, 800]);
  });

  it('fills defaults and refuses nonsense', () => {
    expect(resolveRetryPolicy({ attempts: 2 })).toEqual({ attempts: 2, backoffMs: 2000 });
    expect(() => resolveRetryPolicy({ attempts: 0 })).toThrow();
    expect(() => resolveRetryPolicy({ backoffMs: -1 })).toThrow();
  });
});
