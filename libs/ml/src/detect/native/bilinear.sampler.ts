/**
 * Axis-aligned bilinear resampling with TensorFlow's index rules, so crops fed to the MediaPipe
 * models match what Human feeds them through tfjs (`tf.image.resizeBilinear`,
 * `tf.image.cropAndResize`). An axis-aligned crop is an affine map, but `warpAffineBilinear` in
 * align/ rounds to 8 bits and blends out-of-image neighbours with black one by one; TF instead
 * clamps (resize) or blanks the whole output pixel (crop), and the models see float values. The
 * two axes are independent, so each is computed once as a table and the sampler only looks it up.
 */

import type { PixelSource } from '../../align/bilinear.warp';

/** Where each output index along one axis reads the source: two neighbours and the weight of the second. */
export interface AxisSamples {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  readonly frac: Float64Array;
  /** 0 where TF writes the extrapolation value (0) instead of sampling. */
  readonly inside: Uint8Array;
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
  // Per output column: both neighbours' offsets within a row (pixel index × 3), looked up once.
  const left = new Int32Array(width);
  const right = new Int32Array(width);
  let allInside = true;
  for (let u = 0; u < width; u++) {
    left[u] = xs.lo[u] * 3;
    right[u] = xs.hi[u] * 3;
    if (!xs.inside[u]) allInside = false;
  }
  const fxs = xs.frac;
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
      if (!allInside && !xs.inside[u]) {
        out[o] = bias;
        out[o + 1] = bias;
        out[o + 2] = bias;
        continue;
      }
      const tl = top + left[u];
      const tr = top + right[u];
      const bl = bottom + left[u];
      const br = bottom + right[u];
      const fx = fxs[u];
      // Channels written out (the same arithmetic, in the same order, for each).
      let upper = s[tl] + (s[tr] - s[tl]) * fx;
      let lower = s[bl] + (s[br] - s[bl]) * fx;
      out[o] = (upper + (lower - upper) * fy) * scale + bias;
      upper = s[tl + 1] + (s[tr + 1] - s[tl + 1]) * fx;
      lower = s[bl + 1] + (s[br + 1] - s[bl + 1]) * fx;
      out[o + 1] = (upper + (lower - upper) * fy) * scale + bias;
      upper = s[tl + 2] + (s[tr + 2] - s[tl + 2]) * fx;
      lower = s[bl + 2] + (s[br + 2] - s[bl + 2]) * fx;
      out[o + 2] = (upper + (lower - upper) * fy) * scale + bias;
    }
  }
}

function allocate(n: number): AxisSamples {
  return { lo: new Int32Array(n), hi: new Int32Array(n), frac: new Float64Array(n), inside: new Uint8Array(n) };
}
