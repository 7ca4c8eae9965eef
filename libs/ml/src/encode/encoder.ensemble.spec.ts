import { RgbImage, rgbImage } from '../common/rgb-image';
import { TEST_ENSEMBLE, ensureGeneratedManifest } from '../manifest/default-manifest';
import { TEST_MODEL_DIR } from '../testing/fixtures';
import { EncoderEnsemble } from './encoder.ensemble';
import { noiseCrop } from '../testing/noise-crop';

jest.setTimeout(90_000);

function mirrored(img: RgbImage): RgbImage {
  const out = rgbImage(img.width, img.height);
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const s = (y * img.width + x) * 3;
      const d = (y * img.width + (img.width - 1 - x)) * 3;
      out.data.set(img.data.subarray(s, s + 3), d);
    }
  }
  return out;
}

const slot = (e: Float32Array, k: number) => e.subarray(k * 512, (k + 1) * 512);
const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
const maxAbs = (a: Float32Array) => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

describe('EncoderEnsemble (three generated r18s)', () => {
  let twelve: EncoderEnsemble;
  let three: EncoderEnsemble;
  beforeAll(async () => {
    const m12 = await ensureGeneratedManifest({ dir: TEST_MODEL_DIR, specs: TEST_ENSEMBLE, slots: 12 });
    const m3 = await ensureGeneratedManifest({ dir: TEST_MODEL_DIR, specs: TEST_ENSEMBLE, slots: 3 });
    twelve = await EncoderEnsemble.create(m12, { intraOpNumThreads: 2 });
    three = await EncoderEnsemble.create(m3, { intraOpNumThreads: 2 });
  });
  afterAll(async () => {
    await twelve?.release();
    await three?.release();
  });

  it('12 slots: slot-major [12 x 512], finite, generated-weights flag set', async () => {
    const e = await twelve.encode(noiseCrop(1));
    expect(e).toHaveLength(12 * 512);
    expect(e.every((v) => Number.isFinite(v))).toBe(true);
    expect(twelve.weightsAreGenerated).toBe(true);
    expect(twelve.slots).toBe(12);
  });

  it('slots follow the reference order (model -> flip -> gray) and the 3-slot mode is the plain slots', async () => {
    const crop = noiseCrop(2);
    const e12 = await twelve.encode(crop);
    const e3 = await three.encode(crop);
    const e12mirror = await twelve.encode(mirrored(crop));
    const tol = (a: Float32Array) => 1e-4 * (1 + maxAbs(a));
    for (let m = 0; m < 3; m++) {
      expect(maxAbsDiff(slot(e3, m), slot(e12, 4 * m))).toBeLessThan(tol(slot(e3, m)));
      // flipping the crop swaps the flip / no-flip slots
      expect(maxAbsDiff(slot(e12mirror, 4 * m), slot(e12, 4 * m + 2))).toBeLessThan(tol(slot(e12, 4 * m)));
      expect(maxAbsDiff(slot(e12mirror, 4 * m + 1), slot(e12, 4 * m + 3))).toBeLessThan(tol(slot(e12, 4 * m)));
      expect(maxAbsDiff(slot(e12, 4 * m), slot(e12, 4 * m + 1))).toBeGreaterThan(tol(slot(e12, 4 * m)));
    }
  });

  it('is deterministic and tells different crops apart', async () => {
    const a = await three.encode(noiseCrop(3));
    const again = await three.encode(noiseCrop(3));
    const b = await three.encode(noiseCrop(4));
    expect(maxAbsDiff(a, again)).toBeLessThan(1e-4 * (1 + maxAbs(a)));
    expect(maxAbsDiff(a, b)).toBeGreaterThan(1e-3);
  });

  it('gives the same embeddings with and without the PRelu rewrite', async () => {
    const m3 = await ensureGeneratedManifest({ dir: TEST_MODEL_DIR, specs: TEST_ENSEMBLE, slots: 3 });
    const plain = await EncoderEnsemble.create(m3, { intraOpNumThreads: 2, preluRewrite: false });
    try {
      const crop = noiseCrop(5);
      const rewritten = await three.encode(crop);
      expect(maxAbsDiff(await plain.encode(crop), rewritten)).toBeLessThan(1e-4 * (1 + maxAbs(rewritten)));
    } finally {
      await plain.release();
    }
  });

  it('refuses a crop of the wrong size', async () => {
    await expect(three.encode(rgbImage(100, 100))).rejects.toThrow(/112x112/);
  });
});
