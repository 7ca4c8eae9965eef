// Small float models built by hand for the quantizer's specs (conv-qdq.quantizer.spec.ts).
import { SeededRandom } from '../common/seeded-random';
import type { OnnxGraph, OnnxNode, OnnxTensor } from '../generate/onnx-graph.types';
import { encodeOnnxModel } from '../generate/onnx-model.encoder';
import { ProtobufWriter } from '../generate/protobuf.writer';
import { readModelParts } from '../onnx-rewrite/onnx-model.parts';
import { ModelField } from '../onnx-rewrite/onnx-proto.fields';

/** The input of every model here: x [N, 8, 10, 10]. */
export const INPUT_DIMS = [4, 8, 10, 10];

export function uniform(rng: SeededRandom, dims: readonly number[], bound: number): Float32Array {
  return Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => rng.uniform(-bound, bound));
}

export function floatTensor(rng: SeededRandom, name: string, dims: readonly number[], bound: number): OnnxTensor {
  return { name, dims, type: 'float', data: uniform(rng, dims, bound) };
}

export function conv(name: string, inputs: string[], output: string, pad: number): OnnxNode {
  return {
    opType: 'Conv',
    name,
    inputs,
    outputs: [output],
    attributes: [
      { name: 'kernel_shape', kind: 'ints', value: [3, 3] },
      { name: 'pads', kind: 'ints', value: [pad, pad, pad, pad] },
    ],
  };
}

export function graph(nodes: OnnxNode[], initializers: OnnxTensor[], outputs: [string, number[]][]): OnnxGraph {
  return {
    name: 'quantize_test',
    nodes,
    initializers,
    inputs: [{ name: 'x', type: 'float', shape: ['batch', 8, 10, 10] }],
    outputs: outputs.map(([name, shape]) => ({ name, type: 'float', shape: ['batch', ...shape] })),
  };
}

/** x [N,8,10,10] → conv1 3x3 pad 1 (+bias) → y1 → Relu → r1 → conv2 3x3 (no bias) → y [N,8,8,8]; without Relu conv2 reads y1. */
export function chainModel(seed: number, relu = true): Buffer {
  const rng = new SeededRandom(seed);
  const mid = relu ? 'r1' : 'y1';
  return encodeOnnxModel(
    graph(
      [conv('conv1', ['x', 'w1', 'b1'], 'y1', 1), ...(relu ? [{ opType: 'Relu', name: 'relu', inputs: ['y1'], outputs: ['r1'] }] : []), conv('conv2', [mid, 'w2'], 'y', 0)],
      [floatTensor(rng, 'w1', [16, 8, 3, 3], 0.3), floatTensor(rng, 'b1', [16], 0.2), floatTensor(rng, 'w2', [8, 16, 3, 3], 0.2)],
      [['y', [8, 8, 8]]],
    ),
  );
}

/** x feeds two Convs: convA (3x3 pad 1, bias) → ya [N,16,10,10] and convB (3x3, no bias) → yb [N,4,8,8]. */
export function sharedInputModel(seed: number): Buffer {
  const rng = new SeededRandom(seed);
  return encodeOnnxModel(
    graph(
      [conv('convA', ['x', 'wa', 'ba'], 'ya', 1), conv('convB', ['x', 'wb'], 'yb', 0)],
      [floatTensor(rng, 'wa', [16, 8, 3, 3], 0.3), floatTensor(rng, 'ba', [16], 0.2), floatTensor(rng, 'wb', [4, 8, 3, 3], 0.3)],
      [['ya', [16, 10, 10]], ['yb', [4, 8, 8]]],
    ),
  );
}

/**
 * An iResNet block's branch: x → BatchNormalization → conv1 (3x3 pad 1, bias) → PRelu (slope [16,1,1]
 * drawn from [lo, hi]) → conv2 (3x3 pad 1) → y [N,8,10,10].
 */
export function blockModel(seed: number, slope: [number, number]): Buffer {
  const rng = new SeededRandom(seed);
  const positive = (name: string, lo: number, hi: number): OnnxTensor => ({ name, dims: [8], type: 'float', data: Float32Array.from({ length: 8 }, () => rng.uniform(lo, hi)) });
  return encodeOnnxModel(
    graph(
      [
        { opType: 'BatchNormalization', name: 'bn', inputs: ['x', 'gamma', 'beta', 'mean', 'var'], outputs: ['xn'], attributes: [{ name: 'epsilon', kind: 'float', value: 1e-3 }] },
        conv('conv1', ['xn', 'w1', 'b1'], 'y1', 1),
        { opType: 'PRelu', name: 'prelu', inputs: ['y1', 'slope'], outputs: ['p1'] },
        conv('conv2', ['p1', 'w2'], 'y', 1),
      ],
      [
        positive('gamma', 0.5, 1.5),
        floatTensor(rng, 'beta', [8], 0.2),
        floatTensor(rng, 'mean', [8], 0.2),
        positive('var', 0.5, 1.5),
        floatTensor(rng, 'w1', [16, 8, 3, 3], 0.3),
        floatTensor(rng, 'b1', [16], 0.2),
        { name: 'slope', dims: [16, 1, 1], type: 'float', data: Float32Array.from({ length: 16 }, () => rng.uniform(slope[0], slope[1])) },
        floatTensor(rng, 'w2', [8, 16, 3, 3], 0.2),
      ],
      [['y', [8, 10, 10]]],
    ),
  );
}

/** The model with `extra` (raw GraphProto fields) added to its graph and, where given, another IR version or default opset. */
export function patched(model: Uint8Array, change: { extra?: Uint8Array[]; opset?: number; irVersion?: number }): Buffer {
  const parts = readModelParts(model);
  const graphBytes = Buffer.concat([...parts.graph.fields.map((f) => f.raw), ...(change.extra ?? [])]);
  return Buffer.concat(
    parts.fields.map((f, i) => {
      if (i === parts.graphFieldIndex) return new ProtobufWriter().bytes(ModelField.GRAPH, graphBytes).finish();
      if (f.field === ModelField.OPSET_IMPORT && change.opset !== undefined) {
        return new ProtobufWriter().message(ModelField.OPSET_IMPORT, new ProtobufWriter().string(1, '').uint64(2, change.opset)).finish();
      }
      if (f.field === ModelField.IR_VERSION && change.irVersion !== undefined) return new ProtobufWriter().uint64(ModelField.IR_VERSION, change.irVersion).finish();
      return f.raw;
    }),
  );
}
