// Module-scope copies of Math functions: global lookups are slow inside vm contexts (jest).
const { abs, max, min, round } = Math;

/** The calibrated value range of one activation tensor. */
export interface ActivationRange {
  min: number;
  max: number;
}

const INT32_MAX = 2 ** 31 - 1;
/** Symmetric int8 weights use [-127, 127], so that negating a weight never saturates. */
const WEIGHT_LEVELS = 127;
/** The smallest step used for a range that is (almost) a single value, so that no scale is 0. */
const MIN_SCALE = 1e-8;

/**
 * Asymmetric uint8 quantization of an activation range, widened to contain 0 so that 0 (the conv's
 * zero padding, a Relu's floor) is exact: scale = (hi − lo) / 255, zero point = round(−lo / scale).
 */
export function activationQuantization(range: ActivationRange): { scale: number; zeroPoint: number } {
  if (!Number.isFinite(range.min) || !Number.isFinite(range.max) || range.min > range.max) {
    throw new RangeError(`activation range [${range.min}, ${range.max}] is not a finite interval`);
  }
  const lo = min(0, range.min);
  const hi = max(0, range.max);
  const scale = fround(max((hi - lo) / 255, MIN_SCALE));
  const zeroPoint = min(255, max(0, round(-lo / scale)));
  return { scale, zeroPoint };
}

/** Symmetric int8 per output channel (axis 0): scale_c = max |W_c| / 127, zero point 0. */
export function quantizeWeightsPerChannel(weights: Float32Array, channels: number): { values: Int8Array; scales: Float32Array } {
  if (channels <= 0 || weights.length % channels !== 0) throw new RangeError(`${weights.length} weights do not split into ${channels} channels`);
  const per = weights.length / channels;
  const values = new Int8Array(weights.length);
  const scales = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    let amax = 0;
    for (let i = c * per; i < (c + 1) * per; i++) amax = max(amax, abs(weights[i]));
    const scale = amax > 0 ? fround(amax / WEIGHT_LEVELS) : 1;
    scales[c] = scale;
    for (let i = c * per; i < (c + 1) * per; i++) values[i] = min(WEIGHT_LEVELS, max(-WEIGHT_LEVELS, round(weights[i] / scale)));
  }
  return { values, scales };
}

/** int32 bias with scale x_scale · w_scale_c, zero point 0 (what QLinearConv adds to its int32 accumulator). */
export function quantizeBias(bias: Float32Array, inputScale: number, weightScales: Float32Array): { values: Int32Array; scales: Float32Array } {
  const values = new Int32Array(bias.length);
  const scales = new Float32Array(bias.length);
  for (let c = 0; c < bias.length; c++) {
    const scale = fround(inputScale * weightScales[c]);
    scales[c] = scale;
    values[c] = min(INT32_MAX, max(-INT32_MAX, round(bias[c] / scale)));
  }
  return { values, scales };
}

function fround(x: number): number {
  return Math.fround(x);
}
