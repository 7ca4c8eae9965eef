import { ProtobufWriter } from '../generate/protobuf.writer';
import { AttributeField, AttributeType, DimensionField, FLOAT_DATA_TYPE, NodeField, ShapeField, TensorField, TensorTypeField, TypeField, ValueInfoField } from './onnx-proto.fields';

export interface NewNode {
  opType: string;
  name: string;
  inputs: readonly string[];
  outputs: readonly string[];
  floatAttributes?: readonly { name: string; value: number }[];
}

/** A 1-D float32 initializer. */
export interface NewTensor {
  name: string;
  values: Float32Array;
}

export function nodeMessage(node: NewNode): ProtobufWriter {
  const w = new ProtobufWriter();
  for (const i of node.inputs) w.string(NodeField.INPUT, i);
  for (const o of node.outputs) w.string(NodeField.OUTPUT, o);
  w.string(NodeField.NAME, node.name).string(NodeField.OP_TYPE, node.opType);
  for (const a of node.floatAttributes ?? []) {
    const attribute = new ProtobufWriter().string(AttributeField.NAME, a.name).float(AttributeField.F, a.value).uint64(AttributeField.TYPE, AttributeType.FLOAT);
    w.message(NodeField.ATTRIBUTE, attribute);
  }
  return w;
}

export function tensorMessage(t: NewTensor): ProtobufWriter {
  const le = Buffer.alloc(t.values.length * 4);
  t.values.forEach((v, i) => le.writeFloatLE(v, 4 * i));
  return new ProtobufWriter()
    .packedInt64(TensorField.DIMS, [t.values.length])
    .uint64(TensorField.DATA_TYPE, FLOAT_DATA_TYPE)
    .string(TensorField.NAME, t.name)
    .bytes(TensorField.RAW_DATA, le);
}

/** The graph input that IR versions < 4 require for every initializer. */
export function tensorInputMessage(t: NewTensor): ProtobufWriter {
  const dim = new ProtobufWriter().uint64(DimensionField.DIM_VALUE, t.values.length);
  const shape = new ProtobufWriter().message(ShapeField.DIM, dim);
  const tensorType = new ProtobufWriter().uint64(TensorTypeField.ELEM_TYPE, FLOAT_DATA_TYPE).message(TensorTypeField.SHAPE, shape);
  const type = new ProtobufWriter().message(TypeField.TENSOR_TYPE, tensorType);
  return new ProtobufWriter().string(ValueInfoField.NAME, t.name).message(ValueInfoField.TYPE, type);
}

/** Tag and length of a length-delimited field whose payload the caller appends. */
export function lenFieldHeader(field: number, length: number): Buffer {
  const w = new ProtobufWriter();
  w.varint(field * 8 + 2);
  w.varint(length);
  return w.finish();
}
