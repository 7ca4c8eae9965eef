import { mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import {
  type EncoderQuantizationReport,
  type ModelManifest,
  OnnxModelError,
  alignedFacesOf,
  createFaceDetector,
  findConvSites,
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
  // Fail before the slow part when a model cannot be quantized at all (already int8, opset < 13, ...).
  for (const m of loaded.models) await checkQuantizable(m.id, m.path);
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
  progress(`${count(faces.crops.length, 'face')} in ${count(photos.length, 'photo')}: ${calibration.length} calibrate, ${heldOut.length} held out`);

  // Each int8 model goes to a staging folder inside the out folder as soon as it is made (one
  // model in memory at a time); only when all are made do they move in beside the new manifest.
  // A failure removes the staging folder, and the out folder where this call made it: nothing is
  // written, and an earlier run's files stay as they were.
  const createdFrom = await mkdir(options.outDir, { recursive: true });
  const staging = await mkdtemp(join(options.outDir, '.quantize-'));
  const specs: ModelManifest['ensemble']['models'] = [];
  const manifest: ModelManifest = {
    version: `${loaded.version}-int8`,
    ...(loaded.weightsAreGenerated ? { generatedWeights: true } : {}),
    ensemble: { models: specs, slots: loaded.slots },
  };
  const manifestOut = join(options.outDir, 'manifest.json');
  let written = false;
  try {
    for (const m of loaded.models) {
      progress(`quantizing ${m.id} (${m.arch})`);
      const result = await quantizeEncoder({ model: await readFile(m.path), modelSha256: m.sha256, normalisation: m, inputName: m.inputName, calibration, heldOut });
      const file = uniqueFileName(safeFileStem(m.id), new Set(specs.map((x) => x.file)));
      await writeFile(join(staging, file), result.model);
      const { path: _path, ...spec } = m;
      specs.push({ ...spec, id: `${m.id}-int8`, file, sha256: sha256Bytes(result.model), version: `${m.version}-int8`, quantization: result.report });
      progress(`${m.id}: ${result.report.quantizedConvs} convs int8, cosine to float min ${result.report.agreement.minCosine} median ${result.report.agreement.medianCosine}`);
    }
    for (const spec of specs) await rename(join(staging, spec.file), join(options.outDir, spec.file));
    await writeFileAtomic(manifestOut, `${JSON.stringify(manifest, null, 2)}\n`);
    written = true;
  } finally {
    await rm(staging, { recursive: true, force: true });
    if (!written && createdFrom) await removeEmptyFolders(options.outDir, createdFrom);
  }
  return {
    manifest: manifestOut,
    version: manifest.version,
    photos: photos.length,
    skippedPhotos: faces.skipped,
    calibrationFaces: calibration.length,
    heldOutFaces: heldOut.length,
    models: specs.map((s) => ({ id: s.id, file: join(options.outDir, s.file), sha256: s.sha256, report: s.quantization as EncoderQuantizationReport })),
  };
}

/** Removes `dir` and its parents up to and including `top` while they are empty (rmdir refuses the others). */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let d = resolve(dir); ; d = dirname(d)) {
    try {
      await rmdir(d);
    } catch {
      return;
    }
    if (d === resolve(top) || dirname(d) === d) return;
  }
}

/** Throws MODEL_NOT_QUANTIZABLE unless the model holds at least one Conv that quantizeConvs can rewrite. */
async function checkQuantizable(id: string, path: string): Promise<void> {
  const bytes = await readFile(path);
  let found: ReturnType<typeof findConvSites>;
  try {
    found = findConvSites(bytes);
  } catch (e) {
    if (e instanceof OnnxModelError) throw new CliFailure('MODEL_NOT_QUANTIZABLE', `MODEL_NOT_QUANTIZABLE: ${id}: ${e.message}`);
    throw e;
  }
  if (found.sites.length === 0) {
    const why = [...new Set(found.kept.map((k) => k.reason))].join('; ') || 'it has no Conv';
    throw new CliFailure('MODEL_NOT_QUANTIZABLE', `MODEL_NOT_QUANTIZABLE: ${id}: no Conv could be quantized (${why})`);
  }
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** `STEM.int8.onnx`, or `STEM-2.int8.onnx` and so on where two ids make the same stem. */
function uniqueFileName(stem: string, taken: ReadonlySet<string>): string {
  let file = `${stem}.int8.onnx`;
  for (let n = 2; taken.has(file); n++) file = `${stem}-${n}.int8.onnx`;
  return file;
}

/** A model id as a file name inside the out folder: no separators, no leading dot. */
function safeFileStem(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
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
