import { activationQuantization, quantizeBias, quantizeWeightsPerChannel } from './quantization.math';

const f32 = Math.fround;
const INT32_MAX = 2 ** 31 - 1;

describe('activationQuantization', () => {
  it('maps [-1, 3] to scale 4/255 (as float32) and zero point round(1 / scale) = round(63.75) = 64', () => {
    const { scale, zeroPoint } = activationQuantization({ min: -1, max: 3 });
    expect(scale).toBe(f32(4 / 255));
    expect(zeroPoint).toBe(64);
  });

  it('gives a scale that float32 holds exactly, as the model file stores it', () => {
    const { scale } = activationQuantization({ min: -0.37, max: 1.91 });
    expect(f32(scale)).toBe(scale);
    expect(scale).toBe(f32(2.28 / 255));
  });

  it('puts the zero point at 0 for a Relu range [0, hi] and at 255 for a range [lo, 0]', () => {
    expect(activationQuantization({ min: 0, max: 6 })).toEqual({ scale: f32(6 / 255), zeroPoint: 0 });
    expect(activationQuantization({ min: -5.1, max: 0 })).toEqual({ scale: f32(5.1 / 255), zeroPoint: 255 });
  });

  it('widens a range that does not contain 0, so that 0 stays exact', () => {
    expect(activationQuantization({ min: 2, max: 5 })).toEqual(activationQuantization({ min: 0, max: 5 }));
    expect(activationQuantization({ min: -5, max: -2 })).toEqual(activationQuantization({ min: -5, max: 0 }));
  });

  it('keeps both ends of the range within half a step after the round trip', () => {
    const range = { min: -0.83, max: 2.4 };
    const { scale, zeroPoint } = activationQuantization(range);
    const roundTrip = (x: number) => (Math.min(255, Math.max(0, Math.round(x / scale) + zeroPoint)) - zeroPoint) * scale;
    for (const x of [range.min, 0, range.max]) expect(Math.abs(roundTrip(x) - x)).toBeLessThanOrEqual(scale / 2 + 1e-7);
    expect(roundTrip(0)).toBe(0);
  });

  it('gives a positive scale and zero point 0 for the degenerate range [0, 0]', () => {
    const { scale, zeroPoint } = activationQuantization({ min: 0, max: 0 });
    expect(scale).toBeGreaterThan(0);
    expect(scale).toBe(f32(1e-8));
    expect(zeroPoint).toBe(0);
  });

  it.each([
    ['a NaN min', { min: NaN, max: 1 }],
    ['a NaN max', { min: 0, max: NaN }],
    ['an infinite max', { min: 0, max: Infinity }],
    ['an infinite min', { min: -Infinity, max: 1 }],
    ['an inverted range', { min: 1, max: -1 }],
  ])('rejects %s', (_label, range) => {
    expect(() => activationQuantization(range)).toThrow(RangeError);
  });
});

describe('quantizeWeightsPerChannel', () => {
  it('scales each output channel by its own max |w| / 127 and rounds to the nearest level', () => {
    // channel 0: max |w| 1.27 → scale 0.01; channel 1: max |w| 0.00127 → scale 1e-5.
    const weights = new Float32Array([0.5, -1.27, 0.634, 0.636, -0.006, 0.004, 0.00127, -0.000641, 0.0000049, -0.00000051, 0, 0.0001]);
    const { values, scales } = quantizeWeightsPerChannel(weights, 2);
    expect(Array.from(scales)).toEqual([f32(f32(1.27) / 127), f32(f32(0.00127) / 127)]);
    expect(Array.from(values)).toEqual([50, -127, 63, 64, -1, 0, 127, -64, 0, 0, 0, 10]);
  });

  it('maps the largest magnitude of a channel to ±127, never to -128', () => {
    const { values } = quantizeWeightsPerChannel(new Float32Array([-1, 0.25, 1, -0.25]), 2);
    expect(Array.from(values)).toEqual([-127, 32, 127, -32]);
    const random = Float32Array.from({ length: 4 * 27 }, (_, i) => Math.sin(i * 12.9898) * 3);
    const q = quantizeWeightsPerChannel(random, 4);
    expect(Math.min(...q.values)).toBeGreaterThanOrEqual(-127);
    expect(Math.max(...q.values)).toBeLessThanOrEqual(127);
    for (let c = 0; c < 4; c++) expect(Math.max(...q.values.subarray(c * 27, (c + 1) * 27).map(Math.abs))).toBe(127);
  });

  it('reconstructs every weight within half a step of its channel', () => {
    const weights = Float32Array.from({ length: 3 * 50 }, (_, i) => Math.cos(i * 7.31) * (1 + Math.floor(i / 50)));
    const { values, scales } = quantizeWeightsPerChannel(weights, 3);
    weights.forEach((w, i) => {
      const scale = scales[Math.floor(i / 50)];
      expect(Math.abs(values[i] * scale - w)).toBeLessThanOrEqual(scale / 2 + 1e-6);
    });
  });

  it('gives an all-zero channel scale 1 and zero values', () => {
    const { values, scales } = quantizeWeightsPerChannel(new Float32Array([0, 0, 0, 0.5, -0.26, 0]), 2);
    expect(Array.from(scales)).toEqual([1, f32(0.5 / 127)]);
    expect(Array.from(values)).toEqual([0, 0, 0, 127, -66, 0]);
  });

  it('rejects weights that do not split into the channels', () => {
    expect(() => quantizeWeightsPerChannel(new Float32Array(10), 3)).toThrow(RangeError);
    expect(() => quantizeWeightsPerChannel(new Float32Array(10), 0)).toThrow(RangeError);
    expect(() => quantizeWeightsPerChannel(new Float32Array(10), -2)).toThrow(RangeError);
  });
});

describe('quantizeBias', () => {
  it('uses scale input_scale · weight_scale per channel and rounds the bias to int32', () => {
    const { values, scales } = quantizeBias(new Float32Array([0.1, -0.2, 0, 0.1234]), 0.02, new Float32Array([0.5, 0.01, 1, 0.5]));
    expect(Array.from(scales)).toEqual([f32(0.02 * f32(0.5)), f32(0.02 * f32(0.01)), f32(0.02), f32(0.02 * f32(0.5))]);
    expect(Array.from(values)).toEqual([10, -1000, 0, 12]);
  });

  it('reconstructs each bias within half its step', () => {
    const bias = new Float32Array([0.31, -2.7, 5e-4, 13]);
    const { values, scales } = quantizeBias(bias, 0.013, new Float32Array([0.002, 0.0003, 0.01, 0.05]));
    bias.forEach((b, c) => expect(Math.abs(values[c] * scales[c] - b)).toBeLessThanOrEqual(scales[c] / 2 + 1e-9));
  });

  it('saturates at ±(2^31 − 1)', () => {
    const { values } = quantizeBias(new Float32Array([1e6, -1e6]), 1e-8, new Float32Array([1e-3, 1e-3]));
    expect(Array.from(values)).toEqual([INT32_MAX, -INT32_MAX]);
  });
});
