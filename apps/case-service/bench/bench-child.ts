/**
 * The processes the case-service benchmark forks (through libs/ml/bench/run.js, so the sources run
 * without a build), so the load generator never shares an event loop with what it measures:
 *
 *   bench-child.ts s3 <directory>   a local S3 server (s3rver) on a free port
 *   bench-child.ts case-service     case-service in distributed mode, configured from the environment
 *
 * `case-service` is what `gmdb serve case-service` runs (runServiceMain), with one difference: the
 * BullMQ transport gets the key prefix of BENCH_QUEUE_PREFIX, so the benchmark's queues stay apart
 * from those of anything else on the same Redis (`gmdb serve` always uses the prefix `gmdb`).
 * Each child reports `{ ready, url }` over the IPC channel and stops cleanly on SIGTERM, or when
 * the IPC channel closes (the benchmark was killed).
 */
import { createLogger, createTransport, loadConfigOrExit, runUntilSignal, startLocalS3Server, type RunningService } from '@gmdb/platform';
import { caseServiceDefinition } from '../src/case-service.definition';

export interface ChildReady {
  ready: true;
  url: string;
}

function report(message: ChildReady): void {
  if (process.send) process.send(message);
}

async function serveS3(directory: string): Promise<void> {
  const server = await startLocalS3Server({ directory });
  report({ ready: true, url: server.endpoint });
  const stop = () => {
    void server.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

async function serveCaseService(): Promise<void> {
  const config = loadConfigOrExit(caseServiceDefinition.configSchema);
  const prefix = process.env['BENCH_QUEUE_PREFIX'];
  if (!prefix) throw new Error('BENCH_QUEUE_PREFIX is not set');
  const logger = createLogger({ name: caseServiceDefinition.name, level: config.LOG_LEVEL });
  const transport = createTransport({
    driver: 'bullmq',
    redisUrl: config.REDIS_URL,
    prefix,
    onError: (e: Error) => logger.warn({ err: e.message }, 'redis connection error'),
  });
  const service = await caseServiceDefinition.start(config, { transport, logger });
  const transportCloser: RunningService = { name: 'transport', url: '', close: () => transport.close() };
  runUntilSignal([transportCloser, service], config.GMDB_SHUTDOWN_TIMEOUT_MS);
  // The benchmark went away without stopping us (killed): stop as on SIGTERM.
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  report({ ready: true, url: service.url });
}

const [role, directory] = process.argv.slice(2);
const started = role === 's3' && directory ? serveS3(directory) : role === 'case-service' ? serveCaseService() : Promise.reject(new Error(`unknown role ${role ?? ''}`));
started.catch((e: unknown) => {
  process.stderr.write(`bench-child ${role ?? ''}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
