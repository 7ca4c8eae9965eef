import { basename, join } from 'node:path';
import { IResNetSpec, writeFileAtomic } from '../generate/iresnet.generator';
import { ensureGeneratedModels } from '../generate/model-cache';
import { EncoderQuantizationReport } from '../quantize/encoder.quantizer';
import { ensureQuantizedGeneratedModels } from '../quantize/int8-model.cache';
import { LoadManifestOptions, LoadedManifest, loadManifestFile } from './manifest.loader';
import { ARCFACE_NORMALISATION, ModelManifest } from './model-manifest.schema';

/** The paper's ensemble (fine-tuned r50, fine-tuned r100, stock r100) with generated weights. */
export const PAPER_ENSEMBLE: readonly IResNetSpec[] = [
  { arch: 'r50', seed: 1 },
  { arch: 'r100', seed: 2 },
  { arch: 'r100', seed: 3 },
];

/** Three small r18s for tests: same slot layout as the paper's ensemble, much faster. */
export const TEST_ENSEMBLE: readonly IResNetSpec[] = [
  { arch: 'r18', seed: 11 },
  { arch: 'r18', seed: 12 },
  { arch: 'r18', seed: 13 },
];

export interface GeneratedManifestOptions {
  /** Folder for the models and the manifest (default `./var/models`). */
  dir?: string;
  specs?: readonly IResNetSpec[];
  /** 12 (flip x gray, the paper) or 3 (plain, the service default) for a 3-model ensemble. */
  slots?: number;
  /** Manifest file name inside `dir`. */
  fileName?: string;
  /**
   * 'fp32' (default): the generated models as written. 'int8': their int8 copies (see
   * ensureQuantizedGeneratedModels), 2–2.7× faster on CPUs with VNNI / AMX, with
   * embeddings of their own version.
   */
  precision?: EncoderPrecision;
}

export type EncoderPrecision = 'fp32' | 'int8';
export const ENCODER_PRECISIONS: readonly EncoderPrecision[] = ['fp32', 'int8'];

/** Builds a manifest document for generated models (sha256 from the cache records). */
export async function buildGeneratedManifest(options: GeneratedManifestOptions = {}): Promise<ModelManifest> {
  const dir = options.dir ?? join(process.cwd(), 'var', 'models');
  const specs = options.specs ?? PAPER_ENSEMBLE;
  const int8 = options.precision === 'int8';
  const files: { arch: string; seed: number; file: string; sha256: string; report?: EncoderQuantizationReport }[] = int8
    ? await ensureQuantizedGeneratedModels(dir, specs)
    : await ensureGeneratedModels(dir, specs);
  const suffix = int8 ? '-int8' : '';
  return {
    version: `generated-${specs.map((s) => `${s.arch}s${s.seed}`).join('-')}${suffix}`,
    generatedWeights: true,
    ensemble: {
      slots: options.slots ?? 4 * specs.length,
      models: files.map((f, i) => ({
        id: `m${i}-${f.arch}-seed${f.seed}${suffix}`,
        file: basename(f.file),
        sha256: f.sha256,
        arch: f.arch,
        ...ARCFACE_NORMALISATION,
        mean: [...ARCFACE_NORMALISATION.mean],
        std: [...ARCFACE_NORMALISATION.std],
        version: `generated-seed${f.seed}${suffix}`,
        generated: { seed: f.seed },
        ...(f.report ? { quantization: f.report } : {}),
      })),
    },
  };
}

/**
 * Makes (first use) or reuses the generated models under `dir`, writes `<fileName>` beside them
 * and loads it. The default is the paper's ensemble r50 + r100 + r100 with 12 slots.
 */
export async function ensureGeneratedManifest(options: GeneratedManifestOptions = {}, load: LoadManifestOptions = {}): Promise<LoadedManifest> {
  const dir = options.dir ?? join(process.cwd(), 'var', 'models');
  const manifest = await buildGeneratedManifest({ ...options, dir });
  const file = join(dir, options.fileName ?? `manifest-${manifest.version}-s${manifest.ensemble.slots}.json`);
  await writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
  // The cache has just verified every file's sha256; do not hash hundreds of MB twice.
  return loadManifestFile(file, { verifyChecksums: false, ...load });
}
