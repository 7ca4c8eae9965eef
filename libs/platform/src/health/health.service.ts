import { Inject, Injectable, type OnApplicationBootstrap, Optional, type Type } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { probeDependency } from '../database/dependency-health';
import type { Logger } from '../logging/logger.factory';
import { LOGGER } from '../logging/logging.constants';
import { HealthCheck, isDependencyHealth } from './health-check';
import { HEALTH_CHECKS, HEALTH_OPTIONS } from './health.constants';
import { READINESS_CHECK_METADATA, isHealthCheck } from './readiness-check.decorator';
import { ShutdownState } from './shutdown-state.service';

export interface CheckReport {
  status: 'up' | 'down';
  latencyMs: number;
  /** Only with `exposeErrors` (the reason is always logged). */
  error?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable' | 'shutting-down';
  checks: Record<string, CheckReport>;
  /** Names of the checks that are down. */
  down?: string[];
}

export interface HealthOptions {
  /** Put the failure reasons in the readiness answer (they may name internal hosts; default false). */
  exposeErrors?: boolean;
}

const DEFAULT_TIMEOUT_MS = 2000;

/**
 * Runs the readiness checks in parallel, each with its deadline. Never throws. The checks are the
 * module's own (database, queue, S3) plus every provider of the app marked @ReadinessCheck().
 */
@Injectable()
export class HealthService implements OnApplicationBootstrap {
  private checks: readonly HealthCheck[];

  constructor(
    @Inject(HEALTH_CHECKS) checks: HealthCheck[],
    private readonly shutdown: ShutdownState,
    @Inject(HEALTH_OPTIONS) private readonly options: HealthOptions,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Optional() @Inject(LOGGER) private readonly logger?: Logger,
  ) {
    this.checks = [...checks];
  }

  onApplicationBootstrap(): void {
    const found = this.discovery
      .getProviders()
      .filter((w) => w.metatype && w.instance && this.reflector.get<boolean>(READINESS_CHECK_METADATA, w.metatype as Type<unknown>))
      .map((w) => w.instance as unknown);
    for (const instance of found) {
      if (!isHealthCheck(instance)) throw new Error(`${(instance as object).constructor.name} is marked @ReadinessCheck() but has no name and check()`);
      if (this.checks.some((c) => c.name === instance.name)) throw new Error(`two readiness checks are named ${instance.name}`);
      this.checks = [...this.checks, instance];
    }
  }

  async readiness(): Promise<ReadinessReport> {
    if (this.shutdown.isShuttingDown) return { status: 'shutting-down', checks: {} };
    const results = await Promise.all(
      this.checks.map(async (c) => {
        const probed = await probeDependency(async () => {
          const answer = await c.check();
          if (isDependencyHealth(answer) && answer.status === 'down') throw new Error(answer.error ?? 'down');
        }, c.timeoutMs ?? DEFAULT_TIMEOUT_MS);
        return [c.name, probed] as const;
      }),
    );
    const checks: Record<string, CheckReport> = {};
    const down: string[] = [];
    for (const [name, result] of results) {
      checks[name] = {
        status: result.status,
        latencyMs: result.latencyMs,
        ...(this.options.exposeErrors && result.error ? { error: result.error } : {}),
      };
      if (result.status === 'down') {
        down.push(name);
        this.logger?.warn({ check: name, error: result.error, latencyMs: result.latencyMs }, 'readiness check failed');
      }
    }
    return down.length === 0 ? { status: 'ok', checks } : { status: 'unavailable', checks, down };
  }
}
