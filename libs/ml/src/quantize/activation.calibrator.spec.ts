import { InferenceSession, Tensor } from 'onnxruntime-node';
import { SeededRandom } from '../common/seeded-random';
import type { OnnxTensor } from '../generate/onnx-graph.types';
import { encodeOnnxModel } from '../generate/onnx-model.encoder';
import { readModelParts } from '../onnx-rewrite/onnx-model.parts';
import { CalibrationBatch, RangeCollector, calibrateRanges, withTensorOutputs } from './activation.calibrator';

jest.setTimeout(30_000);

const DIMS = [2, 4, 6, 6];

/** x [N,4,6,6] → Conv 3x3 pad 1 (+bias) → c → Relu → y (the only graph output). */
function convReluModel(seed: number): Buffer {
  const rng = new SeededRandom(seed);
  const tensor = (name: string, dims: number[]): OnnxTensor => ({ name, dims, type: 'float', data: Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => rng.uniform(-0.5, 0.5)) });
  return encodeOnnxModel({
    name: 'calibrator_test',
    nodes: [
      {
        opType: 'Conv',
        name: 'conv',
        inputs: ['x', 'w', 'b'],
        outputs: ['c'],
        attributes: [
          { name: 'kernel_shape', kind: 'ints', value: [3, 3] },
          { name: 'pads', kind: 'ints', value: [1, 1, 1, 1] },
        ],
      },
      { opType: 'Relu', name: 'relu', inputs: ['c'], outputs: ['y'] },
    ],
    initializers: [tensor('w', [4, 4, 3, 3]), tensor('b', [4])],
    inputs: [{ name: 'x', type: 'float', shape: ['batch', 4, 6, 6] }],
    outputs: [{ name: 'y', type: 'float', shape: ['batch', 4, 6, 6] }],
  });
}

function batches(count: number, seed: number): CalibrationBatch[] {
  const rng = new SeededRandom(seed);
  return Array.from({ length: count }, () => ({ data: Float32Array.from({ length: 2 * 4 * 36 }, () => rng.uniform(-2, 2)), dims: DIMS }));
}

async function runAll(model: Uint8Array, batch: CalibrationBatch): Promise<Record<string, Float32Array>> {
  const session = await InferenceSession.create(model, { executionProviders: ['cpu'], graphOptimizationLevel: 'basic' });
  try {
    const out = await session.run({ x: new Tensor('float32', batch.data, batch.dims) });
    return Object.fromEntries(session.outputNames.map((n) => [n, out[n].data as Float32Array]));
  } finally {
    await session.release();
  }
}

const extremes = (values: Float32Array[]) => ({ min: Math.min(...values.map((v) => Math.min(...v))), max: Math.max(...values.map((v) => Math.max(...v))) });

describe('withTensorOutputs', () => {
  it('adds the named tensors as shapeless float outputs after the existing ones, without repeating an output', () => {
    const model = withTensorOutputs(convReluModel(1), ['c', 'y', 'x']);
    const outputs = readModelParts(model).graph.outputs;
    expect(outputs.map((v) => [v.name, v.rank])).toEqual([
      ['y', 4],
      ['c', undefined],
      ['x', undefined],
    ]);
  });

  it('gives a model whose extra outputs onnxruntime computes', async () => {
    const original = convReluModel(1);
    const [batch] = batches(1, 2);
    const plain = await runAll(original, batch);
    const out = await runAll(withTensorOutputs(original, ['c', 'x']), batch);
    expect(Object.keys(out).sort()).toEqual(['c', 'x', 'y']);
    expect(out.y).toEqual(plain.y);
    expect(out.x).toEqual(batch.data);
    expect(out.c.some((v) => v < 0)).toBe(true);
    expect(out.y).toEqual(out.c.map((v) => Math.max(v, 0)));
  });

  it('changes only the graph: every other model field keeps its bytes', () => {
    const original = readModelParts(convReluModel(1));
    const changed = readModelParts(withTensorOutputs(convReluModel(1), ['c']));
    expect(changed.fields.map((f) => f.field)).toEqual(original.fields.map((f) => f.field));
    changed.fields.forEach((f, i) => {
      if (i !== changed.graphFieldIndex) expect(Buffer.from(f.raw).equals(Buffer.from(original.fields[i].raw))).toBe(true);
    });
    expect(changed.graph.nodes).toEqual(original.graph.nodes);
  });

  it('returns an equivalent model when there is nothing to add', () => {
    const model = convReluModel(1);
    expect(Buffer.from(withTensorOutputs(model, ['y'])).equals(model)).toBe(true);
    expect(Buffer.from(withTensorOutputs(model, [])).equals(model)).toBe(true);
  });
});

describe('RangeCollector', () => {
  it('merges min and max per tensor over batches', () => {
    const collector = new RangeCollector();
    collector.observe('a', new Float32Array([1, 2, -3]));
    collector.observe('b', new Float32Array([0.5]));
    collector.observe('a', new Float32Array([5, 0]));
    collector.observe('a', new Float32Array([-1, 4]));
    expect(collector.result()).toEqual(
      new Map([
        ['a', { min: -3, max: 5 }],
        ['b', { min: 0.5, max: 0.5 }],
      ]),
    );
  });

  it('hands out a copy of its ranges', () => {
    const collector = new RangeCollector();
    collector.observe('a', new Float32Array([1]));
    collector.result().delete('a');
    expect(collector.result().get('a')).toEqual({ min: 1, max: 1 });
  });

  it.each([
    ['only NaN', [NaN, NaN]],
    ['a NaN among finite values', [1, NaN, 2]],
    ['a NaN first', [NaN, -1, 3]],
    ['+Infinity', [0, Infinity]],
    ['-Infinity', [-Infinity, 0]],
  ])('rejects a batch with %s', (_label, values) => {
    const collector = new RangeCollector();
    collector.observe('a', new Float32Array([0, 1]));
    expect(() => collector.observe('a', new Float32Array(values))).toThrow(/tensor a: non-finite activations/);
    expect(collector.result().get('a')).toEqual({ min: 0, max: 1 });
  });
});

describe('calibrateRanges', () => {
  it('returns the min and max of each tensor over all batches', async () => {
    const model = convReluModel(3);
    const data = batches(3, 4);
    const ranges = await calibrateRanges(model, ['x', 'c', 'y'], data);
    const runs = await Promise.all(data.map((b) => runAll(withTensorOutputs(model, ['c']), b)));
    expect([...ranges.keys()].sort()).toEqual(['c', 'x', 'y']);
    expect(ranges.get('x')).toEqual(extremes(data.map((b) => b.data)));
    expect(ranges.get('c')).toEqual(extremes(runs.map((r) => r.c)));
    expect(ranges.get('y')).toEqual({ min: 0, max: (ranges.get('c') as { max: number }).max });
  });

  it('returns only the tensors asked for', async () => {
    const ranges = await calibrateRanges(convReluModel(3), ['c'], batches(1, 5));
    expect([...ranges.keys()]).toEqual(['c']);
  });

  it('rejects an empty batch list', async () => {
    await expect(calibrateRanges(convReluModel(3), ['c'], [])).rejects.toThrow(new RangeError('calibration needs at least one batch'));
  });

  it('rejects a tensor that the graph does not compute', async () => {
    await expect(calibrateRanges(convReluModel(3), ['no_such_tensor'], batches(1, 6))).rejects.toThrow();
  });
});
