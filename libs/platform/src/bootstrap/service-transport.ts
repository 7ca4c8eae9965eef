import type { PlatformConfig } from '../config/platform-config.schema';
import type { Logger } from '../logging/logger.factory';
import { createTransport } from '../messaging/create-transport';
import type { MessageTransport } from '../messaging/message-transport';

/** Distributed mode: BullMQ on REDIS_URL. Standalone: the in-process driver (one per process). */
export function transportFor(config: PlatformConfig, logger: Logger): MessageTransport {
  return config.GMDB_MODE === 'distributed'
    ? createTransport({
        driver: 'bullmq',
        redisUrl: config.REDIS_URL,
        onError: (e: Error) => logger.warn({ err: e.message }, 'redis connection error'),
      })
    : createTransport({ driver: 'in-process' });
}
