import type * as tfc from '@tensorflow/tfjs-core';
import { loadHuman } from '../human.loader';
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
