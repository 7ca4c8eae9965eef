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
 * Exact gallery search as an ONNX graph. Inputs `gallery` [N, S·D], rows slot-major with every
 * slot L2-normalised, and `queries` [S·D, Q], one normalised query per column (for one query the
 * same values as a row); output `distances` [Q, N] = 1 − (1/S)·Σₛ qₛ·gₛ, the mean over slots of
 * the cosine distance. Because each slot only meets the same slot, the sum over slots is one dot
 * product of the concatenated rows: gallery × queries, a MatMul that streams the gallery once in
 * its stored order (onnxruntime runs this as fast as a plain read of the gallery; the same
 * product as Gemm(queries, gallery, transB) took 1.6x as long at 10k x 12 slots), then turned to
 * [Q, N] and scaled. With `topK`, also `values` / `indices` [Q, K].
 */
export function buildSearchGraph(options: SearchGraphOptions): OnnxGraph {
  const { slots, dim } = options;
  if (!Number.isInteger(slots) || slots < 1) throw new RangeError(`slots must be >= 1, got ${slots}`);
  const width = slots * dim;
  const nodes: OnnxNode[] = [
    { opType: 'MatMul', name: 'similarity', inputs: ['gallery', 'queries'], outputs: ['similarity_by_row'] },
    { opType: 'Transpose', name: 'by_query', inputs: ['similarity_by_row'], outputs: ['similarity'], attributes: [{ name: 'perm', kind: 'ints', value: [1, 0] }] },
    { opType: 'Mul', name: 'mean', inputs: ['similarity', 'minus_one_over_slots'], outputs: ['minus_mean'] },
    { opType: 'Add', name: 'distance', inputs: ['minus_mean', 'one'], outputs: ['distances'] },
  ];
  const inputs: OnnxGraph['inputs'] = [
    { name: 'gallery', type: 'float', shape: ['gallery', width] },
    { name: 'queries', type: 'float', shape: [width, 'queries'] },
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
    initializers: [
      { name: 'one', dims: [], type: 'float', data: Float32Array.of(1) },
      { name: 'minus_one_over_slots', dims: [], type: 'float', data: Float32Array.of(-1 / slots) },
    ],
    inputs,
    outputs,
  };
}
