import { RgbImage, rgbImage } from '../common/rgb-image';
import { Affine, invertAffine } from './affine';

// Module-scope copies: global lookups are slow inside vm contexts (jest).
const { floor, round } = Math;

/**
 * `cv2.warpAffine(src, M, (width, height), flags=INTER_LINEAR, borderValue=0)`: each output pixel
 * (u, v) samples the source at M⁻¹·(u, v) bilinearly; neighbours outside the source count as black.
 * `m` maps source pixel coordinates to output pixel coordinates.
 */
export function warpAffineBilinear(src: RgbImage, m: Affine, width: number, height: number): RgbImage {
  const [ia, ib, ic, id, ie, iff] = invertAffine(m);
  const out = rgbImage(width, height);
  const dst = out.data;
  const s = src.data;
  const sw = src.width;
  const sh = src.height;
  const rowStride = sw * 3;
  for (let v = 0; v < height; v++) {
    let sx = ib * v + ic;
    let sy = ie * v + iff;
    let o = v * width * 3;
    for (let u = 0; u < width; u++, sx += ia, sy += id, o += 3) {
      const x0 = floor(sx);
      const y0 = floor(sy);
      if (x0 < -1 || y0 < -1 || x0 >= sw || y0 >= sh) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
        // All four neighbours inside (almost every pixel): no per-channel bounds tests, the same
        // sums in the same order as below.
        const p = y0 * rowStride + x0 * 3;
        const q = p + rowStride;
        // The sums are >= 0, where (x + 0.5) | 0 is Math.round(x) (twice as fast here), except one
        // ulp below a half, which float rounding lifts to the next integer.
        dst[o] = (w00 * s[p] + w01 * s[p + 3] + w10 * s[q] + w11 * s[q + 3] + 0.5) | 0;
        dst[o + 1] = (w00 * s[p + 1] + w01 * s[p + 4] + w10 * s[q + 1] + w11 * s[q + 4] + 0.5) | 0;
        dst[o + 2] = (w00 * s[p + 2] + w01 * s[p + 5] + w10 * s[q + 2] + w11 * s[q + 5] + 0.5) | 0;
        continue;
      }
      const inX0 = x0 >= 0;
      const inX1 = x0 + 1 < sw;
      const inY0 = y0 >= 0;
      const inY1 = y0 + 1 < sh;
      const p = y0 * rowStride + x0 * 3;
      for (let c = 0; c < 3; c++) {
        let acc = 0;
        if (inY0) {
          if (inX0) acc += w00 * s[p + c];
          if (inX1) acc += w01 * s[p + 3 + c];
        }
        if (inY1) {
          if (inX0) acc += w10 * s[p + rowStride + c];
          if (inX1) acc += w11 * s[p + rowStride + 3 + c];
        }
        dst[o + c] = round(acc);
      }
    }
  }
  return out;
}
