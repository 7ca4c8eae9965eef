import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { SeededRandom } from '../common/seeded-random';
import { generateIResNet } from '../generate/iresnet.generator';
import { encodeOnnxModel, tensorProto } from '../generate/onnx-model.encoder';
import { ProtobufWriter } from '../generate/protobuf.writer';
import { ARCFACE_NORMALISATION } from '../manifest/model-manifest.schema';
import { InitializerParts, OnnxModelError, readModelParts } from '../onnx-rewrite/onnx-model.parts';
import { GraphField, TensorField } from '../onnx-rewrite/onnx-proto.fields';
import { ProtobufDecodeError, lenBytes, varintNumber } from '../onnx-rewrite/protobuf.reader';
import { noiseCrop } from '../testing/noise-crop';
import { preprocessCrop } from '../tta/crop.preprocessor';
import { PLAIN_VARIANT } from '../tta/tta.variants';
import { CalibrationBatch, calibrateRanges } from './activation.calibrator';
import { INPUT_DIMS, blockModel, chainModel, conv, floatTensor, graph, patched, sharedInputModel, uniform } from './quantize-test.models';
import { WEIGHT_ZERO_POINT, findConvSites, quantizeConvs, rangeTensors } from './conv-qdq.quantizer';
import { ActivationRange, activationQuantization } from './quantization.math';

jest.setTimeout(60_000);

const ORT = { executionProviders: ['cpu'], intraOpNumThreads: 2, graphOptimizationLevel: 'all' as const };

// ---- running and inspecting ---------------------------------------------------------------------

function batches(count: number, seed: number, amplitude = 1, dims = INPUT_DIMS): CalibrationBatch[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: count }, () => ({ data: uniform(rng, dims, amplitude), dims }));
}

async function runAll(model: Uint8Array, batch: CalibrationBatch, options: InferenceSession.SessionOptions = ORT): Promise<Record<string, Float32Array>> {
  const session = await InferenceSession.create(model, options);
  try {
    const out = await session.run({ x: new Tensor('float32', batch.data, batch.dims) });
    return Object.fromEntries(session.outputNames.map((n) => [n, out[n].data as Float32Array]));
  } finally {
    await session.release();
  }
}

async function calibrate(model: Uint8Array, seed = 1): Promise<Map<string, ActivationRange>> {
  return calibrateRanges(model, rangeTensors(findConvSites(model).sites), batches(4, seed));
}

const ops = (model: Uint8Array, op: string) => readModelParts(model).graph.nodes.filter((n) => n.opType === op);
const initializer = (model: Uint8Array, name: string) => readModelParts(model).graph.initializers.find((t) => t.name === name);
const int8Values = (t: InitializerParts | undefined): number[] => {
  const raw = t?.fields.find((g) => g.field === TensorField.RAW_DATA);
  return raw ? [...new Int8Array(lenBytes(raw))] : [];
};
const dataType = (t: InitializerParts | undefined) => {
  const f = t?.fields.find((g) => g.field === TensorField.DATA_TYPE);
  return f && varintNumber(f);
};

/**
 * Evaluation inputs are drawn at 0.8 of the calibration amplitude: fresh uniform inputs can reach
 * activation extremes that the calibration batches did not, and there the int8 model saturates at
 * the calibrated range (tens of steps off: an effect of the calibration set, not of the rewrite).
 */
const EVALUATION_AMPLITUDE = 0.8;

/**
 * Runs both models on fresh inputs; per output, the max and RMS of |Δ| in steps of that output's
 * quantization. The output's own rounding alone gives at most 0.5 and an RMS of 1/√12 ≈ 0.29 steps.
 */
async function errorInSteps(float: Uint8Array, quantized: Uint8Array, ranges: Map<string, ActivationRange>, seed: number): Promise<Record<string, { max: number; rms: number }>> {
  const errors: Record<string, number[]> = {};
  for (const batch of batches(3, seed, EVALUATION_AMPLITUDE)) {
    const [a, b] = await Promise.all([runAll(float, batch), runAll(quantized, batch)]);
    for (const name of Object.keys(a)) {
      const step = activationQuantization(ranges.get(name) as ActivationRange).scale;
      errors[name] = [...(errors[name] ?? []), ...Array.from(a[name], (v, i) => Math.abs(v - b[name][i]) / step)];
    }
  }
  return Object.fromEntries(
    Object.entries(errors).map(([name, e]) => [name, { max: Math.max(...e), rms: Math.sqrt(e.reduce((s, v) => s + v * v, 0) / e.length) }]),
  );
}

/**
 * Each output is rounded to its step s (≤ s/2, RMS 0.29 s). The input, weight, bias and intermediate
 * roundings upstream, each within half a step of their own and of random sign over 72–144 products
 * per output, add in quadrature about as much again: RMS ≲ 0.75 s (measured 0.33–0.53 s). A sum of
 * that many independent roundings is close to normal, so the max over the 6–20 thousand outputs of
 * a run lies near 4 RMS: < 3 s (measured 0.9–2.1 s). float32 and the fused kernel's requantization
 * add far less.
 */
function expectCloseToFloat(error: { max: number; rms: number }): void {
  expect(error.max).toBeGreaterThan(0);
  expect(error.max).toBeLessThan(3);
  expect(error.rms).toBeLessThan(0.75);
}

// ---- specs --------------------------------------------------------------------------------------

describe('findConvSites', () => {
  it('finds both Convs of the chain and names their inputs and outputs for calibration', () => {
    const { sites, kept } = findConvSites(chainModel(1));
    expect(sites.map((s) => [s.node.name, s.x, s.y, s.weight.tensor.name, s.bias?.tensor.name])).toEqual([
      ['conv1', 'x', 'y1', 'w1', 'b1'],
      ['conv2', 'r1', 'y', 'w2', undefined],
    ]);
    expect(sites[0].weight.values).toHaveLength(16 * 8 * 9);
    expect(sites[0].bias?.values).toHaveLength(16);
    expect(kept).toEqual([]);
    expect(rangeTensors(sites)).toEqual(['x', 'y1', 'r1', 'y']);
  });

  it('lists a tensor read by two Convs once among the range tensors', () => {
    const { sites } = findConvSites(sharedInputModel(1));
    expect(sites).toHaveLength(2);
    expect(rangeTensors(sites)).toEqual(['x', 'ya', 'yb']);
  });

  it('keeps Convs whose weight or bias is not a constant float initializer, with the reason', () => {
    const rng = new SeededRandom(3);
    const base = graph(
      [
        conv('weight_input', ['x', 'w_in'], 'k1', 1),
        conv('weight_overridable', ['x', 'w_over'], 'k2', 1),
        conv('bias_input', ['x', 'w', 'b_in'], 'k3', 1),
        conv('int8_weight', ['x', 'w_int8'], 'k4', 1),
        conv('short_bias', ['x', 'w', 'b3'], 'k5', 1),
        { opType: 'Conv', name: 'conv1d', inputs: ['x', 'w1d'], outputs: ['k6'] },
        conv('fine', ['x', 'w', 'b'], 'k7', 1),
      ],
      [
        floatTensor(rng, 'w', [4, 8, 3, 3], 0.3),
        floatTensor(rng, 'w_over', [4, 8, 3, 3], 0.3),
        floatTensor(rng, 'b', [4], 0.1),
        floatTensor(rng, 'b3', [3], 0.1),
        floatTensor(rng, 'w1d', [4, 8, 3], 0.3),
        { name: 'w_int8', dims: [4, 8, 3, 3], type: 'int8', data: new Int8Array(4 * 8 * 9) },
      ],
      [['k7', [4, 10, 10]]],
    );
    base.inputs.push(
      { name: 'w_in', type: 'float', shape: [4, 8, 3, 3] },
      { name: 'w_over', type: 'float', shape: [4, 8, 3, 3] },
      { name: 'b_in', type: 'float', shape: [4] },
    );
    const { sites, kept } = findConvSites(encodeOnnxModel(base));
    expect(sites.map((s) => s.node.name)).toEqual(['fine']);
    expect(kept).toEqual([
      { node: 'weight_input', reason: 'weight is not a constant initializer' },
      { node: 'weight_overridable', reason: 'weight is not a constant initializer' },
      { node: 'bias_input', reason: 'bias is not a constant initializer' },
      { node: 'int8_weight', reason: 'weight: not float32' },
      { node: 'short_bias', reason: 'bias length differs from the output channels' },
      { node: 'conv1d', reason: 'weight dims [4,8,3] are not those of a 2-D convolution' },
    ]);
  });

  it('refuses models that cannot be quantized as a whole', () => {
    const model = chainModel(1);
    expect(findConvSites(patched(model, {})).sites).toHaveLength(2);
    const opset11 = patched(model, { opset: 11 });
    expect(() => findConvSites(opset11)).toThrow(OnnxModelError);
    expect(() => findConvSites(opset11)).toThrow(/opset 11/);
    expect(() => quantizeConvs(patched(model, { opset: 12 }), new Map())).toThrow(/opset 12.*>= 13/);
    expect(() => findConvSites(patched(model, { irVersion: 3 }))).toThrow(/IR version 3/);
    const external = tensorProto({ name: 'elsewhere', dims: [1], type: 'float', data: new Float32Array(1) }).uint64(TensorField.DATA_LOCATION, 1);
    const withExternal = patched(model, { extra: [new ProtobufWriter().message(GraphField.INITIALIZER, external).finish()] });
    expect(() => findConvSites(withExternal)).toThrow(/external files/);
  });

  it('rejects bytes that are not an ONNX model', () => {
    const model = chainModel(1);
    expect(() => findConvSites(Buffer.from('definitely not a model'))).toThrow(ProtobufDecodeError);
    expect(() => findConvSites(model.subarray(0, model.length - 7))).toThrow(ProtobufDecodeError);
    expect(() => quantizeConvs(Buffer.from([0x08, 0x08]), new Map())).toThrow(OnnxModelError);
  });
});

describe('quantizeConvs on hand-made models', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qdq-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rewrites Conv → Relu → Conv into QDQ form with int8 weights and an int32 bias, dropping the float weights', async () => {
    const model = chainModel(1);
    const ranges = await calibrate(model);
    const { model: q, quantized, kept } = quantizeConvs(model, ranges);
    expect(quantized).toBe(2);
    expect(kept).toEqual([]);
    // Activations x, y1, r1, y: one pair each; plus one DequantizeLinear per weight and bias.
    expect(ops(q, 'QuantizeLinear').map((n) => n.inputs[0])).toEqual(['x', 'y1.float', 'r1', 'y.float']);
    expect(ops(q, 'DequantizeLinear')).toHaveLength(4 + 2 + 1);
    expect(ops(q, 'Conv').map((n) => n.inputs)).toEqual([
      ['x.dequantized', 'w1.dequantized', 'b1.dequantized'],
      ['r1.dequantized', 'w2.dequantized'],
    ]);
    expect(ops(q, 'Relu').map((n) => n.inputs)).toEqual([['y1']]);
    expect(dataType(initializer(q, 'w1.int8'))).toBe(3);
    expect(dataType(initializer(q, 'w2.int8'))).toBe(3);
    expect(dataType(initializer(q, 'b1.int32'))).toBe(6);
    expect(initializer(q, 'w1.int8')?.dims).toEqual([16, 8, 3, 3]);
    // Symmetric levels −127…127 stored shifted by the weight zero point −1 (see WEIGHT_ZERO_POINT).
    const levels = int8Values(initializer(q, 'w1.int8'));
    expect(Math.min(...levels)).toBe(-128);
    expect(Math.max(...levels)).toBeLessThanOrEqual(126);
    expect(int8Values(initializer(q, 'w1.zero_point'))).toEqual(new Array(16).fill(WEIGHT_ZERO_POINT));
    for (const name of ['w1', 'b1', 'w2']) expect(initializer(q, name)).toBeUndefined();
    expect(readModelParts(q).graph.outputs.map((v) => v.name)).toEqual(['y']);
  });

  it('runs in onnxruntime as QLinearConv and stays within 3 output steps of the float model', async () => {
    const model = chainModel(1);
    const ranges = await calibrate(model);
    const { model: q } = quantizeConvs(model, ranges);
    const optimized = join(dir, 'chain.optimized.onnx');
    await runAll(q, batches(1, 9)[0], { ...ORT, optimizedModelFilePath: optimized, logSeverityLevel: 3 });
    expect(ops(await readFile(optimized), 'QLinearConv')).toHaveLength(2);
    expectCloseToFloat((await errorInSteps(model, q, ranges, 2)).y);
  });

  it('turns the BatchNormalization into Mul + Add and a PRelu with slopes in [0, 1] into Mul + Max, as close to float as the convs alone', async () => {
    const model = blockModel(3, [0, 1]);
    const ranges = await calibrate(model);
    const q = quantizeConvs(model, ranges);
    expect(q).toMatchObject({ quantized: 2, affineBatchNorms: 1, elementwisePrelus: 1, kept: [] });
    expect(ops(q.model, 'BatchNormalization')).toEqual([]);
    expect(ops(q.model, 'PRelu')).toEqual([]);
    expect(ops(q.model, 'Mul').map((n) => n.inputs)).toEqual([
      ['x', 'bn.scale'],
      ['y1', 'slope'],
    ]);
    expect(ops(q.model, 'Max').map((n) => n.outputs)).toEqual([['p1']]);
    expect(ops(q.model, 'Add').map((n) => n.outputs)).toEqual([['xn']]);
    // γ/√(σ²+ε) and β − μ·s of the BatchNormalization, as [8,1,1]; its own parameters are gone.
    expect(initializer(q.model, 'bn.scale')?.dims).toEqual([8, 1, 1]);
    for (const name of ['gamma', 'beta', 'mean', 'var']) expect(initializer(q.model, name)).toBeUndefined();
    expectCloseToFloat((await errorInSteps(model, q.model, ranges, 5)).y);
  });

  it('writes a PRelu with slopes outside [0, 1] as (1+a)/2·x + (1−a)/2·|x|, exact for any slope', async () => {
    const model = blockModel(4, [-0.5, 1.8]);
    const ranges = await calibrate(model);
    const q = quantizeConvs(model, ranges);
    expect(q).toMatchObject({ quantized: 2, elementwisePrelus: 1 });
    expect(ops(q.model, 'Abs').map((n) => n.inputs)).toEqual([['y1']]);
    expect(ops(q.model, 'Max')).toEqual([]);
    expect(initializer(q.model, 'slope')).toBeUndefined();
    expectCloseToFloat((await errorInSteps(model, q.model, ranges, 6)).y);
  });

  it('quantizes a tensor read by two Convs once and feeds both from the same DequantizeLinear', async () => {
    const model = sharedInputModel(2);
    const ranges = await calibrate(model);
    const { model: q, quantized } = quantizeConvs(model, ranges);
    expect(quantized).toBe(2);
    expect(ops(q, 'QuantizeLinear').map((n) => n.inputs[0])).toEqual(['x', 'ya.float', 'yb.float']);
    expect(ops(q, 'Conv').map((n) => n.inputs[0])).toEqual(['x.dequantized', 'x.dequantized']);
    const errors = await errorInSteps(model, q, ranges, 3);
    expectCloseToFloat(errors.ya);
    expectCloseToFloat(errors.yb);
  });

  it('lets a Conv that reads another Conv’s output use that output’s DequantizeLinear as it is', async () => {
    const model = chainModel(4, false);
    const ranges = await calibrate(model);
    const { model: q } = quantizeConvs(model, ranges);
    expect(ops(q, 'QuantizeLinear').map((n) => n.inputs[0])).toEqual(['x', 'y1.float', 'y.float']);
    expect(ops(q, 'Conv').map((n) => n.inputs[0])).toEqual(['x.dequantized', 'y1']);
    expectCloseToFloat((await errorInSteps(model, q, ranges, 5)).y);
  });

  it('keeps a Conv in float when a range is missing and says which', async () => {
    const model = chainModel(1);
    const ranges = await calibrate(model);
    ranges.delete('r1');
    const { model: q, quantized, kept } = quantizeConvs(model, ranges);
    expect(quantized).toBe(1);
    expect(kept).toEqual([{ node: 'conv2', reason: 'no calibrated range for r1' }]);
    expect(ops(q, 'Conv').map((n) => n.inputs)).toEqual([['x.dequantized', 'w1.dequantized', 'b1.dequantized'], ['r1', 'w2']]);
    expect(dataType(initializer(q, 'w2'))).toBe(1);
    expect(initializer(q, 'w1')).toBeUndefined();
    // Float conv2 sees only conv1's rounding, without r1's and its own: smaller still.
    expectCloseToFloat((await errorInSteps(model, q, ranges, 6)).y);
  });

  it('returns the model itself when no Conv can be quantized', () => {
    const model = encodeOnnxModel({
      ...graph([conv('dynamic', ['x', 'w'], 'y', 1)], [], [['y', [4, 10, 10]]]),
      inputs: [
        { name: 'x', type: 'float', shape: ['batch', 8, 10, 10] },
        { name: 'w', type: 'float', shape: [4, 8, 3, 3] },
      ],
    });
    const result = quantizeConvs(model, new Map([['x', { min: -1, max: 1 }], ['y', { min: -1, max: 1 }]]));
    expect(result).toEqual({ model, quantized: 0, affineBatchNorms: 0, elementwisePrelus: 0, kept: [{ node: 'dynamic', reason: 'weight is not a constant initializer' }] });
    expect(result.model).toBe(model);
  });

  it('is deterministic: the same model and ranges give the same bytes', async () => {
    const model = chainModel(1);
    const ranges = await calibrate(model);
    const a = quantizeConvs(model, ranges).model;
    const b = quantizeConvs(Buffer.from(model), new Map([...ranges].reverse())).model;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('quantizeConvs on a generated r18', () => {
  const crops = (seeds: number[]): CalibrationBatch => {
    const data = new Float32Array(seeds.length * 3 * 112 * 112);
    seeds.forEach((s, i) => data.set(preprocessCrop(noiseCrop(s), PLAIN_VARIANT, ARCFACE_NORMALISATION), i * 3 * 112 * 112));
    return { data, dims: [seeds.length, 3, 112, 112] };
  };

  it('quantizes every Conv and keeps the embeddings at cosine > 0.99 on unseen crops', async () => {
    const model = generateIResNet({ arch: 'r18', seed: 11 });
    const { sites, kept } = findConvSites(model);
    expect(kept).toEqual([]);
    // Stem, two per block (8 blocks), one downsample per stage.
    expect(ops(model, 'Conv')).toHaveLength(1 + 16 + 4);
    expect(sites).toHaveLength(21);
    const ranges = await calibrateRanges(model, rangeTensors(sites), [crops([1, 2]), crops([3, 4])]);
    const { model: q, quantized } = quantizeConvs(model, ranges);
    expect(quantized).toBe(sites.length);
    const evaluation = crops([101, 102, 103]);
    const run = async (m: Uint8Array) => {
      const session = await InferenceSession.create(m, ORT);
      try {
        const out = await session.run({ input: new Tensor('float32', evaluation.data, evaluation.dims) });
        return out.embedding.data as Float32Array;
      } finally {
        await session.release();
      }
    };
    const [a, b] = [await run(model), await run(q)];
    for (let i = 0; i < 3; i++) {
      const ea = a.subarray(i * 512, (i + 1) * 512);
      const eb = b.subarray(i * 512, (i + 1) * 512);
      const dot = ea.reduce((s, v, j) => s + v * eb[j], 0);
      const norm = (e: Float32Array) => Math.sqrt(e.reduce((s, v) => s + v * v, 0));
      expect(dot / (norm(ea) * norm(eb))).toBeGreaterThan(0.99);
    }
  });
});
