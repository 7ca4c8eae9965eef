import { DynamicModule, Global, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AccessLogMiddleware } from './access-log.middleware';
import { CorrelationIdMiddleware } from './correlation-id.middleware';
import { LOGGER } from './logging.constants';
import { CreateLoggerOptions, Logger, createLogger } from './logger.factory';
import { PinoNestLogger } from './nest-logger.adapter';

export type LoggingModuleOptions = CreateLoggerOptions | { logger: Logger };

/**
 * Provides the app's pino `Logger` under `LOGGER` (and a `PinoNestLogger`), and puts the
 * correlation-id and access-log middleware in front of every route.
 *
 * Nest registers its body parsers before module middleware, so a request whose body fails to parse
 * is answered before these run (the error filter still sets its correlation id). Install
 * `correlationIdMiddleware()` and `accessLogMiddleware(logger)` with `app.use()` in main.ts too to
 * cover those; both are idempotent.
 */
@Global()
@Module({})
export class LoggingModule implements NestModule {
  static forRoot(options: LoggingModuleOptions): DynamicModule {
    const logger = 'logger' in options ? options.logger : createLogger(options);
    return {
      module: LoggingModule,
      providers: [
        { provide: LOGGER, useValue: logger },
        { provide: PinoNestLogger, useValue: new PinoNestLogger(logger) },
      ],
      exports: [LOGGER, PinoNestLogger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware, AccessLogMiddleware).forRoutes('*');
  }
}
