import { env } from '../config/config.fields';
import { trustProxyProblem } from './trust-proxy';

/** HTTP settings every app with a port shares. */
export const httpConfigFields = {
  GMDB_HTTP_HOST: env
    .string('Interface the HTTP servers listen on (0.0.0.0 in containers)')
    .default('127.0.0.1'),
  GMDB_BODY_LIMIT: env
    .string('Largest JSON / form body accepted, e.g. 1mb (photo uploads have their own limit)', {
      regex: /^\d+(b|kb|mb)$/,
      hint: 'must be a size such as 512kb or 1mb',
    })
    .default('1mb'),
  GMDB_TRUST_PROXY: env
    .string(
      'Proxies whose X-Forwarded-For is believed, so the client address (consent audit, per-address rate limit) is the caller\'s: empty = none; a hop count (1 behind one ingress); or a comma list of addresses, CIDR subnets, loopback, linklocal, uniquelocal',
      { check: (value) => trustProxyProblem(value) },
    )
    .optional(),
  GMDB_SHUTDOWN_TIMEOUT_MS: env
    .int('How long a stopping process waits for open requests and running jobs', { min: 0, max: 600_000 })
    .default(10_000),
};
