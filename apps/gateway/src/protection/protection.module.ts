import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule, type OnApplicationShutdown, Inject, RequestMethod } from '@nestjs/common';
import Redis from 'ioredis';
import type { GatewayConfig } from '../config/gateway.config';
import { GatewayAdmissionMiddleware } from './gateway-admission.middleware';
import { RATE_LIMITER } from './protection.constants';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './rate-limiter';

/** Token check and per-caller rate limit in front of the gateway's /graphql. */
@Module({})
export class ProtectionModule implements NestModule, OnApplicationShutdown {
  constructor(@Inject(RATE_LIMITER) private readonly limiter: RateLimiter) {}

  static forRoot(config: GatewayConfig): DynamicModule {
    const options = { limit: config.GATEWAY_RATE_LIMIT, windowSeconds: config.GATEWAY_RATE_WINDOW_SECONDS };
    return {
      module: ProtectionModule,
      providers: [
        {
          provide: RATE_LIMITER,
          useFactory: (): RateLimiter =>
            config.GMDB_MODE === 'distributed'
              ? new RedisRateLimiter(new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false }), options)
              : new MemoryRateLimiter(options),
        },
        GatewayAdmissionMiddleware,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GatewayAdmissionMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.limiter.close();
  }
}
