import { ProtobufWriter } from './protobuf.writer';
import { OnnxAttribute, OnnxElemType, OnnxGraph, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx-graph.types';

/** ONNX ir_version 8 (ONNX 1.10+), default-domain opset 13. Field numbers from onnx.proto. */
export const IR_VERSION = 8;
export const OPSET_VERSION = 13;
const PRODUCER = 'gmdb-ml';
const PRODUCER_VERSION = '1';

/** TensorProto.DataType numbers. */
export const DATA_TYPE: Record<OnnxElemType, number> = { float: 1, uint8: 2, int8: 3, int32: 6, int64: 7 };
const ATTR_TYPE = { float: 1, int: 2, ints: 7 } as const;

/** Serialises a graph to ModelProto bytes. Pure function of its input: same graph, same bytes. */
export function encodeOnnxModel(graph: OnnxGraph): Buffer {
  const opset = new ProtobufWriter().string(1, '').uint64(2, OPSET_VERSION);
  return new ProtobufWriter()
    .uint64(1, IR_VERSION)
    .string(2, PRODUCER)
    .string(3, PRODUCER_VERSION)
    .message(7, graphProto(graph))
    .message(8, opset)
    .finish();
}

function graphProto(graph: OnnxGraph): ProtobufWriter {
  const w = new ProtobufWriter();
  for (const node of graph.nodes) w.message(1, nodeProto(node));
  w.string(2, graph.name);
  for (const t of graph.initializers) w.message(5, tensorProto(t));
  for (const v of graph.inputs) w.message(11, valueInfoProto(v));
  for (const v of graph.outputs) w.message(12, valueInfoProto(v));
  return w;
}

export function nodeProto(node: OnnxNode): ProtobufWriter {
  const w = new ProtobufWriter();
  for (const i of node.inputs) w.string(1, i);
  for (const o of node.outputs) w.string(2, o);
  w.string(3, node.name).string(4, node.opType);
  for (const a of node.attributes ?? []) w.message(5, attributeProto(a));
  return w;
}

function attributeProto(a: OnnxAttribute): ProtobufWriter {
  const w = new ProtobufWriter().string(1, a.name);
  if (a.kind === 'float') w.float(2, a.value);
  if (a.kind === 'int') w.uint64(3, a.value);
  if (a.kind === 'ints') w.packedInt64(8, a.value);
  return w.uint64(20, ATTR_TYPE[a.kind]);
}

export function tensorProto(t: OnnxTensor): ProtobufWriter {
  const expected = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== expected) {
    throw new RangeError(`initializer ${t.name}: ${t.data.length} values for dims [${t.dims.join(',')}]`);
  }
  const raw = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  return new ProtobufWriter()
    .packedInt64(1, t.dims)
    .uint64(2, DATA_TYPE[t.type])
    .string(8, t.name)
    .bytes(9, raw);
}

export function valueInfoProto(v: OnnxValueInfo): ProtobufWriter {
  const shape = new ProtobufWriter();
  for (const d of v.shape) {
    const dim = typeof d === 'number' ? new ProtobufWriter().uint64(1, d) : new ProtobufWriter().string(2, d);
    shape.message(1, dim);
  }
  const tensorType = new ProtobufWriter().uint64(1, DATA_TYPE[v.type]).message(2, shape);
  const type = new ProtobufWriter().message(1, tensorType);
  return new ProtobufWriter().string(1, v.name).message(2, type);
}
