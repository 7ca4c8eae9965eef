import { LoggerService } from '@nestjs/common';
import type { Logger } from './logger.factory';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

const STACK = /\n\s+at /;

/**
 * Nest's `LoggerService` on top of pino, so Nest's own lines (bootstrap, route mapping, errors)
 * are JSON like ours: `NestFactory.create(AppModule, { logger: new PinoNestLogger(logger) })`.
 * Nest's calling convention: `log(message, ...params, context?)`, `error(message, stack?, context?)`.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const fields: Record<string, unknown> = {};
    const last = rest[rest.length - 1];
    if (typeof last === 'string' && !STACK.test(last)) fields['context'] = rest.pop();
    const stack = rest.findIndex((p) => typeof p === 'string' && STACK.test(p));
    if (stack >= 0) fields['stack'] = rest.splice(stack, 1)[0];
    if (rest.length > 0) fields['params'] = rest;

    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, data: message }, 'log object');
    } else {
      this.logger[level](fields, String(message));
    }
  }
}
