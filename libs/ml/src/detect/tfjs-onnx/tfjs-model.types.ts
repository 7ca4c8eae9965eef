/**
 * The parts of a TensorFlow.js graph-model `model.json` that the ONNX converter reads. Attribute
 * values are TF `AttrValue` protos written as JSON: strings are base64, integers are decimal strings.
 */
export interface TfAttrValue {
  s?: string;
  i?: string;
  f?: number;
  b?: boolean;
  type?: string;
  list?: { s?: string[]; i?: string[]; f?: number[] };
  shape?: TfShapeProto;
  tensor?: { dtype?: string; tensorShape?: TfShapeProto };
}

export interface TfShapeProto {
  dim?: { size: string }[];
  unknownRank?: boolean;
}

export interface TfNodeDef {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttrValue>;
}

export interface TfTensorInfo {
  name: string;
  dtype?: string;
  tensorShape?: TfShapeProto;
}

export interface TfSignature {
  inputs?: Record<string, TfTensorInfo>;
  outputs?: Record<string, TfTensorInfo>;
}

/** Affine quantisation (`value = q·scale + min`) or half floats (`dtype: 'float16'`). */
export interface TfQuantization {
  dtype: 'uint8' | 'uint16' | 'float16';
  scale?: number;
  min?: number;
}

export interface TfWeightSpec {
  name: string;
  shape: number[];
  dtype: string;
  quantization?: TfQuantization;
}

export interface TfWeightsGroup {
  paths: string[];
  weights: TfWeightSpec[];
}

export interface TfGraphModelJson {
  format?: string;
  modelTopology: { node: TfNodeDef[] };
  weightsManifest: TfWeightsGroup[];
  signature?: TfSignature;
  userDefinedMetadata?: { signature?: TfSignature };
}

/** A decoded constant: float weights as float32, index tensors (paddings, shapes, axes) as int32. */
export type TfConst = { name: string; shape: number[] } & ({ dtype: 'float32'; values: Float32Array } | { dtype: 'int32'; values: Int32Array });
