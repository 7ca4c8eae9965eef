import { AttributeField, GraphField, ModelField, NodeField, ShapeField, TensorField, TensorTypeField, TypeField, ValueInfoField } from './onnx-proto.fields';
import { ProtoField, lenBytes, lenString, readFields, repeatedInt64, varintNumber } from './protobuf.reader';

export interface NodeParts {
  /** Position of this node's field among the graph's fields. */
  fieldIndex: number;
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  /** AttributeProto messages, undecoded. */
  attributes: Uint8Array[];
  /** Whether an attribute holds a graph (If, Loop, Scan), which may read this graph's tensors. */
  hasSubgraph: boolean;
}

export interface InitializerParts {
  fieldIndex: number;
  name: string;
  dims: number[];
  /** The TensorProto's own fields (raw_data stays a slice of the input). */
  fields: ProtoField[];
}

export interface ValueInfoParts {
  fieldIndex: number;
  name: string;
  /** Number of dimensions when the value info carries a tensor shape. */
  rank: number | undefined;
}

export interface GraphParts {
  fields: ProtoField[];
  nodes: NodeParts[];
  initializers: InitializerParts[];
  inputs: ValueInfoParts[];
  outputs: ValueInfoParts[];
  valueInfo: ValueInfoParts[];
}

export interface ModelParts {
  fields: ProtoField[];
  graphFieldIndex: number;
  irVersion: number;
  graph: GraphParts;
}

export class OnnxModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OnnxModelError';
  }
}

/** Splits ModelProto bytes into the parts the rewrite reads; everything else stays raw. */
export function readModelParts(bytes: Uint8Array): ModelParts {
  const fields = readFields(bytes);
  const graphIndices = fields.flatMap((f, i) => (f.field === ModelField.GRAPH ? [i] : []));
  if (graphIndices.length !== 1) throw new OnnxModelError(`not an ONNX model: ${graphIndices.length} graph fields (expected 1)`);
  const irField = fields.find((f) => f.field === ModelField.IR_VERSION);
  return {
    fields,
    graphFieldIndex: graphIndices[0],
    irVersion: irField ? varintNumber(irField) : 0,
    graph: readGraphParts(lenBytes(fields[graphIndices[0]])),
  };
}

function readGraphParts(bytes: Uint8Array): GraphParts {
  const fields = readFields(bytes);
  const graph: GraphParts = { fields, nodes: [], initializers: [], inputs: [], outputs: [], valueInfo: [] };
  fields.forEach((f, fieldIndex) => {
    if (f.field === GraphField.NODE) graph.nodes.push(readNode(lenBytes(f), fieldIndex));
    if (f.field === GraphField.INITIALIZER) graph.initializers.push(readInitializer(lenBytes(f), fieldIndex));
    if (f.field === GraphField.INPUT) graph.inputs.push(readValueInfo(lenBytes(f), fieldIndex));
    if (f.field === GraphField.OUTPUT) graph.outputs.push(readValueInfo(lenBytes(f), fieldIndex));
    if (f.field === GraphField.VALUE_INFO) graph.valueInfo.push(readValueInfo(lenBytes(f), fieldIndex));
  });
  return graph;
}

function readNode(bytes: Uint8Array, fieldIndex: number): NodeParts {
  const node: NodeParts = { fieldIndex, name: '', opType: '', domain: '', inputs: [], outputs: [], attributes: [], hasSubgraph: false };
  for (const f of readFields(bytes)) {
    if (f.field === NodeField.INPUT) node.inputs.push(lenString(f));
    if (f.field === NodeField.OUTPUT) node.outputs.push(lenString(f));
    if (f.field === NodeField.NAME) node.name = lenString(f);
    if (f.field === NodeField.OP_TYPE) node.opType = lenString(f);
    if (f.field === NodeField.DOMAIN) node.domain = lenString(f);
    if (f.field === NodeField.ATTRIBUTE) node.attributes.push(lenBytes(f));
  }
  node.hasSubgraph = node.attributes.some((a) => readFields(a).some((f) => f.field === AttributeField.G || f.field === AttributeField.GRAPHS));
  return node;
}

function readInitializer(bytes: Uint8Array, fieldIndex: number): InitializerParts {
  const fields = readFields(bytes);
  const name = fields.find((f) => f.field === TensorField.NAME);
  return { fieldIndex, name: name ? lenString(name) : '', dims: repeatedInt64(fields, TensorField.DIMS), fields };
}

function readValueInfo(bytes: Uint8Array, fieldIndex: number): ValueInfoParts {
  const fields = readFields(bytes);
  const name = fields.find((f) => f.field === ValueInfoField.NAME);
  const tensorType = nested(fields, ValueInfoField.TYPE, TypeField.TENSOR_TYPE);
  const shape = tensorType && tensorType.find((f) => f.field === TensorTypeField.SHAPE);
  const rank = shape ? readFields(lenBytes(shape)).filter((f) => f.field === ShapeField.DIM).length : undefined;
  return { fieldIndex, name: name ? lenString(name) : '', rank };
}

function nested(fields: ProtoField[], outer: number, inner: number): ProtoField[] | undefined {
  const o = fields.find((f) => f.field === outer);
  const i = o && readFields(lenBytes(o)).find((f) => f.field === inner);
  return i && readFields(lenBytes(i));
}
