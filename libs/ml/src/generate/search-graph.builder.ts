import { OnnxGraph, OnnxNode } from './onnx-graph.types';

export interface SearchGraphOptions {
  /** Number of slots per embedding (slot k of the query only meets slot k of the gallery). */
  slots: number;
  /** Embedding width per slot (512). */
  dim: number;
  /** Add a TopK stage (smallest distances first) with K as an int64 [1] input named `k`. */
  topK: boolean;
}

/**
 * Exact gallery search as an ONNX graph. Inputs `queries` [Q, S·D] and `gallery` [N, S·D], rows
 * slot-major with every slot L2-normalised; output `distances` [Q, N] = 1 − (1/S)·Σₛ qₛ·gₛ, the mean
 * over slots of the cosine distance. Because each slot only meets the same slot, the sum over
 * slots is one dot product of the concatenated rows: a single Gemm(alpha = −1/S, C = 1, transB).
 * With `topK`, also `values` / `indices` [Q, K].
 */
export function buildSearchGraph(options: SearchGraphOptions): OnnxGraph {
  const { slots, dim } = options;
  if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`slots must be >= 1, got ${slots}`);
  const width = slots * dim;
  const nodes: OnnxNode[] = [
    {
      opType: 'Gemm',
      name: 'similarity',
      inputs: ['queries', 'gallery', 'one'],
      outputs: ['distances'],
      attributes: [
        { name: 'alpha', kind: 'float', value: -1 / slots },
        { name: 'beta', kind: 'float', value: 1 },
        { name: 'transB', kind: 'int', value: 1 },
      ],
    },
  ];
  const inputs: OnnxGraph['inputs'] = [
    { name: 'queries', type: 'float', shape: ['queries', width] },
    { name: 'gallery', type: 'float', shape: ['gallery', width] },
  ];
  const outputs: OnnxGraph['outputs'] = [{ name: 'distances', type: 'float', shape: ['queries', 'gallery'] }];
  if (options.topK) {
    inputs.push({ name: 'k', type: 'int64', shape: [1] });
    nodes.push({
      opType: 'TopK',
      name: 'topk',
      inputs: ['distances', 'k'],
      outputs: ['values', 'indices'],
      attributes: [
        { name: 'axis', kind: 'int', value: -1 },
        { name: 'largest', kind: 'int', value: 0 },
        { name: 'sorted', kind: 'int', value: 1 },
      ],
    });
    outputs.push({ name: 'values', type: 'float', shape: ['queries', 'k'] }, { name: 'indices', type: 'int64', shape: ['queries', 'k'] });
  }
  return {
    name: `gallery_search_s${slots}`,
    nodes,
    initializers: [{ name: 'one', dims: [1], type: 'float', data: Float32Array.of(1) }],
    inputs,
    outputs,
  };
}
