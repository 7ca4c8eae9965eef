/**
 * The encode-image job end to end, as the inference worker runs it in distributed mode, against the
 * ONNX-only throughput of the same ensemble in the same run:
 *
 *   npm run bench:worker [-- --rounds 5 --photos 9 --configs 3:fp32,3:int8,12:fp32,12:int8,3:int8:2]
 *
 * Each config is `slots:precision[:lanes]` (paper ensemble r50 + r100 + r100 of generated weights,
 * shared with bench:ml under var/models). Per config one real worker starts on a fresh MariaDB
 * database (MariaDB at GMDB_TEST_MYSQL_URL, default root@127.0.0.1:3306), BullMQ on Redis
 * (GMDB_TEST_REDIS_URL, default 127.0.0.1:6379; its own key prefix, removed afterwards) and a local
 * S3 server (s3rver) in a child process, with WORKER_CONCURRENCY = lanes + 1 so the next photo is
 * decoded and detected while one is encoded. One job is the whole path: the queue, the photo from
 * S3, decode, detection, alignment, every slot, the crop PNG to S3, the embedding row and the
 * image.encoded event in the inbox transaction, the gallery index, the outbox relay publishing the
 * event (the bench takes its completion times from those events). Rounds alternate ONNX only (a
 * session set of its own on the worker's aligned crop, one run in flight per lane, 2 intra-op
 * threads per lane in all) and end to end (`--photos` jobs queued at once), so that a burst of load
 * on this shared machine falls into one round's pair; the ratio is the median of the rounds'
 * steady-state ratios (from the completion that fills the pipeline to the last), as in bench:ml,
 * whose end-to-end rows stop before the queue and the store.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EventName, JobName, type Message, QueueName } from '@gmdb/domain';
import { type CropEncoder, EncoderEnsemble, EncoderLanes, PAPER_ENSEMBLE, type EncoderPrecision, ensureGeneratedManifest } from '@gmdb/ml';
import { type MessageTransport, ObjectStorage, type RunningHttpApp, createEnvelope, createLogger, createTransport, loadConfig } from '@gmdb/platform';
import { TEST_MYSQL_URL, TEST_REDIS_URL, clearRedisPrefix, createTestDatabase } from '@gmdb/platform/testing';
import { inferenceWorkerDefinition } from '../src/inference-worker.definition';
import { ModelRepository } from '../src/repositories/model.repository';
import { TEST_MODEL_DIR, fixturePhoto } from '../src/testing/worker.harness';

const ROOT = resolve(__dirname, '../../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const ROUNDS = Number(option('--rounds', '5'));
const PHOTOS = Number(option('--photos', '9'));
const CONFIGS = option('--configs', '3:fp32,3:int8,12:fp32,12:int8,3:int8:2')
  .split(',')
  .map((c) => {
    const [slots, precision, lanes = '1'] = c.split(':');
    if (!['3', '12'].includes(slots) || !['fp32', 'int8'].includes(precision) || !/^[1-8]$/.test(lanes)) throw new Error(`--configs: ${c} is not slots:precision[:lanes] (3|12, fp32|int8, 1-8)`);
    return { slots: Number(slots) as 3 | 12, precision: precision as EncoderPrecision, lanes: Number(lanes) };
  });
if (!(ROUNDS >= 1 && PHOTOS > 8)) throw new Error('--rounds must be >= 1 and --photos > 8');

interface Rate {
  /** ms per item from the `lanes`-th completion to the last. */
  steady: number;
  /** ms per item from the start to the last completion. */
  whole: number;
}

function rateOf(t0: number, done: number[], fill: number): Rate {
  const last = done[done.length - 1];
  return { whole: (last - t0) / done.length, steady: (last - done[fill - 1]) / (done.length - fill) };
}

/** The local S3 server of the case-service bench's child (its own process, as S3 is in production). */
function startS3(directory: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(join(ROOT, 'libs/ml/bench/run.js'), [join(ROOT, 'apps/case-service/bench/bench-child.ts'), 's3', directory], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((ok, fail) => {
    child.once('message', (m: { url: string }) => ok({ child, url: m.url }));
    child.once('exit', (code) => fail(new Error(`the S3 child exited with ${code ?? 'a signal'} before it was ready`)));
  });
}

/** One worker as `gmdb serve inference-worker` runs it in distributed mode, on a fresh database and bucket. */
async function startWorker(s3Url: string, slots: 3 | 12, precision: EncoderPrecision, lanes: number) {
  const database = await createTestDatabase({ entities: inferenceWorkerDefinition.entities, migrations: inferenceWorkerDefinition.migrations });
  const bucket = `gmdb-bench-${randomUUID().slice(0, 8)}`;
  const s3 = { endpoint: s3Url, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
  const storage = new ObjectStorage({ ...s3, bucket });
  await storage.ensureBucket();
  const prefix = `gmdb-bench-${randomUUID().slice(0, 8)}`;
  const transport: MessageTransport = createTransport({ driver: 'bullmq', redisUrl: TEST_REDIS_URL, prefix, onError: (e: Error) => process.stderr.write(`redis: ${e.message}\n`) });
  const config = loadConfig(inferenceWorkerDefinition.configSchema, {
    GMDB_MODE: 'distributed',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_BUCKET: bucket,
    WORKER_DATABASE_URL: database.url,
    WORKER_PORT: '0',
    WORKER_MODEL_PRESET: 'paper',
    WORKER_MODEL_PRECISION: precision,
    WORKER_MODEL_DIR: TEST_MODEL_DIR,
    WORKER_TTA_SLOTS: String(slots),
    WORKER_ENCODER_LANES: String(lanes),
    WORKER_CONCURRENCY: String(lanes + 1),
    WORKER_SWEEP_INTERVAL_SECONDS: '0',
  });
  const app = (await inferenceWorkerDefinition.start(config, { transport, logger: createLogger({ name: 'inference-worker', level: 'warn' }) })) as RunningHttpApp;
  return {
    app,
    storage,
    transport,
    async close() {
      await app.close();
      await transport.close();
      storage.close();
      await database.drop();
      await clearRedisPrefix(prefix);
    },
  };
}

/** CPU seconds (user + system) a process, or one of this process's threads (`/proc/self/task/TID`), has used (0 when it is gone). */
function cpuSeconds(pid: number | string): number {
  try {
    const fields = readFileSync(typeof pid === 'number' ? `/proc/${pid}/stat` : pid, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in USER_HZ
  } catch {
    return 0;
  }
}

/** Pids of the processes whose command name is `name` (MariaDB, Redis: on this machine, not in containers). */
function pidsOf(name: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const loadLine = () => `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function main(): Promise<void> {
  process.stderr.write(`${loadLine()}; MariaDB ${TEST_MYSQL_URL}, Redis ${TEST_REDIS_URL}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'gmdb-worker-bench-'));
  const s3 = await startS3(join(dir, 's3'));
  const photo = fixturePhoto('astronaut.png');
  const table: string[][] = [];
  try {
    for (const { slots, precision, lanes } of CONFIGS) {
      const label = `${slots} slots, ${precision}${lanes > 1 ? `, ${lanes} encoder lanes` : ''}`;
      process.stderr.write(`${label}: starting the worker (models made on first use under var/models)\n`);
      const worker = await startWorker(s3.url, slots, precision, lanes);
      // Completion times: the image.encoded events the worker's outbox relay publishes after each commit.
      const done = new Map<string, number>();
      const failed: string[] = [];
      /** The batch `encodeJobs` waits for: resolved by the event of its last outstanding image. */
      let waiting: { pending: Set<string>; resolve: () => void } | undefined;
      await worker.transport.consume(
        QueueName.Case,
        async (envelope) => {
          if (envelope.name !== EventName.ImageEncoded) return;
          const payload = envelope.payload as { imageId: string; status: string; errorCode?: string };
          if (payload.status !== 'done') failed.push(`${payload.imageId}: ${payload.errorCode ?? payload.status}`);
          done.set(payload.imageId, performance.now());
          if (waiting?.pending.delete(payload.imageId) && waiting.pending.size === 0) waiting.resolve();
        },
        { concurrency: 1 },
      );
      const send = (message: Message) => worker.transport.publish(QueueName.Inference, createEnvelope(message));
      await worker.storage.put('photos/astronaut', photo, { contentType: 'image/png' });
      await send({ name: EventName.CaseGalleryChanged, payload: { caseId: 'case-bench', accessLevel: 'fair', disorderIds: ['OMIM:100'], geneSymbols: ['GENEA'], imageIds: [] } });
      let seq = 0;
      /** Queues `n` encode-image jobs at once; resolves with their completion times, in order. */
      const encodeJobs = async (n: number): Promise<{ t0: number; times: number[] }> => {
        const ids = Array.from({ length: n }, () => `img-${++seq}`);
        const t0 = performance.now();
        for (const imageId of ids) await send({ name: JobName.EncodeImage, payload: { imageId, caseId: 'case-bench', objectKey: 'photos/astronaut' } });
        const pending = new Set(ids.filter((id) => !done.has(id)));
        if (pending.size > 0) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([
            new Promise<void>((ok) => (waiting = { pending, resolve: ok })),
            new Promise<never>((_, no) => (timer = setTimeout(() => no(new Error(`${label}: jobs not done in 10 min`)), 600_000))),
          ]).finally(() => clearTimeout(timer));
          waiting = undefined;
        }
        if (failed.length > 0) throw new Error(`${label}: jobs failed: ${failed.join(', ')}`);
        return { t0, times: ids.map((id) => done.get(id) ?? 0).sort((a, b) => a - b) };
      };
      await encodeJobs(lanes + 2); // warm-up: sessions, JIT, connections
      const crop = (await (await worker.app.app.get(ModelRepository).models()).encoder.encode(photo)).aligned.crop;
      const manifest = await ensureGeneratedManifest({ dir: TEST_MODEL_DIR, specs: PAPER_ENSEMBLE, slots, precision });
      const onnx: CropEncoder = lanes > 1 ? await EncoderLanes.create(manifest, lanes) : await EncoderEnsemble.create(manifest, { intraOpNumThreads: 2 });
      for (let i = 0; i < 3; i++) await onnx.encode(crop);
      const rounds: { onnxOnly: Rate; endToEnd: Rate }[] = [];
      // CPU per photo by where it is spent: this process (its main thread, where the worker's event
      // loop and the face detector run, apart), the S3 server, MariaDB, Redis (/proc: 10 ms steps).
      const sources = { worker: [process.pid], main: [`/proc/self/task/${process.pid}/stat`], s3: [s3.child.pid ?? -1], mariadb: pidsOf('mariadbd'), redis: pidsOf('redis-server') };
      type Source = keyof typeof sources;
      const cpuNow = () => Object.fromEntries(Object.entries(sources).map(([k, ids]) => [k, (ids as (number | string)[]).reduce((a: number, id) => a + cpuSeconds(id), 0)])) as Record<Source, number>;
      /** CPU-ms per photo since `before`, by source. */
      const perPhoto = (before: Record<Source, number>) => {
        const after = cpuNow();
        return Object.fromEntries(Object.keys(sources).map((k) => [k, ((after[k as Source] - before[k as Source]) * 1000) / PHOTOS])) as Record<Source, number>;
      };
      const onnxCpu: number[] = [];
      const e2eCpu: Record<Source, number>[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const onnxBefore = cpuNow();
        const t0 = performance.now();
        const times: number[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: lanes }, async () => {
            while (next < PHOTOS) {
              next++;
              await onnx.encode(crop);
              times.push(performance.now());
            }
          }),
        );
        const onnxOnly = rateOf(t0, times, lanes);
        onnxCpu.push(perPhoto(onnxBefore).worker);
        const before = cpuNow();
        const e2e = await encodeJobs(PHOTOS);
        e2eCpu.push(perPhoto(before));
        rounds.push({ onnxOnly, endToEnd: rateOf(e2e.t0, e2e.times, lanes) });
        process.stderr.write(`  round ${r + 1}: ONNX only ${onnxOnly.steady.toFixed(1)} ms/photo, end to end ${rounds[r].endToEnd.steady.toFixed(1)} ms/job\n`);
      }
      await onnx.release();
      await worker.close();
      const cpu = (k: Source) => (e2eCpu.reduce((a, c) => a + c[k], 0) / ROUNDS).toFixed(0);
      const ratios = rounds.map((r) => r.onnxOnly.steady / r.endToEnd.steady);
      table.push([
        label,
        `${(1000 / median(rounds.map((r) => r.endToEnd.steady))).toFixed(2)} vs ${(1000 / median(rounds.map((r) => r.onnxOnly.steady))).toFixed(2)} /s`,
        `${median(ratios).toFixed(3)} (rounds ${[...ratios].sort((a, b) => a - b).map((x) => x.toFixed(2)).join(' ')})`,
        median(rounds.map((r) => r.onnxOnly.whole / r.endToEnd.whole)).toFixed(3),
        `ONNX only ${(onnxCpu.reduce((a, b) => a + b, 0) / ROUNDS).toFixed(0)}; end to end: worker ${cpu('worker')} (main thread ${cpu('main')}), S3 server ${cpu('s3')}, MariaDB ${cpu('mariadb')}, Redis ${cpu('redis')}`,
      ]);
    }
  } finally {
    s3.child.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
  const head = ['config (paper ensemble, generated weights)', 'encode-image jobs/s vs ONNX-only photos/s (steady state)', 'ratio, median of rounds (target >= 0.90)', 'whole-run ratio', 'CPU-ms per photo, mean of rounds (/proc, 10 ms steps)'];
  const lines = [head, head.map(() => '---'), ...table].map((cells) => `| ${cells.join(' | ')} |`);
  process.stdout.write(`\nencode-image end to end (queue, S3, decode, detect, align, encode, crop to S3, row + event, relay) vs ONNX only; ${ROUNDS} rounds of ${PHOTOS}; ${loadLine()}\n${lines.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
