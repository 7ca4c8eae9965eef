import { createConfigSchema, databaseUrlField, env, httpConfigFields } from '@gmdb/platform';
import type { z } from 'zod';

export const inferenceWorkerConfigSchema = createConfigSchema({
  ...httpConfigFields,
  WORKER_PORT: env.int('Ops port of inference-worker (health and metrics only)', { min: 0, max: 65535 }).default(4004),
  WORKER_DATABASE_URL: databaseUrlField('inference-worker', 'mysql://gmdb:secret@mariadb:3306/gmdb_worker'),
  WORKER_CONCURRENCY: env.int('Jobs one worker process runs at once', { min: 1, max: 64 }).default(1),
  WORKER_MODEL_MANIFEST: env
    .string('Model manifest (JSON) of trained encoders: files, sha256, architecture, input spec; unset uses the generated ensemble of WORKER_MODEL_PRESET (rankings from generated weights mean nothing)')
    .optional(),
  WORKER_MODEL_PRESET: env
    .enum('Generated ensemble used when WORKER_MODEL_MANIFEST is unset: paper (r50 + r100 + r100) or test (three r18s; tests and CI)', ['paper', 'test'] as const)
    .default('paper'),
  WORKER_MODEL_PRECISION: env
    .enum('Precision of the generated ensemble used when WORKER_MODEL_MANIFEST is unset: fp32 (as generated) or int8 (int8 copies made on first use by the same quantizer as gmdb model quantize, calibrated on the fixture photos of libs/ml; 2-2.7x faster on CPUs with AVX-512 VNNI or AMX; embeddings of their own model version). A manifest names its own files, quantized or not', ['fp32', 'int8'] as const)
    .default('fp32'),
  WORKER_MODEL_DIR: env.string('Cache folder of the generated models and their manifest (default: $GMDB_DATA_DIR/models)').optional(),
  WORKER_MODEL_LOAD: env
    .enum('When the models load: boot (the worker starts once they are loaded) or background (starts at once, /health/ready says models until loaded, jobs wait); unset: background in standalone mode, boot in distributed', ['boot', 'background'] as const)
    .optional(),
  WORKER_TTA_SLOTS: env
    .enum('Embedding slots per photo: 3 (one plain pass per model, the service default) or 12 (flip x gray per model, the paper)', ['3', '12'] as const)
    .default('3'),
  WORKER_EXECUTION_PROVIDER: env
    .enum('ONNX Runtime execution provider of the encoders: cpu, or cuda on GPU nodes (CPU stays the fallback). cuda needs the CUDA 12 provider libraries of onnxruntime-node, which the repo does not install: after npm ci run ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js (fetches them from NuGet), with CUDA 12 and cuDNN 9 on the library path (libs/ml/README.md); untested here', ['cpu', 'cuda'] as const)
    .default('cpu'),
  WORKER_INTRA_OP_THREADS: env.int('Threads per ONNX operator (0: one per core this process may use: its CPU affinity, capped by the cgroup CPU quota)', { min: 0, max: 256 }).default(0),
  WORKER_ENCODER_THREAD: env
    .boolean('Run the encoder sessions in a worker thread (default): the event loop (face detection of the next photo, queue heartbeats, health checks, gallery searches) keeps running while a photo is encoded. false: on the main thread')
    .default(true),
  WORKER_ENCODER_LANES: env
    .int('Encoder threads, each with its own copy of the sessions and an equal share of the cores (WORKER_INTRA_OP_THREADS each when set): 1 (default) encodes a photo with all cores, lowest latency; 2 or more raise the throughput of bulk encoding when WORKER_CONCURRENCY keeps more photos than lanes in flight (paper ensemble, 3 slots, 2 cores: about +10 % end to end in fp32, +35 % ONNX-only in int8), at lanes x the model memory and about lanes x the latency of a lone photo. Needs WORKER_ENCODER_THREAD', { min: 1, max: 16 })
    .default(1),
  WORKER_FACE_DETECTOR: env
    .enum('Face detector: native (MediaPipe BlazeFace, FaceMesh and Iris from the @vladmandic/human package, converted to ONNX at start and run by onnxruntime) or human (the same models through Human on tfjs-wasm, about 2.5x the CPU)', ['native', 'human'] as const)
    .default('native'),
  WORKER_FACE_MIN_SCORE: env
    .string('Detection score (0..1) from which a face counts; two or more faces at or above it fail with IMAGE_MULTIPLE_FACES', {
      regex: /^(0(\.\d+)?|1(\.0+)?)$/,
      hint: 'must be a number between 0 and 1, e.g. 0.5',
    })
    .default('0.5'),
  WORKER_FACE_MIN_SIZE_PX: env.int('Smallest accepted face (shorter box side, original pixels); smaller fails with IMAGE_FACE_TOO_SMALL', { min: 1, max: 10_000 }).default(48),
  WORKER_DETECT_MAX_SIDE: env.int('Photos are downscaled to this longer side for face detection', { min: 64, max: 4096 }).default(640),
  WORKER_SEARCH_BACKEND: env
    .enum('Gallery search: ort (ONNX Runtime matmul, fast at 100k+ images) or js (plain TypeScript)', ['ort', 'js'] as const)
    .default('ort'),
  WORKER_SWEEP_INTERVAL_SECONDS: env
    .int('How often the worker brings its in-memory gallery index in line with the embedding table (rows added or removed by other replicas or lost in a crash); 0 turns the sweep off', { min: 0, max: 86_400 })
    .default(60),
});

export type InferenceWorkerConfig = z.output<typeof inferenceWorkerConfigSchema>;
