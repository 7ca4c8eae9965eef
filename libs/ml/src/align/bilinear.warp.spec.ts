import { rgbImage } from '../common/rgb-image';
import { SeededRandom } from '../common/seeded-random';
import { invertAffine } from './affine';
import { warpAffineBilinear } from './bilinear.warp';

/** The definition, written plainly: every pixel, every channel, bounds tested, Math.round. */
function plainWarp(src: ReturnType<typeof rgbImage>, m: Parameters<typeof warpAffineBilinear>[1], width: number, height: number) {
  const [a, b, c, d, e, f] = invertAffine(m);
  const out = rgbImage(width, height);
  const at = (x: number, y: number, ch: number) => (x >= 0 && y >= 0 && x < src.width && y < src.height ? src.data[(y * src.width + x) * 3 + ch] : 0);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const sx = a * u + b * v + c;
      const sy = d * u + e * v + f;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let ch = 0; ch < 3; ch++) {
        const value = (1 - fx) * (1 - fy) * at(x0, y0, ch) + fx * (1 - fy) * at(x0 + 1, y0, ch) + (1 - fx) * fy * at(x0, y0 + 1, ch) + fx * fy * at(x0 + 1, y0 + 1, ch);
        out.data[(v * width + u) * 3 + ch] = Math.round(value);
      }
    }
  }
  return out;
}

describe('warpAffineBilinear', () => {
  const src = rgbImage(4, 4);
  for (let i = 0; i < 16; i++) src.data.set([i * 10, 255 - i * 10, 7], i * 3);

  it('the identity copies the picture', () => {
    expect(Buffer.from(warpAffineBilinear(src, [1, 0, 0, 0, 1, 0], 4, 4).data)).toEqual(Buffer.from(src.data));
  });

  it('a half-pixel shift averages neighbours', () => {
    const out = warpAffineBilinear(src, [1, 0, -0.5, 0, 1, 0], 3, 1);
    expect(out.data[0]).toBe(5); // (0 + 10) / 2
    expect(out.data[3]).toBe(15);
  });

  it('samples outside the source are black', () => {
    const out = warpAffineBilinear(src, [1, 0, 10, 0, 1, 10], 4, 4);
    expect(out.data.every((v) => v === 0)).toBe(true);
  });

  it('equals the plain definition on a noisy picture under rotation, scale and shift (border pixels included)', () => {
    const rng = new SeededRandom(7);
    const noisy = rgbImage(97, 83);
    for (let i = 0; i < noisy.data.length; i++) noisy.data[i] = Math.floor(rng.next() * 256);
    const angle = 0.37;
    const m: Parameters<typeof warpAffineBilinear>[1] = [1.3 * Math.cos(angle), -1.3 * Math.sin(angle), 20.25, 1.3 * Math.sin(angle), 1.3 * Math.cos(angle), -31.5];
    const fast = warpAffineBilinear(noisy, m, 140, 120);
    const plain = plainWarp(noisy, m, 140, 120);
    let differing = 0;
    let largest = 0;
    for (let i = 0; i < fast.data.length; i++) {
      const delta = Math.abs(fast.data[i] - plain.data[i]);
      largest = Math.max(largest, delta);
      if (delta > 0) differing++;
    }
    expect(largest).toBeLessThanOrEqual(1);
    // Only float rounding at exact halves may differ (the sums' order is not the plain one's).
    expect(differing / fast.data.length).toBeLessThan(0.001);
  });
});
