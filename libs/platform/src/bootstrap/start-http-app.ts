import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Server } from 'node:http';
import { ShutdownState } from '../health/shutdown-state.service';
import type { Logger } from '../logging/logger.factory';
import { PinoNestLogger } from '../logging/nest-logger.adapter';
import type { RunningService } from './running-service';
import { parseTrustProxy } from './trust-proxy';

export interface HttpAppOptions {
  name: string;
  host: string;
  /** 0 picks a free port (tests, standalone with GMDB ports set to 0). */
  port: number;
  bodyLimit: string;
  /** GMDB_TRUST_PROXY (see trust-proxy.ts); unset: trust no proxy. */
  trustProxy?: string;
  logger: Logger;
  /** Runs before the server listens (e.g. shutdown hooks, extra middleware). */
  configure?: (app: NestExpressApplication) => void | Promise<void>;
}

export interface RunningHttpApp extends RunningService {
  readonly app: INestApplication;
}

function localUrl(address: string | { address: string; port: number } | null, host: string): string {
  if (!address || typeof address === 'string') throw new Error('the HTTP server has no TCP address');
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${address.port}`;
}

/**
 * Creates and starts one Nest HTTP app with GMDB's body limits. Error mapping, logging,
 * health and metrics come from PlatformModule, which every app module imports.
 */
export async function startHttpApp(module: Type | DynamicModule, options: HttpAppOptions): Promise<RunningHttpApp> {
  const trustProxy = parseTrustProxy(options.trustProxy ?? '');
  if (!Array.isArray(trustProxy) && typeof trustProxy === 'object') throw new Error(`GMDB_TRUST_PROXY ${trustProxy.error}`);
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  app.useBodyParser('json', { limit: options.bodyLimit });
  app.useBodyParser('urlencoded', { limit: options.bodyLimit, extended: false });
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  await options.configure?.(app);
  await app.listen(options.port, options.host);
  const url = localUrl(app.getHttpServer().address(), options.host);
  let closing: Promise<void> | undefined;
  const drainThenClose = async () => {
    // Readiness turns 503 first, the server stops taking connections and finishes open requests,
    // then Nest's shutdown hooks run (consumers finish their jobs, connections close).
    app.get(ShutdownState, { strict: false }).begin();
    const server = app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.close();
  };
  return {
    name: options.name,
    url,
    app,
    close: () => (closing ??= drainThenClose()),
  };
}
