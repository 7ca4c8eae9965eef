/**
 * Axis-aligned bilinear resampling with TensorFlow's index rules, so crops fed to the MediaPipe
 * models match what Human feeds them through tfjs (`tf.image.resizeBilinear`,
 * `tf.image.cropAndResize`). An axis-aligned crop is an affine map, but `warpAffineBilinear` in
 * align/ rounds to 8 bits and blends out-of-image neighbours with black one by one; TF instead
 * clamps (resize) or blanks the whole output pixel (crop), and the models see float values. The
 * two axes are independent, so each is computed once as a table and the sampler only looks it up.
 */

import type { Affine } from '../../align/affine';

/** Where each output index along one axis reads the source: two neighbours and the weight of the second. */
export interface AxisSamples {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly frac: Float64Array;
  /** 0 where TF writes the extrapolation value (0) instead of sampling. */
  readonly inside: Uint8Array;
}

/** Interleaved 3-channel pixels, row-major: an 8-bit `RgbImage` or a float crop. */
export interface PixelSource {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
}

/** `tf.image.resizeBilinear(…, alignCorners=false, halfPixelCenters=false)` along one axis: source = i·in/out, upper neighbour clamped. */
export function resizeAxis(inSize: number, outSize: number): AxisSamples {
  const samples = allocate(outSize);
  const step = inSize / outSize;
  for (let i = 0; i < outSize; i++) {
    const s = i * step;
    const lo = Math.floor(s);
    samples.lo[i] = lo;
    samples.hi[i] = Math.min(Math.ceil(s), inSize - 1);
    samples.frac[i] = s - lo;
    samples.inside[i] = 1;
  }
  return samples;
}

/**
 * `tf.image.cropAndResize` along one axis for a crop from `start` to `end` given as fractions of
 * the source size: TF maps them onto [0, inSize−1] (not [0, inSize]) and blanks samples that fall
 * outside the source. A start above the end mirrors the axis.
 */
export function cropAxis(start: number, end: number, inSize: number, outSize: number): AxisSamples {
  const samples = allocate(outSize);
  const last = inSize - 1;
  const step = outSize > 1 ? ((end - start) * last) / (outSize - 1) : 0;
  for (let i = 0; i < outSize; i++) {
    const s = outSize > 1 ? start * last + i * step : 0.5 * (start + end) * last;
    if (s < 0 || s > last) continue;
    const lo = Math.floor(s);
    samples.lo[i] = lo;
    samples.hi[i] = Math.ceil(s);
    samples.frac[i] = s - lo;
    samples.inside[i] = 1;
  }
  return samples;
}

/** The same samples in reverse order: a left-right flip of the output (`tf.image.flipLeftRight`). */
export function mirrored(axis: AxisSamples): AxisSamples {
  return {
    lo: axis.lo.slice().reverse(),
    hi: axis.hi.slice().reverse(),
    frac: axis.frac.slice().reverse(),
    inside: axis.inside.slice().reverse(),
  };
}

/**
 * Samples `src` on the grid `xs` × `ys` into `out` (HWC, 3 channels) from `offset`, writing
 * `value·scale + bias` (the model's normalisation; blanked samples are 0 before it, as in TF where
 * the normalisation follows the crop). Interpolates along x first, then y, as TF's kernels do.
 */
export function sampleBilinear(src: PixelSource, xs: AxisSamples, ys: AxisSamples, out: Float32Array, offset: number, scale = 1, bias = 0): void {
  const s = src.data;
  const rowStride = src.width * 3;
  const width = xs.lo.length;
  let o = offset;
  for (let v = 0; v < ys.lo.length; v++) {
    if (!ys.inside[v]) {
      out.fill(bias, o, o + width * 3);
      o += width * 3;
      continue;
    }
    const top = ys.lo[v] * rowStride;
    const bottom = ys.hi[v] * rowStride;
    const fy = ys.frac[v];
    for (let u = 0; u < width; u++, o += 3) {
      if (!xs.inside[u]) {
        out[o] = bias;
        out[o + 1] = bias;
        out[o + 2] = bias;
        continue;
      }
      const left = xs.lo[u] * 3;
      const right = xs.hi[u] * 3;
      const fx = xs.frac[u];
      for (let c = 0; c < 3; c++) {
        const tl = s[top + left + c];
        const tr = s[top + right + c];
        const bl = s[bottom + left + c];
        const br = s[bottom + right + c];
        const upper = tl + (tr - tl) * fx;
        const lower = bl + (br - bl) * fx;
        out[o + c] = (upper + (lower - upper) * fy) * scale + bias;
      }
    }
  }
}

/**
 * Samples `src` at `toSource`·(u, v) for every output pixel (u, v) of a `width`×`height` grid into
 * `out` (HWC, 3 channels) from `offset`, writing `value·scale + bias`. Bilinear, neighbours
 * outside the source count as 0 (as `warpAffineBilinear` in align/ does, but unrounded): a rotated
 * crop straight from the photo, for a view of it that was never materialised.
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

function allocate(n: number): AxisSamples {
  return { lo: new Int32Array(n), hi: new Int32Array(n), frac: new Float64Array(n), inside: new Uint8Array(n) };
}
