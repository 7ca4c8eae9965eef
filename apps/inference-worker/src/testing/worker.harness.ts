import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { type Message, QueueName } from '@gmdb/domain';
import {
  DEV_JWT_SECRET,
  InProcessTransport,
  ObjectStorage,
  OutboxMessageEntity,
  ProcessedMessageEntity,
  type RunningHttpApp,
  createEnvelope,
  createLogger,
  loadConfig,
} from '@gmdb/platform';
import { type TestDatabase, createTestDatabase, testS3Options } from '@gmdb/platform/testing';
import type { DataSource } from 'typeorm';
import { inferenceWorkerDefinition } from '../inference-worker.definition';

const ROOT = resolve(__dirname, '../../../..');

/** The shared cache of generated models (`var/models`): the test preset is made once per machine. */
export const TEST_MODEL_DIR = join(ROOT, 'var', 'models');

export type FixtureName = 'astronaut.png' | 'coffee.png' | '2008_002506.jpg';

/** libs/ml's committed test photos (licences in libs/ml/fixtures/README.md). */
export function fixturePhoto(name: FixtureName): Buffer {
  return readFileSync(join(ROOT, 'libs', 'ml', 'fixtures', 'images', name));
}

export interface WorkerHarness {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  storage: ObjectStorage;
  transport: InProcessTransport;
  /** Publishes to gmdb-inference and waits until the worker processed it (its inbox row). */
  send(message: Message, options?: { id?: string; timeoutMs?: number }): Promise<string>;
  /** Outbox rows the worker wrote for an event name, payloads parsed. */
  outbox<T = Record<string, unknown>>(name: string): Promise<T[]>;
  /** Stops the app (the database and bucket stay for a restart). */
  stop(): Promise<void>;
  /** Starts the app again on the same database, bucket and transport. */
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface WorkerHarnessOptions {
  env?: Record<string, string>;
}

/** The real inference worker on a free port: fresh MariaDB database, fresh bucket, in-process queues, test preset models. */
export async function startWorkerHarness(options: WorkerHarnessOptions = {}): Promise<WorkerHarness> {
  const database: TestDatabase = await createTestDatabase({ entities: inferenceWorkerDefinition.entities, migrations: inferenceWorkerDefinition.migrations });
  const s3 = testS3Options();
  const bucket = `gmdb-t-${randomUUID().slice(0, 10)}`;
  const storage = new ObjectStorage({ ...s3, bucket });
  await storage.ensureBucket();
  const transport = new InProcessTransport({ namespace: `worker-${randomUUID()}`, retry: { attempts: 2, backoffMs: 10 } });
  const baseEnv = {
    GMDB_MODE: 'distributed',
    LOG_LEVEL: 'silent',
    AUTH_JWT_SECRET: DEV_JWT_SECRET,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId ?? '',
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey ?? '',
    S3_BUCKET: bucket,
    WORKER_DATABASE_URL: database.url,
    WORKER_PORT: '0',
    WORKER_MODEL_PRESET: 'test',
    WORKER_MODEL_DIR: TEST_MODEL_DIR,
    WORKER_INTRA_OP_THREADS: '2',
    WORKER_SWEEP_INTERVAL_SECONDS: '0',
    ...options.env,
  };
  let running: RunningHttpApp | undefined;
  const start = async (env: Record<string, string> = {}) => {
    const config = loadConfig(inferenceWorkerDefinition.configSchema, { ...baseEnv, ...env });
    running = (await inferenceWorkerDefinition.start(config, { transport, logger: createLogger({ name: 'inference-worker', level: 'silent' }) })) as RunningHttpApp;
  };
  await start();
  const ds = database.dataSource;
  const harness: WorkerHarness = {
    get app() {
      if (!running) throw new Error('the worker is stopped');
      return running.app;
    },
    get url() {
      return running?.url ?? '';
    },
    dataSource: ds,
    storage,
    transport,
    async send(message, sendOptions = {}) {
      const envelope = createEnvelope(message, { id: sendOptions.id });
      await transport.publish(QueueName.Inference, envelope, { jobId: `${envelope.id}-${randomUUID()}` });
      const deadline = Date.now() + (sendOptions.timeoutMs ?? 20_000);
      for (;;) {
        if (await ds.getRepository(ProcessedMessageEntity).existsBy({ consumer: 'inference-worker', messageId: envelope.id })) return envelope.id;
        if (Date.now() > deadline) throw new Error(`${message.name} ${envelope.id} was not processed in time`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async outbox<T>(name: string) {
      const rows = await ds.getRepository(OutboxMessageEntity).find({ where: { name }, order: { id: 'ASC' } });
      return rows.map((r) => JSON.parse(r.payload) as T);
    },
    async stop() {
      await running?.close();
      running = undefined;
    },
    restart: start,
    async close() {
      await running?.close();
      await transport.close();
      storage.close();
      await database.drop();
    },
  };
  return harness;
}
