import { isAbsolute, join, resolve } from 'node:path';
import type { EncoderPrecision, ExecutionProviderName, FaceDetectorKind } from '@gmdb/ml';
import { ConfigError } from '@gmdb/platform';
import type { InferenceWorkerConfig } from './inference-worker.config';

/** Injection token of the worker's resolved settings. */
export const WORKER_SETTINGS = Symbol.for('gmdb.inferenceWorker.settings');

/** The worker's configuration, resolved once: paths absolute, numbers parsed, modes decided. */
export interface WorkerSettings {
  /** A manifest of trained (or any) encoders; undefined: the generated ensemble of `preset`. */
  manifestFile?: string;
  preset: 'paper' | 'test';
  /** Precision of the generated ensemble (a manifest names its own files). */
  precision: EncoderPrecision;
  modelDir: string;
  /** boot: start() waits for the models; background: they load after start (readiness says so). */
  modelLoad: 'boot' | 'background';
  slots: 3 | 12;
  executionProvider: ExecutionProviderName;
  intraOpNumThreads: number;
  /** Encoder sessions in a worker thread (ThreadedEncoderEnsemble) rather than on the main thread. */
  encoderThread: boolean;
  /** Encoder threads of their own sessions (EncoderLanes) when above 1; needs encoderThread. */
  encoderLanes: number;
  faceDetector: FaceDetectorKind;
  faceMinScore: number;
  faceMinSizePx: number;
  detectMaxSide: number;
  searchBackend: 'ort' | 'js';
  sweepIntervalMs: number;
}

export function workerSettings(config: InferenceWorkerConfig): WorkerSettings {
  if (config.WORKER_ENCODER_LANES > 1 && !config.WORKER_ENCODER_THREAD) {
    throw new ConfigError([{ variable: 'WORKER_ENCODER_LANES', message: 'more than 1 lane needs WORKER_ENCODER_THREAD=true (lanes are encoder threads)' }]);
  }
  const dataDir = resolve(config.GMDB_DATA_DIR);
  const modelDir = config.WORKER_MODEL_DIR ? (isAbsolute(config.WORKER_MODEL_DIR) ? config.WORKER_MODEL_DIR : resolve(config.WORKER_MODEL_DIR)) : join(dataDir, 'models');
  return {
    manifestFile: config.WORKER_MODEL_MANIFEST ? resolve(config.WORKER_MODEL_MANIFEST) : undefined,
    preset: config.WORKER_MODEL_PRESET,
    precision: config.WORKER_MODEL_PRECISION,
    modelDir,
    modelLoad: config.WORKER_MODEL_LOAD ?? (config.GMDB_MODE === 'standalone' ? 'background' : 'boot'),
    slots: config.WORKER_TTA_SLOTS === '12' ? 12 : 3,
    executionProvider: config.WORKER_EXECUTION_PROVIDER,
    intraOpNumThreads: config.WORKER_INTRA_OP_THREADS,
    encoderThread: config.WORKER_ENCODER_THREAD,
    encoderLanes: config.WORKER_ENCODER_LANES,
    faceDetector: config.WORKER_FACE_DETECTOR,
    faceMinScore: Number(config.WORKER_FACE_MIN_SCORE),
    faceMinSizePx: config.WORKER_FACE_MIN_SIZE_PX,
    detectMaxSide: config.WORKER_DETECT_MAX_SIDE,
    searchBackend: config.WORKER_SEARCH_BACKEND,
    sweepIntervalMs: config.WORKER_SWEEP_INTERVAL_SECONDS * 1000,
  };
}
