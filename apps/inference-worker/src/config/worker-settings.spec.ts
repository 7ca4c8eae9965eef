import { join, resolve } from 'node:path';
import { loadConfig } from '@gmdb/platform';
import { inferenceWorkerConfigSchema } from './inference-worker.config';
import { workerSettings } from './worker-settings';

const settingsOf = (env: Record<string, string>) => workerSettings(loadConfig(inferenceWorkerConfigSchema, { AUTH_JWT_SECRET: 'x'.repeat(40), ...env }));

describe('worker settings', () => {
  it('defaults: generated paper ensemble under $GMDB_DATA_DIR/models, 3 slots, cpu, ort search; background loading in standalone', () => {
    expect(settingsOf({ GMDB_DATA_DIR: '/data' })).toMatchObject({
      manifestFile: undefined,
      preset: 'paper',
      precision: 'fp32',
      encoderThread: true,
      encoderLanes: 1,
      modelDir: join('/data', 'models'),
      modelLoad: 'background',
      slots: 3,
      executionProvider: 'cpu',
      faceMinScore: 0.5,
      faceMinSizePx: 48,
      detectMaxSide: 640,
      searchBackend: 'ort',
      sweepIntervalMs: 60_000,
    });
  });

  it('distributed mode loads at boot unless told otherwise; values are parsed', () => {
    const s = settingsOf({
      GMDB_MODE: 'distributed',
      WORKER_DATABASE_URL: 'mysql://u:p@db:3306/gmdb_worker',
      WORKER_MODEL_MANIFEST: 'models/gm.json',
      WORKER_TTA_SLOTS: '12',
      WORKER_FACE_MIN_SCORE: '0.75',
      WORKER_SEARCH_BACKEND: 'js',
      WORKER_EXECUTION_PROVIDER: 'cuda',
      WORKER_MODEL_PRECISION: 'int8',
      WORKER_ENCODER_LANES: '2',
    });
    expect(s).toMatchObject({ modelLoad: 'boot', manifestFile: resolve('models/gm.json'), slots: 12, faceMinScore: 0.75, searchBackend: 'js', executionProvider: 'cuda', precision: 'int8', encoderLanes: 2 });
    expect(settingsOf({ GMDB_MODE: 'distributed', WORKER_DATABASE_URL: 'mysql://u:p@db:3306/w', WORKER_MODEL_LOAD: 'background' }).modelLoad).toBe('background');
  });

  it('refuses bad values naming the variable', () => {
    expect(() => settingsOf({ WORKER_TTA_SLOTS: '4' })).toThrow(/WORKER_TTA_SLOTS/);
    expect(() => settingsOf({ WORKER_FACE_MIN_SCORE: '1.5' })).toThrow(/WORKER_FACE_MIN_SCORE/);
    expect(() => settingsOf({ WORKER_MODEL_PRESET: 'huge' })).toThrow(/WORKER_MODEL_PRESET/);
    expect(() => settingsOf({ WORKER_MODEL_PRECISION: 'fp16' })).toThrow(/WORKER_MODEL_PRECISION/);
    expect(() => settingsOf({ WORKER_ENCODER_LANES: '0' })).toThrow(/WORKER_ENCODER_LANES/);
    expect(() => settingsOf({ WORKER_ENCODER_LANES: '2', WORKER_ENCODER_THREAD: 'false' })).toThrow(/WORKER_ENCODER_LANES: more than 1 lane needs WORKER_ENCODER_THREAD=true/);
  });
});
