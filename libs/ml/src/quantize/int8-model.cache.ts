import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Bytes, sha256File } from '../common/file-hash';
import { createFaceDetector } from '../detect/face-detector.factory';
import { FaceDetector } from '../detect/face-detector.interface';
import { IResNetSpec, writeFileAtomic } from '../generate/iresnet.generator';
import { ensureGeneratedModel, generatedModelFileName } from '../generate/model-cache';
import { ARCFACE_NORMALISATION } from '../manifest/model-manifest.schema';
import { alignedFacesOf, fixtureCalibrationPhotos } from './calibration-faces';
import { EncoderQuantizationReport, quantizeEncoder } from './encoder.quantizer';

export interface QuantizedModelFile extends IResNetSpec {
  file: string;
  sha256: string;
  report: EncoderQuantizationReport;
  /** true when this call quantized the model, false when a verified copy was reused. */
  created: boolean;
}

/** Bumped whenever the quantizer or its calibration changes what it writes: older cached copies are made again (5: calibration crops aligned from the detector's upright view). */
export const QUANTIZATION_REVISION = 5;

export function quantizedModelFileName(spec: IResNetSpec): string {
  return `iresnet-${spec.arch}-seed${spec.seed}.int8.onnx`;
}

/**
 * The int8 copy of each generated model under `dir`, made on first use (calibrated on the
 * committed fixture photos, see fixtureCalibrationPhotos) and reused afterwards. Beside `X.onnx`
 * sits `X.onnx.json`: its sha256, the quantizer's revision and the report; a copy is reused only
 * when its sha256, the revision and the float model it came from (by the float file's sha256
 * record) all still match. One face detector serves every model.
 */
export async function ensureQuantizedGeneratedModels(dir: string, specs: readonly IResNetSpec[]): Promise<QuantizedModelFile[]> {
  let detector: FaceDetector | undefined;
  try {
    const out: QuantizedModelFile[] = [];
    for (const spec of specs) {
      out.push(
        await ensureQuantizedGeneratedModel(dir, spec, async () => {
          detector ??= await createFaceDetector('native');
          return detector;
        }),
      );
    }
    return out;
  } finally {
    await detector?.dispose();
  }
}

async function ensureQuantizedGeneratedModel(dir: string, spec: IResNetSpec, detector: () => Promise<FaceDetector>): Promise<QuantizedModelFile> {
  const file = join(dir, quantizedModelFileName(spec));
  const record = `${file}.json`;
  if (existsSync(file) && existsSync(record)) {
    // The float model's own sha256 record says which float model this copy came from: a reused
    // copy does not need the float file hashed (hundreds of MB at every start) or even present.
    const floatSha256 = await readFile(join(dir, `${generatedModelFileName(spec)}.sha256`), 'utf8').then((t) => t.trim(), () => undefined);
    const saved = JSON.parse(await readFile(record, 'utf8')) as { revision?: number; sha256?: string; report?: EncoderQuantizationReport };
    if (saved.revision === QUANTIZATION_REVISION && floatSha256 !== undefined && saved.report?.fromSha256 === floatSha256 && saved.sha256 === (await sha256File(file))) {
      return { ...spec, file, sha256: saved.sha256, report: saved.report, created: false };
    }
  }
  const float = await ensureGeneratedModel(dir, spec);
  const photos = fixtureCalibrationPhotos();
  const d = await detector();
  const calibration = (await alignedFacesOf(photos.calibration, d)).crops;
  const heldOut = (await alignedFacesOf(photos.heldOut, d)).crops;
  if (calibration.length === 0) throw new Error(`no face found in the calibration photos ${photos.calibration.join(', ')}`);
  const { model, report } = await quantizeEncoder({
    model: await readFile(float.file),
    modelSha256: float.sha256,
    normalisation: ARCFACE_NORMALISATION,
    calibration,
    heldOut,
  });
  const sha256 = sha256Bytes(model);
  await writeFileAtomic(file, model);
  await writeFileAtomic(record, `${JSON.stringify({ revision: QUANTIZATION_REVISION, sha256, report }, null, 2)}\n`);
  return { ...spec, file, sha256, report, created: true };
}
