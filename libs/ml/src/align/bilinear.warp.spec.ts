import { rgbImage } from '../common/rgb-image';
import { warpAffineBilinear } from './bilinear.warp';

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
});
