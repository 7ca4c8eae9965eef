import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RgbImage, rgbImage } from '../common/rgb-image';
import { sha256File } from '../common/file-hash';
import { createFaceDetector } from '../detect/face-detector.factory';
import { ensembleDistance } from '../distance/cosine.distance';
import { FaceDetector } from '../detect/face-detector.interface';
import { EncoderEnsemble } from '../encode/encoder.ensemble';
import { ensureGeneratedModel, generatedModelFileName } from '../generate/model-cache';
import { TEST_ENSEMBLE, ensureGeneratedManifest } from '../manifest/default-manifest';
import { ARCFACE_NORMALISATION } from '../manifest/model-manifest.schema';
import { TEST_MODEL_DIR } from '../testing/fixtures';
import { alignedFacesOf, fixtureCalibrationPhotos } from './calibration-faces';
import { contrastStretched, quantizeEncoder } from './encoder.quantizer';
import { QUANTIZATION_REVISION, ensureQuantizedGeneratedModels, quantizedModelFileName } from './int8-model.cache';

jest.setTimeout(120_000);

/** Cosine similarity of two vectors: one minus the one-slot ensemble distance. */
const cosine = (a: Float32Array, b: Float32Array): number => 1 - ensembleDistance(a, b, 1);

describe('contrastStretched', () => {
  it('maps the 1st–99th percentile of the values onto 0–255', () => {
    const crop = rgbImage(10, 10);
    // 300 values: 50 ... 149 three times each. The value below which more than 1 % (3) of them
    // lie is 51; more than 99 % (297) lie at or below 149.
    for (let i = 0; i < crop.data.length; i++) crop.data[i] = 50 + (i % 100);
    const out = contrastStretched(crop);
    expect(out.width).toBe(10);
    expect(out.data[1]).toBe(0); // 51 → 0
    expect(out.data[99]).toBe(255); // 149 → 255
    expect(out.data[0]).toBe(0); // below the 1st percentile: clamped
    expect(out.data[50]).toBe(Math.round(((100 - 51) * 255) / (149 - 51)));
    expect(crop.data[1]).toBe(51); // the input is left as it was
  });

  it('leaves a flat crop flat instead of dividing by zero', () => {
    const crop: RgbImage = { width: 2, height: 2, data: new Uint8Array(12).fill(77) };
    expect([...contrastStretched(crop).data]).toEqual(new Array(12).fill(0));
  });
});

describe('quantizeEncoder on a generated r18 and the fixture faces', () => {
  let detector: FaceDetector;
  let calibration: RgbImage[];
  let heldOut: RgbImage[];
  beforeAll(async () => {
    detector = await createFaceDetector('native');
    const photos = fixtureCalibrationPhotos();
    calibration = (await alignedFacesOf(photos.calibration, detector)).crops;
    heldOut = (await alignedFacesOf(photos.heldOut, detector)).crops;
  });
  afterAll(() => detector?.dispose());

  it('finds the three faces of the group photo for calibration and the astronaut to hold out', () => {
    expect(calibration).toHaveLength(3);
    expect(heldOut).toHaveLength(1);
    expect(calibration.every((c) => c.width === 112 && c.height === 112)).toBe(true);
  });

  it('quantizes every conv and keeps the held-out embeddings at cosine > 0.99 of the float model', async () => {
    const float = await ensureGeneratedModel(TEST_MODEL_DIR, TEST_ENSEMBLE[2]);
    const { model, report } = await quantizeEncoder({ model: await readFile(float.file), modelSha256: float.sha256, normalisation: ARCFACE_NORMALISATION, calibration, heldOut });
    expect(report).toMatchObject({ scheme: 'int8-qdq', fromSha256: float.sha256, quantizedConvs: 21, keptConvs: [], calibrationCrops: 3 });
    // The astronaut's four flip × gray variants.
    expect(report.agreement).toMatchObject({ heldOut: true, inputs: 4 });
    expect(report.agreement.minCosine).toBeGreaterThan(0.99);
    expect(report.agreement.minCosine).toBeLessThan(1);
    expect(report.agreement.medianCosine).toBeGreaterThanOrEqual(report.agreement.minCosine);
    // The convs' weights shrink to a quarter; the 25088 × 512 Gemm of the head (51 MB) stays float.
    const floatBytes = (await readFile(float.file)).length;
    expect(model.length).toBeLessThan(floatBytes - 0.7 * (floatBytes - 25088 * 512 * 4));
  });

  it('measures the agreement on the calibration crops when none are held out, and says so', async () => {
    const float = await ensureGeneratedModel(TEST_MODEL_DIR, TEST_ENSEMBLE[0]);
    const { report } = await quantizeEncoder({ model: await readFile(float.file), modelSha256: float.sha256, normalisation: ARCFACE_NORMALISATION, calibration, heldOut: [] });
    expect(report.agreement).toMatchObject({ heldOut: false, inputs: 12 });
  });

  it('refuses to quantize without calibration crops', async () => {
    await expect(quantizeEncoder({ model: new Uint8Array(0), modelSha256: '0'.repeat(64), normalisation: ARCFACE_NORMALISATION, calibration: [], heldOut })).rejects.toThrow(/at least one calibration crop/);
  });
});

describe('ensureQuantizedGeneratedModels', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gmdb-int8-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('makes the int8 copy once, records it, and reuses it while it and its float model are unchanged', async () => {
    const spec = TEST_ENSEMBLE[0];
    const [first] = await ensureQuantizedGeneratedModels(dir, [spec]);
    expect(first.created).toBe(true);
    expect(first.file).toBe(join(dir, quantizedModelFileName(spec)));
    expect(await sha256File(first.file)).toBe(first.sha256);
    const record = JSON.parse(await readFile(`${first.file}.json`, 'utf8'));
    expect(record).toEqual({ revision: QUANTIZATION_REVISION, sha256: first.sha256, report: first.report });

    const [again] = await ensureQuantizedGeneratedModels(dir, [spec]);
    expect(again).toMatchObject({ created: false, sha256: first.sha256 });

    // Reuse goes by the float model's sha256 record, without reading the float file: it may be gone.
    await rm(join(dir, generatedModelFileName(spec)));
    const [withoutFloat] = await ensureQuantizedGeneratedModels(dir, [spec]);
    expect(withoutFloat).toMatchObject({ created: false, sha256: first.sha256 });

    // A damaged copy is made again, to the same bytes (calibration and quantization are deterministic).
    await writeFile(first.file, 'damaged');
    const [remade] = await ensureQuantizedGeneratedModels(dir, [spec]);
    expect(remade).toMatchObject({ created: true, sha256: first.sha256 });

    // So is a copy an older quantizer revision wrote.
    await writeFile(`${first.file}.json`, JSON.stringify({ ...record, revision: QUANTIZATION_REVISION - 1 }));
    const [newer] = await ensureQuantizedGeneratedModels(dir, [spec]);
    expect(newer.created).toBe(true);
  });
});

describe('ensureGeneratedManifest with precision int8', () => {
  it('names the int8 copies, versions them apart from the float models, and encodes within cosine 0.99 of them', async () => {
    const int8 = await ensureGeneratedManifest({ dir: TEST_MODEL_DIR, specs: TEST_ENSEMBLE, slots: 3, precision: 'int8' });
    const float = await ensureGeneratedManifest({ dir: TEST_MODEL_DIR, specs: TEST_ENSEMBLE, slots: 3 });
    expect(int8.version).toBe(`${float.version}-int8`);
    expect(int8.weightsAreGenerated).toBe(true);
    int8.models.forEach((m, i) => {
      expect(m.path.endsWith('.int8.onnx')).toBe(true);
      expect(m.version).toBe(`${float.models[i].version}-int8`);
      expect(m.quantization?.fromSha256).toBe(float.models[i].sha256);
    });
    const detector = await createFaceDetector('native');
    const [crop] = (await alignedFacesOf(fixtureCalibrationPhotos().heldOut, detector)).crops;
    await detector.dispose();
    const [a, b] = [await EncoderEnsemble.create(int8, { intraOpNumThreads: 2 }), await EncoderEnsemble.create(float, { intraOpNumThreads: 2 })];
    try {
      const [x, y] = [await a.encode(crop), await b.encode(crop)];
      for (let k = 0; k < 3; k++) expect(cosine(x.subarray(k * 512, (k + 1) * 512), y.subarray(k * 512, (k + 1) * 512))).toBeGreaterThan(0.99);
    } finally {
      await Promise.all([a.release(), b.release()]);
    }
  });
});
