import { SeededRandom } from '../common/seeded-random';
import { ProtobufWriter } from '../generate/protobuf.writer';
import { FLOAT_DATA_TYPE, GraphField, ModelField, NodeField, TensorField } from './onnx-proto.fields';

/** How a test model stores its PRelu slope: raw_data, packed float_data or one float_data field per value. */
export type SlopeStorage = 'raw' | 'packed' | 'unpacked';

export interface PreluTestModel {
  /** 'conv': x [N,2,6,6] → Conv 3x3 (C outputs, pad 1) → PRelu; 'gemm': x [N,4] → Gemm (C outputs) → PRelu; 'none': the conv alone. */
  kind: 'conv' | 'gemm' | 'none';
  channels: number;
  slopeDims: readonly number[];
  storage: SlopeStorage;
  irVersion: number;
  seed: number;
}

export const PRELU_TEST_MODEL: PreluTestModel = { kind: 'conv', channels: 8, slopeDims: [8, 1, 1], storage: 'raw', irVersion: 8, seed: 1 };

export function preluTestInputDims(spec: PreluTestModel, batch: number): number[] {
  return spec.kind === 'gemm' ? [batch, 4] : [batch, 2, 6, 6];
}

/**
 * A hand-written ModelProto (not via encodeOnnxModel, which always writes raw_data) so that the
 * slope's storage and the IR version can vary. Before IR 4 the initializers are graph inputs too.
 * Slopes are drawn from [-0.5, 1.5) so negative and > 1 slopes are covered.
 */
export function preluTestModel(overrides: Partial<PreluTestModel> = {}): Buffer {
  const spec = { ...PRELU_TEST_MODEL, ...overrides };
  const rng = new SeededRandom(spec.seed);
  const draw = (n: number, lo: number, hi: number) => Float32Array.from({ length: n }, () => rng.uniform(lo, hi));
  const c = spec.channels;
  const weightDims = spec.kind === 'gemm' ? [c, 4] : [c, 2, 3, 3];
  const initializers = [
    tensor('w', weightDims, draw(weightDims.reduce((a, b) => a * b, 1), -1, 1), 'raw'),
    tensor('b', [c], draw(c, -0.5, 0.5), 'raw'),
  ];
  const graph = new ProtobufWriter();
  const mixed = spec.kind === 'none' ? 'y' : 'mixed';
  if (spec.kind === 'gemm') graph.message(GraphField.NODE, node('Gemm', ['x', 'w', 'b'], mixed, [ints('transB', 2, 1)]));
  else graph.message(GraphField.NODE, node('Conv', ['x', 'w', 'b'], mixed, [intList('kernel_shape', [3, 3]), intList('pads', [1, 1, 1, 1])]));
  if (spec.kind !== 'none') {
    const slopeCount = spec.slopeDims.reduce((a, b) => a * b, 1);
    initializers.push(tensor('slope', spec.slopeDims, draw(slopeCount, -0.5, 1.5), spec.storage));
    graph.message(GraphField.NODE, node('PRelu', [mixed, 'slope'], 'y', []));
  }
  graph.string(2, 'prelu_test');
  for (const t of initializers) graph.message(GraphField.INITIALIZER, t.message);
  const inputRank = spec.kind === 'gemm' ? 2 : 4;
  graph.message(GraphField.INPUT, valueInfo('x', inputRank));
  if (spec.irVersion < 4) for (const t of initializers) graph.message(GraphField.INPUT, valueInfo(t.name, t.dims.length));
  graph.message(GraphField.OUTPUT, valueInfo('y', inputRank));
  const opset = new ProtobufWriter().string(1, '').uint64(2, 13);
  return new ProtobufWriter().uint64(ModelField.IR_VERSION, spec.irVersion).message(ModelField.GRAPH, graph).message(8, opset).finish();
}

function tensor(name: string, dims: readonly number[], values: Float32Array, storage: SlopeStorage) {
  const w = new ProtobufWriter().packedInt64(TensorField.DIMS, dims).uint64(TensorField.DATA_TYPE, FLOAT_DATA_TYPE);
  if (storage === 'packed') w.bytes(TensorField.FLOAT_DATA, new Uint8Array(values.buffer));
  if (storage === 'unpacked') values.forEach((v) => w.float(TensorField.FLOAT_DATA, v));
  w.string(TensorField.NAME, name);
  if (storage === 'raw') w.bytes(TensorField.RAW_DATA, new Uint8Array(values.buffer));
  return { name, dims, message: w };
}

function node(opType: string, inputs: string[], output: string, attributes: ProtobufWriter[]): ProtobufWriter {
  const w = new ProtobufWriter();
  for (const i of inputs) w.string(NodeField.INPUT, i);
  w.string(NodeField.OUTPUT, output).string(NodeField.NAME, output).string(NodeField.OP_TYPE, opType);
  for (const a of attributes) w.message(5, a);
  return w;
}

function ints(name: string, type: number, value: number): ProtobufWriter {
  return new ProtobufWriter().string(1, name).uint64(3, value).uint64(20, type);
}

function intList(name: string, values: number[]): ProtobufWriter {
  return new ProtobufWriter().string(1, name).packedInt64(8, values).uint64(20, 7);
}

/** A float tensor of the given rank with symbolic dimensions. */
function valueInfo(name: string, rank: number): ProtobufWriter {
  const shape = new ProtobufWriter();
  for (let d = 0; d < rank; d++) shape.message(1, new ProtobufWriter().string(2, `${name}_d${d}`));
  const tensorType = new ProtobufWriter().uint64(1, FLOAT_DATA_TYPE).message(2, shape);
  return new ProtobufWriter().string(1, name).message(2, new ProtobufWriter().message(1, tensorType));
}
