import type { Provider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { checkDatabase } from '../database/database-health';
import type { HealthCheck } from '../health/health-check';
import type { MessageTransport } from '../messaging/message-transport';
import { MESSAGE_TRANSPORT } from '../messaging/messaging.module';
import { ObjectStorage } from '../storage/object-storage';

export const READINESS_CHECKS = Symbol.for('gmdb.ReadinessChecks');

/**
 * Readiness of an app is the readiness of what it has: its database, its queue transport
 * (Redis in distributed mode) and S3, each checked only when the app has it.
 */
export const readinessChecksProvider: Provider = {
  provide: READINESS_CHECKS,
  inject: [
    { token: getDataSourceToken(), optional: true },
    { token: MESSAGE_TRANSPORT, optional: true },
    { token: ObjectStorage, optional: true },
  ],
  useFactory: (dataSource?: DataSource, transport?: MessageTransport, storage?: ObjectStorage): HealthCheck[] => {
    const checks: HealthCheck[] = [];
    if (dataSource) checks.push({ name: 'database', check: () => checkDatabase(dataSource) });
    if (transport) {
      checks.push({ name: transport.driver === 'bullmq' ? 'redis' : 'queue', check: () => transport.checkHealth() });
    }
    if (storage) checks.push({ name: 's3', check: () => storage.checkHealth() });
    return checks;
  },
};
