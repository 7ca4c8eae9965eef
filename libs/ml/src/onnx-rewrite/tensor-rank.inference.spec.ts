import { encodeOnnxModel } from '../generate/onnx-model.encoder';
import { OnnxGraph, OnnxNode } from '../generate/onnx-graph.types';
import { readModelParts } from './onnx-model.parts';
import { inferTensorRanks } from './tensor-rank.inference';

const f32 = (name: string, dims: number[]) => ({ name, dims, type: 'float' as const, data: new Float32Array(dims.reduce((a, b) => a * b, 1)) });
const i64 = (name: string, values: number[]) => ({ name, dims: [values.length], type: 'int64' as const, data: BigInt64Array.from(values.map(BigInt)) });

function ranksOf(nodes: OnnxNode[]): Map<string, number> {
  const graph: OnnxGraph = {
    name: 'ranks',
    nodes,
    initializers: [f32('w', [4, 3, 3, 3]), i64('pads', [0, 0, 1, 1, 0, 0, 1, 1]), i64('shape', [1, -1]), f32('slope', [4, 1, 1])],
    inputs: [{ name: 'x', type: 'float', shape: ['batch', 3, 8, 8] }],
    // A stated output rank would win over inference: the one output is not among the tensors under test.
    outputs: [{ name: 'unrelated', type: 'float', shape: [1] }],
  };
  return inferTensorRanks(readModelParts(encodeOnnxModel(graph)).graph);
}

describe('inferTensorRanks', () => {
  it('carries a rank through Pad, Transpose and Concat (the MediaPipe models pad channels before their PRelus)', () => {
    const ranks = ranksOf([
      { opType: 'Conv', name: 'conv', inputs: ['x', 'w'], outputs: ['c'], attributes: [{ name: 'kernel_shape', kind: 'ints', value: [3, 3] }] },
      { opType: 'Pad', name: 'pad', inputs: ['c', 'pads'], outputs: ['p'] },
      { opType: 'Transpose', name: 'transpose', inputs: ['p'], outputs: ['t'], attributes: [{ name: 'perm', kind: 'ints', value: [0, 1, 3, 2] }] },
      { opType: 'Reshape', name: 'reshape', inputs: ['t', 'shape'], outputs: ['r'] },
      { opType: 'Concat', name: 'concat', inputs: ['r', 't'], outputs: ['j'], attributes: [{ name: 'axis', kind: 'int', value: 1 }] },
      { opType: 'PRelu', name: 'prelu', inputs: ['j', 'slope'], outputs: ['y'] },
    ]);
    expect(ranks.get('c')).toBe(4);
    expect(ranks.get('p')).toBe(4);
    expect(ranks.get('t')).toBe(4);
    // Reshape's rank is the length of a shape value it reads at run time: not inferred.
    expect(ranks.has('r')).toBe(false);
    expect(ranks.get('j')).toBe(4);
    expect(ranks.get('y')).toBe(4);
  });

  it('leaves a Concat of inputs of unknown rank unknown', () => {
    const ranks = ranksOf([
      { opType: 'Reshape', name: 'reshape', inputs: ['x', 'shape'], outputs: ['r'] },
      { opType: 'Concat', name: 'concat', inputs: ['r', 'r'], outputs: ['y'], attributes: [{ name: 'axis', kind: 'int', value: 0 }] },
    ]);
    expect(ranks.has('y')).toBe(false);
  });
});
