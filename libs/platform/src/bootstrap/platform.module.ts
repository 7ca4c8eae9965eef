import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { jwtOptionsFromConfig } from '../auth/jwt-verifier';
import { ConfigModule } from '../config/config.module';
import type { PlatformConfig } from '../config/platform-config.schema';
import { ErrorsModule } from '../errors/errors.module';
import { HealthModule } from '../health/health.module';
import type { Logger } from '../logging/logger.factory';
import { LoggingModule } from '../logging/logging.module';
import { MetricsModule } from '../metrics/metrics.module';
import { READINESS_CHECKS, readinessChecksProvider } from './readiness-checks.provider';

export interface PlatformModuleOptions {
  serviceName: string;
  config: PlatformConfig;
  logger: Logger;
  /** This app owns institution API keys and researcher tokens (case-service). */
  opaqueCredentials?: boolean;
}

/**
 * What every GMDB app imports once: its validated config, JSON logs with correlation ids,
 * health (`/health/live`, `/health/ready`) and `/metrics`, the error mapping at the edge, and
 * the auth guard (every route needs a caller unless marked public).
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot(options.config),
        LoggingModule.forRoot({ logger: options.logger }),
        HealthModule.forRoot({ checks: READINESS_CHECKS }),
        MetricsModule.forRoot(),
        ErrorsModule,
        AuthModule.forRoot({
          jwt: jwtOptionsFromConfig(options.config),
          opaqueCredentials: options.opaqueCredentials ?? false,
        }),
      ],
      providers: [readinessChecksProvider],
      exports: [readinessChecksProvider],
    };
  }
}
