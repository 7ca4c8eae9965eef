import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EncoderEnsemble, type LoadedManifest, ensembleDistance, type RgbImage, TEST_ENSEMBLE, alignedFacesOf, createFaceDetector, ensureGeneratedManifest, loadManifestFile, sha256File } from '@gmdb/ml';
import { InvalidArgumentError } from 'commander';
import { CliFailure } from './cli-failure';
import { type QuantizeManifestSummary, quantizeManifest } from './manifest.quantizer';
import { parsePrecision } from './model-selection';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..', '..');
const IMAGES = join(ROOT, 'libs', 'ml', 'fixtures', 'images');
/** Shared cache of generated models (TEST_MODEL_DIR of libs/ml/src/testing/fixtures.ts). */
const MODEL_DIR = join(ROOT, 'var', 'models');

function photoFolder(parent: string, name: string, files: Record<string, string | Buffer>): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    if (typeof content === 'string') copyFileSync(join(IMAGES, content), join(dir, file));
    else writeFileSync(join(dir, file), content);
  }
  return dir;
}

/** Cosine similarity of two vectors: one minus the one-slot ensemble distance. */
const cosine = (a: Float32Array, b: Float32Array): number => 1 - ensembleDistance(a, b, 1);

async function failureOf(promise: Promise<unknown>): Promise<CliFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CliFailure);
  return error as CliFailure;
}

describe('quantizeManifest (gmdb model quantize) on the generated r18 test ensemble', () => {
  let tmp: string;
  let float: LoadedManifest;
  let photoDir: string;
  let outDir: string;
  let summary: QuantizeManifestSummary;
  const lines: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'gmdb-quantize-'));
    float = await ensureGeneratedManifest({ dir: MODEL_DIR, specs: TEST_ENSEMBLE, slots: 3 });
    // Sorted: 2008_002506.jpg (3 faces), astronaut.PNG (1 face, upper-case extension), broken.jpg
    // (not an image), chelsea.png and coffee.png (no face); notes.txt is not a photo.
    photoDir = photoFolder(tmp, 'photos', {
      '2008_002506.jpg': '2008_002506.jpg',
      'astronaut.PNG': 'astronaut.png',
      'broken.jpg': Buffer.from('not a jpeg'),
      'chelsea.png': 'chelsea.png',
      'coffee.png': 'coffee.png',
      'notes.txt': Buffer.from('calibration photos'),
    });
    outDir = join(tmp, 'out');
    summary = await quantizeManifest({ manifestFile: float.source as string, photoDir, outDir, heldOutFraction: 0.25 }, (line) => lines.push(line));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('counts the photos, reports the skipped ones and holds out every 4th face', () => {
    expect(summary.photos).toBe(5);
    expect(summary.skippedPhotos.map((s) => s.file)).toEqual(['broken.jpg', 'chelsea.png', 'coffee.png'].map((f) => join(photoDir, f)));
    expect(summary.skippedPhotos[0].reason).not.toBe('no face');
    expect(summary.skippedPhotos[0].reason.length).toBeGreaterThan(0);
    expect(summary.skippedPhotos.slice(1).map((s) => s.reason)).toEqual(['no face', 'no face']);
    // 3 faces of the group photo, then the astronaut: the 4th face is held out.
    expect(summary.calibrationFaces).toBe(3);
    expect(summary.heldOutFaces).toBe(1);
  });

  it('quantizes every Conv of every model, and the int8 embeddings follow the float ones on the held-out face', () => {
    expect(summary.models.map((m) => m.id)).toEqual(float.models.map((m) => `${m.id}-int8`));
    summary.models.forEach((m, i) => {
      expect(m.report).toMatchObject({ scheme: 'int8-qdq', fromSha256: float.models[i].sha256, quantizedConvs: 21, keptConvs: [], calibrationCrops: 3 });
      // 1 held-out crop x 4 flip/gray variants.
      expect(m.report.agreement).toMatchObject({ heldOut: true, inputs: 4 });
      expect(m.report.agreement.minCosine).toBeGreaterThan(0.99);
      expect(m.report.agreement.minCosine).toBeLessThanOrEqual(m.report.agreement.medianCosine);
      expect(m.file).toBe(join(outDir, `${float.models[i].id}.int8.onnx`));
    });
  });

  it('reports progress: the face split, then each model before and after it is quantized', () => {
    expect(lines[0]).toBe('4 faces in 5 photos: 3 calibrate, 1 held out');
    expect(lines).toHaveLength(1 + 2 * float.models.length);
    float.models.forEach((m, i) => {
      expect(lines[1 + 2 * i]).toBe(`quantizing ${m.id} (r18)`);
      const done = lines[2 + 2 * i];
      expect(done).toMatch(new RegExp(`^${m.id}: 21 convs int8, cosine to float min 0\\.99\\d* median [01]\\.\\d+$`));
      expect(done).toContain(`min ${summary.models[i].report.agreement.minCosine} `);
    });
  });

  it('writes only the int8 models and a manifest.json that loads with every sha256 checked', async () => {
    expect(readdirSync(outDir).sort()).toEqual(['manifest.json', ...float.models.map((m) => `${m.id}.int8.onnx`)].sort());
    expect(summary.manifest).toBe(join(outDir, 'manifest.json'));
    const loaded = await loadManifestFile(summary.manifest);
    expect(loaded.version).toBe(`${float.version}-int8`);
    expect(summary.version).toBe(loaded.version);
    expect(loaded.slots).toBe(3);
    expect(loaded.weightsAreGenerated).toBe(true);
    loaded.models.forEach((m, i) => {
      const from = float.models[i];
      expect(m).toMatchObject({ id: `${from.id}-int8`, version: `${from.version}-int8`, arch: from.arch, generated: from.generated, mean: from.mean, std: from.std, channelOrder: from.channelOrder });
      expect(m.path).toBe(summary.models[i].file);
      expect(m.sha256).toBe(summary.models[i].sha256);
      expect(m.quantization).toEqual(summary.models[i].report);
    });
    for (const m of summary.models) expect(await sha256File(m.file)).toBe(m.sha256);
    expect(JSON.parse(readFileSync(summary.manifest, 'utf8'))).toMatchObject({ generatedWeights: true });
  });

  it('makes the same bytes as the int8 preset (ensureGeneratedManifest precision int8), which calibrates on the same faces', async () => {
    // The preset calibrates on the group photo's three faces and holds out the astronaut (see
    // fixtureCalibrationPhotos in libs/ml): the same split as here, so the quantizer must agree byte for byte.
    const preset = await ensureGeneratedManifest({ dir: MODEL_DIR, specs: TEST_ENSEMBLE, slots: 3, precision: 'int8' });
    expect(summary.models.map((m) => m.sha256)).toEqual(preset.models.map((m) => m.sha256));
    expect(summary.models.map((m) => m.report)).toEqual(preset.models.map((m) => m.quantization));
  });

  it('the int8 ensemble encodes an aligned face to 3 slots close to the float ensemble\'s', async () => {
    const detector = await createFaceDetector('native');
    let crop: RgbImage;
    try {
      [crop] = (await alignedFacesOf([join(IMAGES, 'astronaut.png')], detector)).crops;
    } finally {
      await detector.dispose();
    }
    const [int8, fp32] = [await EncoderEnsemble.create(await loadManifestFile(summary.manifest)), await EncoderEnsemble.create(float)];
    try {
      const [a, b] = [await int8.encodeTimed(crop), await fp32.encodeTimed(crop)];
      expect(a.embedding).toHaveLength(3 * 512);
      expect(a.modelMs).toHaveLength(3);
      for (let slot = 0; slot < 3; slot++) {
        const at = (e: Float32Array) => e.subarray(slot * 512, (slot + 1) * 512);
        expect(cosine(at(a.embedding), at(b.embedding))).toBeGreaterThan(0.99);
      }
      // Same bytes as the float models would give identical embeddings: the int8 models differ.
      expect(Buffer.from(a.embedding.buffer).equals(Buffer.from(b.embedding.buffer))).toBe(false);
    } finally {
      await Promise.all([int8.release(), fp32.release()]);
    }
  });

  describe('failures: a stable code, and no model or manifest file written', () => {
    it.each([
      ['an empty folder', () => photoFolder(tmp, 'empty', {}), /^NO_CALIBRATION_PHOTOS: no \.jpg .* file in /],
      ['a folder without photos', () => photoFolder(tmp, 'text-only', { 'notes.txt': Buffer.from('x'), 'face.gif': Buffer.from('GIF89a') }), /^NO_CALIBRATION_PHOTOS: no \.jpg /],
      ['a missing folder', () => join(tmp, 'does-not-exist'), /^NO_CALIBRATION_PHOTOS: cannot read .*does-not-exist: ENOENT/],
    ])('%s -> NO_CALIBRATION_PHOTOS', async (what, folder, message) => {
      const out = join(tmp, `out-${what.replace(/ /g, '-')}`);
      const failure = await failureOf(quantizeManifest({ manifestFile: float.source as string, photoDir: folder(), outDir: out, heldOutFraction: 0.25 }, () => undefined));
      expect(failure.code).toBe('NO_CALIBRATION_PHOTOS');
      expect(failure.message).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });

    it('photos without a face -> NO_CALIBRATION_FACES, no progress line', async () => {
      const folder = photoFolder(tmp, 'no-faces', { 'coffee.png': 'coffee.png', 'chelsea.png': 'chelsea.png' });
      const out = join(tmp, 'out-no-faces');
      const seen: string[] = [];
      const failure = await failureOf(quantizeManifest({ manifestFile: float.source as string, photoDir: folder, outDir: out, heldOutFraction: 0.25 }, (l) => seen.push(l)));
      expect(failure.code).toBe('NO_CALIBRATION_FACES');
      expect(failure.message).toBe(`NO_CALIBRATION_FACES: no face found in the 2 photos of ${folder}`);
      expect(seen).toEqual([]);
      expect(existsSync(out)).toBe(false);
    });

    it('a manifest of models already quantized -> MODEL_NOT_QUANTIZABLE, naming the model and the reason', async () => {
      const folder = photoFolder(tmp, 'one-face', { 'astronaut.png': 'astronaut.png' });
      const out = join(tmp, 'out-again');
      const seen: string[] = [];
      const failure = await failureOf(quantizeManifest({ manifestFile: summary.manifest, photoDir: folder, outDir: out, heldOutFraction: 0.25 }, (l) => seen.push(l)));
      expect(failure.code).toBe('MODEL_NOT_QUANTIZABLE');
      expect(failure.message).toBe(`MODEL_NOT_QUANTIZABLE: ${summary.models[0].id}: no Conv could be quantized (already quantized (weight from DequantizeLinear))`);
      // Checked before any photo is read: no progress, no folder.
      expect(seen).toEqual([]);
      expect(existsSync(out)).toBe(false);
    });

    it('a quantizable model before one that is not: nothing written, an earlier run\'s files left as they were', async () => {
      const folder = photoFolder(tmp, 'one-face-mixed', { 'astronaut.png': 'astronaut.png' });
      const mixed = join(tmp, 'mixed.json');
      const floatSpec = { ...float.models[0], file: float.models[0].path, path: undefined };
      const int8Spec = { ...JSON.parse(readFileSync(summary.manifest, 'utf8')).ensemble.models[1], file: summary.models[1].file };
      writeFileSync(mixed, JSON.stringify({ version: 'mixed', ensemble: { slots: 2, models: [floatSpec, int8Spec] } }));
      const out = join(tmp, 'out-mixed');
      mkdirSync(out);
      writeFileSync(join(out, 'manifest.json'), 'earlier');
      const failure = await failureOf(quantizeManifest({ manifestFile: mixed, photoDir: folder, outDir: out, heldOutFraction: 0 }, () => undefined));
      expect(failure.code).toBe('MODEL_NOT_QUANTIZABLE');
      expect(failure.message).toContain(summary.models[1].id);
      expect(readdirSync(out)).toEqual(['manifest.json']);
      expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('earlier');
    });

    it.each([
      ['an out folder holding an earlier run', true],
      ['an out folder this call makes', false],
    ])('a failure after the first model is quantized (%s): the staged model removed, nothing written', async (_what, earlier) => {
      const folder = photoFolder(tmp, `one-face-midway-${earlier}`, { 'astronaut.png': 'astronaut.png' });
      // The second model's file goes away once the first model is done: its read fails half-way.
      const second = join(tmp, `second-${earlier}.onnx`);
      copyFileSync(float.models[1].path, second);
      const manifestFile = join(tmp, `midway-${earlier}.json`);
      const spec = (m: LoadedManifest['models'][number], file: string) => ({ ...m, file, path: undefined });
      writeFileSync(manifestFile, JSON.stringify({ version: 'midway', ensemble: { slots: 2, models: [spec(float.models[0], float.models[0].path), spec(float.models[1], second)] } }));
      const out = join(tmp, `out-midway-${earlier}`, 'nested');
      if (earlier) {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'manifest.json'), 'earlier');
      }
      const seen: string[] = [];
      const progress = (line: string) => {
        seen.push(line);
        if (line.startsWith(`${float.models[0].id}: `)) rmSync(second);
      };
      const error = await quantizeManifest({ manifestFile, photoDir: folder, outDir: out, heldOutFraction: 0 }, progress).then(
        () => undefined,
        (e: unknown) => e as NodeJS.ErrnoException,
      );
      expect(error?.code).toBe('ENOENT');
      expect(seen.map((l) => l.split(':')[0])).toEqual(['1 face in 1 photo', `quantizing ${float.models[0].id} (r18)`, float.models[0].id, `quantizing ${float.models[1].id} (r18)`]);
      if (earlier) {
        expect(readdirSync(out)).toEqual(['manifest.json']);
        expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe('earlier');
      } else {
        expect(existsSync(join(tmp, `out-midway-${earlier}`))).toBe(false);
      }
    });
  });
});

describe('parsePrecision (--precision of gmdb model manifest, encode, analyze)', () => {
  it.each(['fp32', 'int8'])('accepts %s', (value) => expect(parsePrecision(value)).toBe(value));

  it.each(['', 'FP32', 'int4', 'fp16', ' int8'])('rejects %p as a usage error', (value) => {
    expect(() => parsePrecision(value)).toThrow(InvalidArgumentError);
    expect(() => parsePrecision(value)).toThrow('fp32 or int8');
  });
});

describe('quantizeManifest with a model id that is not a plain file name', () => {
  it('writes the model inside the out folder under a sanitised name', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'gmdb-quantize-id-'));
    try {
      const float = await ensureGeneratedManifest({ dir: MODEL_DIR, specs: TEST_ENSEMBLE, slots: 3 });
      const manifest = join(tmp, 'escape.json');
      writeFileSync(manifest, JSON.stringify({ version: 'v', ensemble: { slots: 1, models: [{ ...float.models[0], id: '../escaped', file: float.models[0].path, path: undefined }] } }));
      const folder = photoFolder(tmp, 'photos', { 'astronaut.png': 'astronaut.png' });
      const out = join(tmp, 'nested', 'out');
      const result = await quantizeManifest({ manifestFile: manifest, photoDir: folder, outDir: out, heldOutFraction: 0 }, () => undefined);
      expect(readdirSync(join(tmp, 'nested'))).toEqual(['out']);
      expect(readdirSync(out).sort()).toEqual(['__escaped.int8.onnx', 'manifest.json']);
      expect(result.models[0]).toMatchObject({ id: '../escaped-int8', file: join(out, '__escaped.int8.onnx') });
      expect((await loadManifestFile(result.manifest)).models[0].path).toBe(join(out, '__escaped.int8.onnx'));
      // Two ids that make the same file name get two files.
      const twins = join(tmp, 'twins.json');
      const twin = (id: string) => ({ ...float.models[0], id, file: float.models[0].path, path: undefined });
      writeFileSync(twins, JSON.stringify({ version: 'v', ensemble: { slots: 2, models: [twin('a/b'), twin('a_b')] } }));
      const both = await quantizeManifest({ manifestFile: twins, photoDir: folder, outDir: join(tmp, 'twins'), heldOutFraction: 0 }, () => undefined);
      expect(both.models.map((m) => m.file)).toEqual([join(tmp, 'twins', 'a_b.int8.onnx'), join(tmp, 'twins', 'a_b-2.int8.onnx')]);
      expect(readdirSync(join(tmp, 'twins')).sort()).toEqual(['a_b-2.int8.onnx', 'a_b.int8.onnx', 'manifest.json']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
