export const RATE_LIMITER = Symbol.for('gmdb.gateway.RateLimiter');
