import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { RequestContext } from '../context';

export type { Logger } from 'pino';

/** Paths that are replaced by `[REDACTED]` wherever they appear in a log object. */
export const REDACTED_PATHS: readonly string[] = [
  'authorization',
  'cookie',
  'apiKey',
  'api_key',
  'password',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  '*.authorization',
  '*.cookie',
  '*.apiKey',
  '*.api_key',
  '*.password',
  '*.secret',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*["x-api-key"]',
  'headers.authorization',
  'headers.cookie',
  'headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
];

export interface CreateLoggerOptions {
  /** pino level name (`LOG_LEVEL`); default `info`. */
  level?: string;
  /** The app or component; every line carries it as `name`. */
  name: string;
  /** Where to write; default stdout. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
  /** More paths to redact, in pino's path syntax. */
  redact?: string[];
}

/**
 * A JSON logger. Every line carries `correlationId` from the `RequestContext` it was written in,
 * level names instead of numbers and an ISO timestamp; credentials are redacted.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const config: LoggerOptions = {
    name: options.name,
    level: options.level ?? 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACTED_PATHS, ...(options.redact ?? [])], censor: '[REDACTED]' },
    mixin: () => {
      const correlationId = RequestContext.correlationId();
      return correlationId ? { correlationId } : {};
    },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
