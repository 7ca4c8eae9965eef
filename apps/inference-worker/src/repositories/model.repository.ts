import { Injectable, Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '@gmdb/domain';
import {
  type CropEncoder,
  EncoderEnsemble,
  FaceAligner,
  type FaceDetector,
  type LoadedManifest,
  PAPER_ENSEMBLE,
  PhotoEncoder,
  TEST_ENSEMBLE,
  ThreadedEncoderEnsemble,
  EncoderLanes,
  int8CpuSupport,
  resolveIntraOpThreads,
  createFaceDetector,
  ensureGeneratedManifest,
  loadManifestFile,
} from '@gmdb/ml';
import { WORKER_SETTINGS, type WorkerSettings } from '../config/worker-settings';

/** What the worker encodes with, loaded once per process. */
export interface LoadedModels {
  encoder: PhotoEncoder;
  ensemble: CropEncoder;
  detector: FaceDetector;
  /** The manifest's version: stored with every embedding row. */
  version: string;
  slots: number;
  weightsAreGenerated: boolean;
  /** `id (arch, version)` of each model, for results. */
  models: { id: string; arch: string; version: string }[];
  /** Whether any model is an int8 copy (its manifest entry has a quantization record). */
  int8: boolean;
  /** The encoders' threads as started: `lanes x intra-op threads` (0 in the config resolved to the available cores). */
  threads: { lanes: number; intraOp: number };
  loadMs: number;
}

export type ModelState = { status: 'loading' } | { status: 'ready'; models: LoadedModels } | { status: 'failed'; error: Error };

/**
 * The ONNX encoder sessions and the face detector: created once per process, from the manifest
 * file (WORKER_MODEL_MANIFEST, sha256 checked) or the generated ensemble of the preset (made on
 * first use under the model folder). With `boot` loading the app starts once they are loaded;
 * with `background` it starts at once and jobs wait. A load failure (bad manifest, checksum
 * mismatch, missing file) never crashes the worker: readiness reports it and jobs fail with its code.
 */
@Injectable()
export class ModelRepository implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ModelRepository');
  private state: ModelState = { status: 'loading' };
  private loading: Promise<LoadedModels> | undefined;
  private closed = false;

  constructor(@Inject(WORKER_SETTINGS) private readonly settings: WorkerSettings) {}

  onModuleInit(): void {
    if (this.settings.modelLoad === 'boot') this.start();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.settings.modelLoad === 'boot') {
      await this.start().catch(() => undefined);
    } else {
      // After the HTTP server listens: generating a missing model blocks the event loop for seconds.
      setTimeout(() => void this.start().catch(() => undefined), 0).unref();
    }
  }

  get current(): ModelState {
    return this.state;
  }

  /** The loaded models; waits while they load; rejects with the load error when loading failed. */
  models(): Promise<LoadedModels> {
    return this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (!this.loading) return;
    const loaded = await this.loading.catch(() => undefined);
    if (!loaded) return;
    await loaded.ensemble.release().catch(() => undefined);
    await loaded.detector.dispose().catch(() => undefined);
  }

  private start(): Promise<LoadedModels> {
    this.loading ??= this.load().then(
      (models) => {
        this.state = { status: 'ready', models };
        const { lanes, intraOp } = models.threads;
        this.logger.log(`models ${models.version} (${models.slots} slots) loaded in ${Math.round(models.loadMs)} ms; encoders: ${lanes} x ${intraOp} intra-op thread(s)`);
        const int8 = int8CpuSupport();
        if (models.int8 && !int8.exact) this.logger.warn(`int8 encoders: ${int8.reason}`);
        return models;
      },
      (e: unknown) => {
        const error = e instanceof Error ? e : new Error(String(e));
        this.state = { status: 'failed', error };
        const code = e instanceof DomainError ? `${e.code}: ` : '';
        this.logger.error(`models failed to load: ${code}${error.message}`);
        throw error;
      },
    );
    // Marked handled here: callers see the error through models(); readiness through `current`.
    this.loading.catch(() => undefined);
    return this.loading;
  }

  private async load(): Promise<LoadedModels> {
    const t0 = performance.now();
    const s = this.settings;
    const manifest = s.manifestFile ? withSlots(await loadManifestFile(s.manifestFile), s.slots) : await this.generated();
    const detector = await createFaceDetector(s.faceDetector, { minScore: s.faceMinScore });
    let ensemble: CropEncoder;
    try {
      const ortConfig = { executionProvider: s.executionProvider, intraOpNumThreads: s.intraOpNumThreads };
      ensemble =
        s.encoderLanes > 1 ? await EncoderLanes.create(manifest, s.encoderLanes, ortConfig)
        : s.encoderThread ? await ThreadedEncoderEnsemble.create(manifest, ortConfig)
        : await EncoderEnsemble.create(manifest, ortConfig);
    } catch (e) {
      await detector.dispose();
      throw e;
    }
    if (this.closed) {
      await ensemble.release();
      throw new Error('the worker stopped while the models loaded');
    }
    const aligner = new FaceAligner(detector);
    const encoder = new PhotoEncoder(detector, aligner, ensemble, {
      locator: { minScore: s.faceMinScore, minFaceSizePx: s.faceMinSizePx, detectMaxSide: s.detectMaxSide },
    });
    return {
      encoder,
      ensemble,
      detector,
      version: manifest.version,
      slots: manifest.slots,
      weightsAreGenerated: manifest.weightsAreGenerated,
      models: manifest.models.map((m) => ({ id: m.id, arch: m.arch, version: m.version })),
      int8: manifest.models.some((m) => m.quantization !== undefined),
      threads: { lanes: s.encoderLanes, intraOp: resolveIntraOpThreads(s.intraOpNumThreads, s.encoderLanes) },
      loadMs: performance.now() - t0,
    };
  }

  private generated(): Promise<LoadedManifest> {
    const specs = this.settings.preset === 'test' ? TEST_ENSEMBLE : PAPER_ENSEMBLE;
    const slots = this.settings.slots === 12 ? 4 * specs.length : specs.length;
    return ensureGeneratedManifest({ dir: this.settings.modelDir, specs, slots, precision: this.settings.precision });
  }
}

/** WORKER_TTA_SLOTS decides the slots of any manifest: one plain pass per model (3) or flip x gray (12). */
function withSlots(manifest: LoadedManifest, slots: 3 | 12): LoadedManifest {
  const perModel = slots === 12 ? 4 : 1;
  return { ...manifest, slots: manifest.models.length * perModel };
}
