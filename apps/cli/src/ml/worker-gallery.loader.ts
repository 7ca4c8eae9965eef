import { type GalleryIndex, type LoadedManifest } from '@gmdb/ml';
import { type Env, loadConfig } from '@gmdb/platform';
import {
  WorkerDatabaseError,
  inferenceWorkerConfigSchema,
  inferenceWorkerDefinition,
  loadGallerySnapshot,
  openWorkerDatabase,
  workerSettings,
} from '@gmdb/inference-worker';
import type { DataSource } from 'typeorm';
import { CliFailure } from './cli-failure';
import { type ModelOptions, selectManifest, workerModelOptions } from './model-selection';

export interface WorkerGallery {
  index: GalleryIndex;
  manifest: LoadedManifest;
  /** Where the gallery came from, without credentials. */
  source: string;
  /** The worker's threads per ONNX operator (WORKER_INTRA_OP_THREADS). */
  threads: number;
}

/** A database URL or file for output: never the user or password. */
function describeConnection(connection: { kind: 'mysql'; url: string } | { kind: 'sqlite'; path: string }): string {
  if (connection.kind === 'sqlite') return connection.path;
  try {
    const u = new URL(connection.url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'mysql';
  }
}

/**
 * The current gallery of the inference worker, for `gmdb analyze` without `--gallery`: the worker's
 * configuration from the environment (its database: WORKER_DATABASE_URL, standalone
 * $GMDB_DATA_DIR/inference-worker.sqlite; its models: WORKER_MODEL_MANIFEST / WORKER_MODEL_PRESET,
 * WORKER_TTA_SLOTS, WORKER_MODEL_DIR, each overridable by the model flags), then the snapshot of
 * its embedding table for that model version, built by the worker's own rules.
 */
export async function loadWorkerGallery(env: Env, flags: Partial<ModelOptions>): Promise<WorkerGallery> {
  const config = loadConfig(inferenceWorkerConfigSchema, env);
  const settings = workerSettings(config);
  const connection = inferenceWorkerDefinition.database?.(config);
  const source = `inference-worker database ${connection ? describeConnection(connection) : ''}`.trim();
  let dataSource: DataSource;
  try {
    dataSource = await openWorkerDatabase(config);
  } catch (e) {
    if (e instanceof WorkerDatabaseError) throw new CliFailure(e.code, `${e.code}: ${e.message}`);
    throw e;
  }
  try {
    const manifest = await selectManifest(workerModelOptions(settings, flags), {});
    const index = await loadGallerySnapshot(dataSource, { modelVersion: manifest.version, slots: manifest.slots });
    if (index.size === 0) {
      throw new CliFailure(
        'GALLERY_EMPTY',
        `GALLERY_EMPTY: the worker's gallery (${source}) has no encoded photo of model version ${manifest.version} with ${manifest.slots} slots; encode photos with the worker, or give --gallery and --gallery-encodings`,
      );
    }
    return { index, manifest, source, threads: settings.intraOpNumThreads };
  } finally {
    await dataSource.destroy();
  }
}
