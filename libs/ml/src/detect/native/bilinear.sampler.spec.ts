import type * as tfc from '@tensorflow/tfjs-core';
import { composeAffine, invertAffine, rotationAbout } from '../../align/affine';
import { warpAffineBilinear } from '../../align/bilinear.warp';
import { rgbImage } from '../../common/rgb-image';
import { loadHuman } from '../human.loader';
import { sampleAffine } from '../../align/bilinear.warp';
import { cropAxis, mirrored, resizeAxis, sampleBilinear } from './bilinear.sampler';

type Tfjs = Pick<typeof tfc, 'tensor4d' | 'image' | 'dispose'>;

/** A 13×9 RGB test card with distinct values in every channel. */
const W = 13;
const H = 9;
const PIXELS = Float32Array.from({ length: W * H * 3 }, (_, i) => (i * 37) % 251);

describe('bilinear sampler follows TF’s resize and crop rules (against tfjs-wasm)', () => {
  let tf: Tfjs;
  beforeAll(async () => {
    tf = (await loadHuman(1, 1)).tf as Tfjs;
  });

  const sample = (xs: ReturnType<typeof resizeAxis>, ys: ReturnType<typeof resizeAxis>) => {
    const out = new Float32Array(xs.lo.length * ys.lo.length * 3);
    sampleBilinear({ width: W, height: H, data: PIXELS }, xs, ys, out, 0);
    return out;
  };
  const expectClose = (actual: Float32Array, expected: Float32Array | Int32Array | Uint8Array) => {
    expect(actual).toHaveLength(expected.length);
    const worst = actual.reduce((m, v, i) => Math.max(m, Math.abs(v - expected[i])), 0);
    expect(worst).toBeLessThan(1e-3);
  };

  it.each([
    [5, 4],
    [30, 20],
  ])('resizeBilinear to %i×%i (down and up)', async (w, h) => {
    const x = tf.tensor4d(PIXELS, [1, H, W, 3]);
    const y = tf.image.resizeBilinear(x, [h, w]);
    expectClose(sample(resizeAxis(W, w), resizeAxis(H, h)), (await y.data()) as Float32Array);
    tf.dispose([x, y]);
  });

  it.each([
    ['inside', [0.1, 0.2, 0.7, 0.9]],
    ['partly outside (blank there)', [-0.3, -0.2, 0.6, 1.4]],
  ] as const)('cropAndResize %s, then flipped', async (_label, [y0, x0, y1, x1]) => {
    const x = tf.tensor4d(PIXELS, [1, H, W, 3]);
    const crop = tf.image.cropAndResize(x, [[y0, x0, y1, x1]], [0], [7, 6]);
    const flipped = tf.image.flipLeftRight(crop);
    const xs = cropAxis(x0, x1, W, 6);
    const ys = cropAxis(y0, y1, H, 7);
    expectClose(sample(xs, ys), (await crop.data()) as Float32Array);
    expectClose(sample(mirrored(xs), ys), (await flipped.data()) as Float32Array);
    tf.dispose([x, crop, flipped]);
  });

  it('writes value·scale + bias, blanks included', () => {
    const out = new Float32Array(3);
    sampleBilinear({ width: W, height: H, data: PIXELS }, cropAxis(-1, -1, W, 1), cropAxis(0, 0, H, 1), out, 0, 1 / 127.5, -1);
    expect(Array.from(out)).toEqual([-1, -1, -1]);
  });
});

describe('sampleAffine', () => {
  const image = rgbImage(W, H, Uint8Array.from(PIXELS));

  it('samples as warpAffineBilinear does (black outside), unrounded, through the inverse map', () => {
    // A rotated, enlarged view reaching past every border of the test card.
    const toView = composeAffine([1.7, 0, 6, 0, 1.7, 4], rotationAbout([6, 4], 0.4));
    const warped = warpAffineBilinear(image, toView, 25, 19);
    const out = new Float32Array(25 * 19 * 3 + 3);
    sampleAffine(image, invertAffine(toView), 25, 19, out, 3);
    const worst = warped.data.reduce((m, v, i) => Math.max(m, Math.abs(out[i + 3] - v)), 0);
    expect(worst).toBeLessThanOrEqual(0.5);
    expect(out.subarray(3).some((v) => v !== Math.round(v))).toBe(true);
    expect(out.subarray(3).some((v) => v === 0)).toBe(true);
  });

  it('writes value·scale + bias, outside the source included', () => {
    const out = new Float32Array(6);
    sampleAffine(image, [1, 0, 2, 0, 1, 3], 1, 1, out, 0, 1 / 255);
    sampleAffine(image, [1, 0, -5, 0, 1, -5], 1, 1, out, 3, 1 / 127.5, -1);
    const at = (3 * W + 2) * 3;
    expect(Array.from(out.subarray(0, 3))).toEqual(Array.from(PIXELS.subarray(at, at + 3)).map((v) => Math.fround(v / 255)));
    expect(Array.from(out.subarray(3))).toEqual([-1, -1, -1]);
  });
});
