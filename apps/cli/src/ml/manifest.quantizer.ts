import { mkdir, readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import {
  type EncoderQuantizationReport,
  type ModelManifest,
  OnnxModelError,
  alignedFacesOf,
  createFaceDetector,
  loadManifestFile,
  quantizeEncoder,
  sha256Bytes,
  writeFileAtomic,
} from '@gmdb/ml';
import { CliFailure } from './cli-failure';

const PHOTO_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff']);

export interface QuantizeManifestOptions {
  manifestFile: string;
  photoDir: string;
  outDir: string;
  /** Share of the faces (every k-th, in file-name order) kept out of calibration to measure the agreement. */
  heldOutFraction: number;
}

export interface QuantizeManifestSummary {
  manifest: string;
  version: string;
  photos: number;
  skippedPhotos: { file: string; reason: string }[];
  calibrationFaces: number;
  heldOutFaces: number;
  models: { id: string; file: string; sha256: string; report: EncoderQuantizationReport }[];
}

/**
 * `gmdb model quantize`: every encoder of a manifest quantized to int8 (see quantizeEncoder) on the
 * faces of a folder of photos, written beside a new manifest whose version and model versions end
 * in `-int8`, so that their embeddings are never mixed with the float models'. Validate the result
 * with `gmdb eval` on labelled data before serving it.
 */
export async function quantizeManifest(options: QuantizeManifestOptions, progress: (line: string) => void): Promise<QuantizeManifestSummary> {
  const loaded = await loadManifestFile(options.manifestFile);
  const photos = (await listPhotos(options.photoDir)).map((f) => join(options.photoDir, f));
  if (photos.length === 0) throw new CliFailure('NO_CALIBRATION_PHOTOS', `NO_CALIBRATION_PHOTOS: no ${[...PHOTO_EXTENSIONS].join(' ')} file in ${options.photoDir}`);
  const detector = await createFaceDetector('native');
  let faces: Awaited<ReturnType<typeof alignedFacesOf>>;
  try {
    faces = await alignedFacesOf(photos, detector);
  } finally {
    await detector.dispose();
  }
  const every = options.heldOutFraction > 0 ? Math.max(2, Math.round(1 / options.heldOutFraction)) : 0;
  const heldOut = every ? faces.crops.filter((_, i) => i % every === every - 1) : [];
  const calibration = every ? faces.crops.filter((_, i) => i % every !== every - 1) : faces.crops;
  if (calibration.length === 0) throw new CliFailure('NO_CALIBRATION_FACES', `NO_CALIBRATION_FACES: no face found in the ${photos.length} photos of ${options.photoDir}`);
  progress(`${faces.crops.length} faces in ${photos.length} photos: ${calibration.length} calibrate, ${heldOut.length} held out`);

  await mkdir(options.outDir, { recursive: true });
  const models: QuantizeManifestSummary['models'] = [];
  const specs: ModelManifest['ensemble']['models'] = [];
  for (const m of loaded.models) {
    progress(`quantizing ${m.id} (${m.arch})`);
    let result: Awaited<ReturnType<typeof quantizeEncoder>>;
    try {
      result = await quantizeEncoder({ model: await readFile(m.path), modelSha256: m.sha256, normalisation: m, calibration, heldOut });
    } catch (e) {
      if (e instanceof OnnxModelError) throw new CliFailure('MODEL_NOT_QUANTIZABLE', `MODEL_NOT_QUANTIZABLE: ${m.id}: ${e.message}`);
      throw e;
    }
    if (result.report.quantizedConvs === 0) {
      const why = [...new Set(result.report.keptConvs.map((k) => k.reason))].join('; ') || 'it has no Conv';
      throw new CliFailure('MODEL_NOT_QUANTIZABLE', `MODEL_NOT_QUANTIZABLE: ${m.id}: no Conv could be quantized (${why})`);
    }
    const file = `${m.id}.int8.onnx`;
    const sha256 = sha256Bytes(result.model);
    await writeFileAtomic(join(options.outDir, file), result.model);
    const { path: _path, ...spec } = m;
    specs.push({ ...spec, id: `${m.id}-int8`, file, sha256, version: `${m.version}-int8`, quantization: result.report });
    models.push({ id: `${m.id}-int8`, file: join(options.outDir, file), sha256, report: result.report });
    progress(`${m.id}: ${result.report.quantizedConvs} convs int8, cosine to float min ${result.report.agreement.minCosine} median ${result.report.agreement.medianCosine}`);
  }
  const manifest: ModelManifest = {
    version: `${loaded.version}-int8`,
    ...(loaded.weightsAreGenerated ? { generatedWeights: true } : {}),
    ensemble: { models: specs, slots: loaded.slots },
  };
  const manifestOut = join(options.outDir, 'manifest.json');
  await writeFileAtomic(manifestOut, `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    manifest: manifestOut,
    version: manifest.version,
    photos: photos.length,
    skippedPhotos: faces.skipped,
    calibrationFaces: calibration.length,
    heldOutFaces: heldOut.length,
    models,
  };
}

async function listPhotos(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    throw new CliFailure('NO_CALIBRATION_PHOTOS', `NO_CALIBRATION_PHOTOS: cannot read ${dir}: ${(e as Error).message}`);
  }
  return names.filter((n) => PHOTO_EXTENSIONS.has(extname(n).toLowerCase())).sort();
}
