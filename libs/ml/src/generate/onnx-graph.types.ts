/** The subset of ONNX that the generated graphs use. */
export type OnnxElemType = 'float' | 'int64' | 'int32' | 'int8' | 'uint8';

export interface OnnxTensor {
  name: string;
  dims: readonly number[];
  type: OnnxElemType;
  /** Values of `type` (little-endian raw_data in the file): Float32Array for float, BigInt64Array for int64, and so on. */
  data: Float32Array | BigInt64Array | Int32Array | Int8Array | Uint8Array;
}

export type OnnxAttribute =
  | { name: string; kind: 'float'; value: number }
  | { name: string; kind: 'int'; value: number }
  | { name: string; kind: 'ints'; value: readonly number[] };

export interface OnnxNode {
  opType: string;
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes?: readonly OnnxAttribute[];
}

/** A dimension is a fixed size or a symbolic name such as `batch`. */
export type OnnxDim = number | string;

export interface OnnxValueInfo {
  name: string;
  type: OnnxElemType;
  shape: readonly OnnxDim[];
}

export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  initializers: OnnxTensor[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
}
