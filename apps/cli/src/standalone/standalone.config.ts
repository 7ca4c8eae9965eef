import { DEV_JWT_SECRET, env, type Env } from '@gmdb/platform';
import { z } from 'zod';

/** Variables only `gmdb start` reads. */
export const standaloneConfigSchema = z.object({
  GMDB_S3_PORT: env
    .int('Port of the local S3 server `gmdb start` runs when S3_ENDPOINT is unset (0: any free port)', {
      min: 0,
      max: 65535,
    })
    .default(4569),
});

/**
 * The environment standalone mode runs with: the caller's, plus the defaults that make a fresh
 * clone start without any setup (standalone mode, the documented development JWT secret, and
 * LOG_LEVEL=warn so that the URLs and the token are not buried under start-up lines).
 */
export function standaloneEnv(base: Env): Env {
  const result: Env = { ...base };
  result.GMDB_MODE ??= 'standalone';
  result.LOG_LEVEL ??= 'warn';
  if (!result.AUTH_JWKS_URL) result.AUTH_JWT_SECRET ??= DEV_JWT_SECRET;
  return result;
}
