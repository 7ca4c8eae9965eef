import { readFile } from 'node:fs/promises';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { SeededRandom } from '../common/seeded-random';
import { ensureGeneratedModel } from '../generate/model-cache';
import { TEST_MODEL_DIR } from '../testing/fixtures';
import { OnnxModelError, readModelParts } from './onnx-model.parts';
import { PRELU_TEST_MODEL, PreluTestModel, preluTestInputDims, preluTestModel } from './prelu-test.model';
import { rewritePrelu } from './prelu.rewriter';
import { ProtobufDecodeError } from './protobuf.reader';

jest.setTimeout(90_000);

const ORT = { executionProviders: ['cpu'], intraOpNumThreads: 2, graphOptimizationLevel: 'all' as const };

async function run(model: Uint8Array, inputName: string, dims: number[], data: Float32Array): Promise<Float32Array> {
  const session = await InferenceSession.create(model, ORT);
  try {
    const out = await session.run({ [inputName]: new Tensor('float32', data, dims) });
    return out[session.outputNames[0]].data as Float32Array;
  } finally {
    await session.release();
  }
}

function noise(n: number, seed: number, scale = 1): Float32Array {
  const rng = new SeededRandom(seed);
  return Float32Array.from({ length: n }, () => rng.uniform(-scale, scale));
}

const maxAbsDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
const opCount = (model: Uint8Array, op: string) => readModelParts(model).graph.nodes.filter((n) => n.opType === op).length;

describe('rewritePrelu on a generated r18', () => {
  let original: Buffer;
  beforeAll(async () => {
    original = await readFile((await ensureGeneratedModel(TEST_MODEL_DIR, { arch: 'r18', seed: 11 })).file);
  });

  it('removes every PRelu and gives the same embeddings through onnxruntime (max |Δ| < 1e-3 on outputs up to ~20)', async () => {
    const { model, rewritten, kept } = rewritePrelu(original);
    expect(opCount(original, 'PRelu')).toBe(9);
    expect(rewritten).toBe(9);
    expect(kept).toEqual([]);
    expect(opCount(model, 'PRelu')).toBe(0);
    const dims = [2, 3, 112, 112];
    const input = noise(2 * 3 * 112 * 112, 7);
    const before = await run(original, 'input', dims, input);
    const after = await run(model, 'input', dims, input);
    expect(before.some((v) => Math.abs(v) > 1)).toBe(true);
    expect(maxAbsDiff(before, after)).toBeLessThan(1e-3);
  });

  it('is deterministic and drops the slopes it no longer needs', () => {
    const a = rewritePrelu(original).model;
    const b = rewritePrelu(Buffer.from(original)).model;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const names = readModelParts(a).graph.initializers.map((t) => t.name);
    expect(names.filter((n) => n.endsWith('.prelu.slope'))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('rewritePrelu on hand-written Conv/Gemm → PRelu models', () => {
  async function expectEquivalent(spec: Partial<PreluTestModel>): Promise<ReturnType<typeof rewritePrelu>> {
    const original = preluTestModel(spec);
    const result = rewritePrelu(original);
    const dims = preluTestInputDims({ ...PRELU_TEST_MODEL, ...spec }, 3);
    const input = noise(dims.reduce((a, b) => a * b, 1), 3, 2);
    const before = await run(original, 'x', dims, input);
    const after = await run(result.model, 'x', dims, input);
    expect(before.some((v) => v < -0.1)).toBe(true);
    expect(maxAbsDiff(before, after)).toBeLessThan(1e-5);
    return result;
  }

  it.each([
    ['raw_data', { storage: 'raw' }],
    ['packed float_data', { storage: 'packed' }],
    ['unpacked float_data', { storage: 'unpacked' }],
    ['[1,C,1,1]', { slopeDims: [1, 8, 1, 1] }],
    ['[C] after a Gemm', { kind: 'gemm', slopeDims: [8] }],
    ['IR version 3 (initializers are graph inputs)', { irVersion: 3 }],
  ] as [string, Partial<PreluTestModel>][])('rewrites a per-channel slope (%s) into an equivalent graph', async (_label, spec) => {
    const { model, rewritten } = await expectEquivalent(spec);
    expect(rewritten).toBe(1);
    expect(opCount(model, 'PRelu')).toBe(0);
  });

  it('turns a scalar slope into LeakyRelu', async () => {
    const { model, rewritten } = await expectEquivalent({ slopeDims: [1] });
    expect(rewritten).toBe(1);
    expect(opCount(model, 'LeakyRelu')).toBe(1);
  });

  it('keeps a [C] slope on a 4-D input, which broadcasts along the last axis, not the channels', async () => {
    const { model, rewritten, kept } = await expectEquivalent({ channels: 6, slopeDims: [6] });
    expect(rewritten).toBe(0);
    expect(kept).toEqual([{ node: 'y', reason: 'slope dims [6] do not broadcast along axis 1 of a rank-4 input' }]);
    expect(opCount(model, 'PRelu')).toBe(1);
  });

  it('returns a model without PRelu unchanged', () => {
    const original = preluTestModel({ kind: 'none' });
    const result = rewritePrelu(original);
    expect(result.rewritten).toBe(0);
    expect(result.model).toBe(original);
  });

  it('rejects truncated and non-ONNX bytes with a clear error', () => {
    const original = preluTestModel();
    expect(() => rewritePrelu(original.subarray(0, original.length - 10))).toThrow(ProtobufDecodeError);
    expect(() => rewritePrelu(Buffer.from('definitely not a model'))).toThrow(ProtobufDecodeError);
    expect(() => rewritePrelu(Buffer.from([0x08, 0x08]))).toThrow(OnnxModelError);
  });
});
