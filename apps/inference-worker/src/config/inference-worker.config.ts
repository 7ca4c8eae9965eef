import { createConfigSchema, databaseUrlField, env, httpConfigFields } from '@gmdb/platform';
import type { z } from 'zod';

export const inferenceWorkerConfigSchema = createConfigSchema({
  ...httpConfigFields,
  WORKER_PORT: env.int('Ops port of inference-worker (health and metrics only)', { min: 0, max: 65535 }).default(4004),
  WORKER_DATABASE_URL: databaseUrlField('inference-worker', 'mysql://gmdb:secret@mariadb:3306/gmdb_worker'),
  WORKER_CONCURRENCY: env.int('Jobs one worker process runs at once', { min: 1, max: 64 }).default(1),
});

export type InferenceWorkerConfig = z.output<typeof inferenceWorkerConfigSchema>;
