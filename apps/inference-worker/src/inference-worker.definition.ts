import { QueueName } from '@gmdb/domain';
import { defineHttpService } from '@gmdb/platform';
import { inferenceWorkerConfigSchema } from './config/inference-worker.config';
import { InferenceWorkerModule } from './inference-worker.module';
import { WORKER_HANDLERS } from './jobs/worker.handlers';
import { inferenceWorkerEntities, inferenceWorkerMigrations } from './migrations/inference-worker.migrations';

/**
 * inference-worker: consumes the gmdb-inference queue (encode, analyze, remove, reindex, and the
 * gallery events of case-service). Its HTTP server is an ops port only: health and metrics.
 */
export const inferenceWorkerDefinition = defineHttpService({
  name: 'inference-worker',
  configSchema: inferenceWorkerConfigSchema,
  port: (config) => config.WORKER_PORT,
  database: { url: (config) => config.WORKER_DATABASE_URL, variable: 'WORKER_DATABASE_URL' },
  entities: inferenceWorkerEntities,
  migrations: inferenceWorkerMigrations,
  messaging: { queue: QueueName.Inference, handlers: WORKER_HANDLERS },
  storage: true,
  imports: () => [InferenceWorkerModule.forRoot()],
});
