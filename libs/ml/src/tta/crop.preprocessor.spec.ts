import { rgbImage } from '../common/rgb-image';
import { gray8, preprocessCrop } from './crop.preprocessor';
import { FOUR_VARIANTS, PLAIN_VARIANT, variantsPerModel } from './tta.variants';

const ARCFACE = { channelOrder: 'RGB', mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] } as const;

describe('crop preprocessing and TTA variants', () => {
  const crop = rgbImage(2, 1, Uint8Array.of(255, 0, 51, 0, 128, 255));

  it('plain: RGB, (x/255 − 0.5)/0.5, CHW', () => {
    const t = preprocessCrop(crop, PLAIN_VARIANT, ARCFACE);
    expect(Array.from(t).map((v) => +v.toFixed(4))).toEqual([1, -1, -1, 0.0039, -0.6, 1]);
  });

  it('BGR models get the channels swapped and their own mean/std', () => {
    const t = preprocessCrop(crop, PLAIN_VARIANT, { channelOrder: 'BGR', mean: [0, 0, 0], std: [1 / 255, 1 / 255, 1 / 255] });
    expect(Array.from(t).map((v) => Math.round(v))).toEqual([51, 255, 0, 128, 255, 0]);
  });

  it('four variants in the reference order: plain, gray, flip, flip+gray', () => {
    const t = preprocessCrop(crop, FOUR_VARIANTS, ARCFACE);
    const px = (n: number, c: number, x: number) => t[n * 6 + c * 2 + x];
    const g0 = gray8(255, 0, 51);
    expect(px(1, 0, 0)).toBeCloseTo(g0 / 127.5 - 1, 6);
    expect(px(1, 2, 0)).toBeCloseTo(g0 / 127.5 - 1, 6);
    expect(px(2, 0, 0)).toBeCloseTo(-1, 6); // flipped: pixel 1 comes first
    expect(px(3, 1, 1)).toBeCloseTo(px(1, 1, 0), 6);
  });

  it('slot layouts: 3 plain or 12 = 3 x 4', () => {
    expect(variantsPerModel(3, 3)).toHaveLength(1);
    expect(variantsPerModel(3, 12)).toHaveLength(4);
    expect(() => variantsPerModel(3, 6)).toThrow(RangeError);
    expect(gray8(255, 255, 255)).toBe(255);
  });
});
