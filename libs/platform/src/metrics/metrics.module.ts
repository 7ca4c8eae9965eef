import { DynamicModule, Inject, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { collectProcessMetrics } from './registry';

const METRICS_OPTIONS = 'GMDB_METRICS_OPTIONS';

export interface MetricsModuleOptions {
  /** Node.js process metrics (CPU, memory, event loop lag, GC), prefixed `gmdb_` (default true). */
  processMetrics?: boolean;
  /** The HTTP request duration histogram (default true). */
  httpMetrics?: boolean;
}

/**
 * `GET /metrics` plus the HTTP duration histogram. The inference worker mounts the same module
 * (with HealthModule) in its small HTTP app on its metrics port.
 */
@Module({})
export class MetricsModule implements NestModule {
  constructor(@Inject(METRICS_OPTIONS) private readonly options: MetricsModuleOptions) {}

  static forRoot(options: MetricsModuleOptions = {}): DynamicModule {
    if (options.processMetrics ?? true) collectProcessMetrics();
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_OPTIONS, useValue: options }, HttpMetricsMiddleware],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    if (this.options.httpMetrics ?? true) consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
