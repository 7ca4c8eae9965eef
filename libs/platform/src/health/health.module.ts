import { DynamicModule, InjectionToken, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HealthCheck } from './health-check';
import { HEALTH_CHECKS, HEALTH_OPTIONS } from './health.constants';
import { HealthController } from './health.controller';
import { HealthOptions, HealthService } from './health.service';
import { ShutdownState } from './shutdown-state.service';

export interface HealthModuleOptions extends HealthOptions {
  /** The readiness checks, or a provider token that resolves to them (built from injected clients). */
  checks: HealthCheck[] | InjectionToken;
  /** Modules that export the `checks` token (not needed when its provider is global). */
  imports?: ModuleMetadata['imports'];
}

/**
 * Liveness and readiness endpoints. Liveness never touches a dependency (and never the model);
 * readiness runs the named checks and is 503 while shutting down.
 */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    const checks: Provider = Array.isArray(options.checks)
      ? { provide: HEALTH_CHECKS, useValue: options.checks }
      : { provide: HEALTH_CHECKS, useExisting: options.checks };
    return {
      module: HealthModule,
      global: true,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [checks, { provide: HEALTH_OPTIONS, useValue: { exposeErrors: options.exposeErrors ?? false } }, ShutdownState, HealthService],
      exports: [ShutdownState, HealthService],
    };
  }
}
