import { resolve } from 'node:path';
import { ENCODER_PRECISIONS, type EncoderPrecision, type LoadedManifest, PAPER_ENSEMBLE, TEST_ENSEMBLE, ensureGeneratedManifest, loadManifestFile, variantsPerModel } from '@gmdb/ml';
import { InvalidArgumentError } from 'commander';
import { CliFailure } from './cli-failure';

export type ModelPreset = 'paper' | 'test';

/** The encoder options `gmdb encode` and `gmdb analyze` share. */
export interface ModelOptions {
  manifest?: string;
  preset?: ModelPreset;
  slots?: 3 | 12;
  /** Precision of a generated preset (ignored with a manifest, which names its own files). */
  precision?: EncoderPrecision;
  modelDir: string;
}

export function parsePreset(value: string): ModelPreset {
  if (value !== 'paper' && value !== 'test') throw new InvalidArgumentError('paper or test');
  return value;
}

export function parsePrecision(value: string): EncoderPrecision {
  const precision = ENCODER_PRECISIONS.find((p) => p === value);
  if (!precision) throw new InvalidArgumentError(ENCODER_PRECISIONS.join(' or '));
  return precision;
}

export function parseTtaSlots(value: string): 3 | 12 {
  if (value !== '3' && value !== '12') throw new InvalidArgumentError('3 or 12');
  return value === '12' ? 12 : 3;
}

/**
 * Which encoders to load: `--manifest FILE` (sha256 of every model checked), else `--preset`, else
 * the worker's WORKER_MODEL_MANIFEST, else the generated paper ensemble (made under --model-dir on
 * first use). `--slots` overrides the manifest's slot count (3 plain or 12 flip x gray).
 */
export async function selectManifest(options: ModelOptions, env: NodeJS.ProcessEnv = process.env): Promise<LoadedManifest> {
  if (options.manifest && options.preset) throw new CliFailure('USAGE', 'USAGE: give either --manifest or --preset, not both');
  const manifestFile = options.manifest ?? (options.preset ? undefined : env['WORKER_MODEL_MANIFEST'] || undefined);
  let loaded: LoadedManifest;
  if (manifestFile) {
    loaded = await loadManifestFile(resolve(manifestFile));
  } else {
    const specs = options.preset === 'test' ? TEST_ENSEMBLE : PAPER_ENSEMBLE;
    const slots = options.slots === 12 ? 4 * specs.length : specs.length;
    const precision = options.precision ?? (env['WORKER_MODEL_PRECISION'] === 'int8' ? 'int8' : 'fp32');
    loaded = await ensureGeneratedManifest({ dir: resolve(options.modelDir), specs, slots, precision });
  }
  const slots = options.slots ?? loaded.slots;
  try {
    variantsPerModel(loaded.models.length, slots);
  } catch (e) {
    throw new CliFailure('INVALID_SLOTS', `INVALID_SLOTS: ${(e as Error).message}`);
  }
  return { ...loaded, slots };
}

/** The worker settings `workerModelOptions` reads (WORKER_MODEL_MANIFEST, _PRESET, _PRECISION, _DIR, WORKER_TTA_SLOTS). */
export interface WorkerModelSettings {
  manifestFile?: string;
  preset: ModelPreset;
  precision: EncoderPrecision;
  modelDir: string;
  slots: 3 | 12;
}

/**
 * The encoders of the worker's settings (so that the photo is encoded with the model version and
 * slot layout the worker's embedding table holds), each overridable by the command's own flags.
 * Pass the result to selectManifest with an empty environment: the settings already read it.
 */
export function workerModelOptions(settings: WorkerModelSettings, flags: Partial<ModelOptions>): ModelOptions {
  const manifest = flags.manifest ?? (flags.preset ? undefined : settings.manifestFile);
  return {
    manifest,
    preset: manifest ? undefined : (flags.preset ?? settings.preset),
    slots: flags.slots ?? settings.slots,
    precision: flags.precision ?? settings.precision,
    modelDir: flags.modelDir ?? settings.modelDir,
  };
}
