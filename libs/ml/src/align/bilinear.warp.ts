import { RgbImage, rgbImage } from '../common/rgb-image';
import { Affine, invertAffine } from './affine';

/** Interleaved 3-channel pixels, row-major: an 8-bit `RgbImage` or a float crop. */
export interface PixelSource {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

/**
 * `cv2.warpAffine(src, M, (width, height), flags=INTER_LINEAR, borderValue=0)`: each output pixel
 * (u, v) samples the source at M⁻¹·(u, v) bilinearly (sampleAffine); neighbours outside the source
 * count as black. `m` maps source pixel coordinates to output pixel coordinates.
 */
export function warpAffineBilinear(src: RgbImage, m: Affine, width: number, height: number): RgbImage {
  const sampled = new Float32Array(width * height * 3);
  sampleAffine(src, invertAffine(m), width, height, sampled, 0);
  const out = rgbImage(width, height);
  // The samples are >= 0, where (x + 0.5) | 0 is Math.round(x) (twice as fast here).
  for (let i = 0; i < sampled.length; i++) out.data[i] = (sampled[i] + 0.5) | 0;
  return out;
}

/**
 * Samples `src` at `toSource`·(u, v) for every output pixel (u, v) of a `width`×`height` grid into
 * `out` (HWC, 3 channels) from `offset`, writing `value·scale + bias`. Bilinear, neighbours
 * outside the source count as 0. The one affine kernel: warpAffineBilinear rounds its samples;
 * the face detector samples its rotated mesh crop straight from the photo with it.
 */
export function sampleAffine(src: PixelSource, toSource: Affine, width: number, height: number, out: Float32Array, offset: number, scale = 1, bias = 0): void {
  const [a, b, c, d, e, f] = toSource;
  const s = src.data;
  const sw = src.width;
  const sh = src.height;
  const rowStride = sw * 3;
  let o = offset;
  for (let v = 0; v < height; v++) {
    let sx = b * v + c;
    let sy = e * v + f;
    for (let u = 0; u < width; u++, sx += a, sy += d, o += 3) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < -1 || y0 < -1 || x0 >= sw || y0 >= sh) {
        out[o] = bias;
        out[o + 1] = bias;
        out[o + 2] = bias;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
        // All four neighbours inside (almost every sample): no bounds tests, channels written out.
        const p = y0 * rowStride + x0 * 3;
        const q = p + rowStride;
        const w00 = (1 - fx) * (1 - fy);
        const w01 = fx * (1 - fy);
        const w10 = (1 - fx) * fy;
        const w11 = fx * fy;
        out[o] = (w00 * s[p] + w01 * s[p + 3] + w10 * s[q] + w11 * s[q + 3]) * scale + bias;
        out[o + 1] = (w00 * s[p + 1] + w01 * s[p + 4] + w10 * s[q + 1] + w11 * s[q + 4]) * scale + bias;
        out[o + 2] = (w00 * s[p + 2] + w01 * s[p + 5] + w10 * s[q + 2] + w11 * s[q + 5]) * scale + bias;
        continue;
      }
      const w00 = x0 >= 0 && y0 >= 0 ? (1 - fx) * (1 - fy) : 0;
      const w01 = x0 + 1 < sw && y0 >= 0 ? fx * (1 - fy) : 0;
      const w10 = x0 >= 0 && y0 + 1 < sh ? (1 - fx) * fy : 0;
      const w11 = x0 + 1 < sw && y0 + 1 < sh ? fx * fy : 0;
      // Clamped indices: a neighbour outside the source has weight 0, any pixel read for it will do.
      const p00 = clampIndex(y0, sh) * rowStride + clampIndex(x0, sw) * 3;
      const p01 = clampIndex(y0, sh) * rowStride + clampIndex(x0 + 1, sw) * 3;
      const p10 = clampIndex(y0 + 1, sh) * rowStride + clampIndex(x0, sw) * 3;
      const p11 = clampIndex(y0 + 1, sh) * rowStride + clampIndex(x0 + 1, sw) * 3;
      for (let ch = 0; ch < 3; ch++) {
        out[o + ch] = (w00 * s[p00 + ch] + w01 * s[p01 + ch] + w10 * s[p10 + ch] + w11 * s[p11 + ch]) * scale + bias;
      }
    }
  }
}

function clampIndex(i: number, size: number): number {
  return i < 0 ? 0 : i >= size ? size - 1 : i;
}
