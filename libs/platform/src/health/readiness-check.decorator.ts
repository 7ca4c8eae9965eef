import { SetMetadata } from '@nestjs/common';
import type { HealthCheck } from './health-check';

export const READINESS_CHECK_METADATA = 'gmdb:readiness-check';

/**
 * Marks a provider as one more readiness check of its app: an injectable that is itself a
 * `HealthCheck` (a `name` and a `check()`), found by HealthService when the app starts. The way
 * an app adds what only it knows (the worker: models loaded, gallery index built) to
 * `/health/ready`, beside the platform's database, queue and S3 checks.
 */
export const ReadinessCheck = (): ClassDecorator => SetMetadata(READINESS_CHECK_METADATA, true);

export function isHealthCheck(value: unknown): value is HealthCheck {
  if (typeof value !== 'object' || value === null) return false;
  const { name, check } = value as { name?: unknown; check?: unknown };
  return typeof name === 'string' && typeof check === 'function';
}
