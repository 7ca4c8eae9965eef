import { loadConfigOrExit } from '../config/config.loader';
import type { PlatformConfig } from '../config/platform-config.schema';
import { createLogger } from '../logging/logger.factory';
import { runUntilSignal } from './run-until-signal';
import type { RunningService } from './running-service';
import type { ServiceDefinition } from './service-definition';
import { transportFor } from './service-transport';

/**
 * The entry of one app as its own process (`gmdb serve <app>`, the container's command): validate
 * the environment (a bad value exits 78 naming the variable), start, stop cleanly on SIGTERM.
 */
export async function runServiceMain<C extends PlatformConfig & { GMDB_SHUTDOWN_TIMEOUT_MS: number }>(definition: ServiceDefinition<C>): Promise<RunningService> {
  const config = loadConfigOrExit(definition.configSchema);
  const logger = createLogger({ name: definition.name, level: config.LOG_LEVEL });
  const transport = transportFor(config, logger);
  try {
    const service = await definition.start(config, { transport, logger });
    const transportCloser: RunningService = { name: 'transport', url: '', close: () => transport.close() };
    logger.info({ url: service.url, mode: config.GMDB_MODE }, `${definition.name} listening`);
    runUntilSignal([transportCloser, service], config.GMDB_SHUTDOWN_TIMEOUT_MS);
    return service;
  } catch (e) {
    logger.fatal({ err: e instanceof Error ? e.message : String(e) }, `${definition.name} failed to start`);
    await transport.close().catch(() => undefined);
    process.exit(1);
  }
}
