import { ProtobufWriter } from '../generate/protobuf.writer';
import {
  AttributeField,
  EXTERNAL_DATA_LOCATION,
  GraphField,
  ModelField,
  NodeField,
  OperatorSetIdField,
  ShapeField,
  TensorField,
  TensorTypeField,
  TypeField,
  ValueInfoField,
} from './onnx-proto.fields';
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

/**
 * The ModelProto of `parts` with its graph replaced by what `writeGraph` writes: every other field
 * of the model as its original bytes. Kept fields and new messages go in by reference, so the
 * weights are copied once, into the returned buffer.
 */
export function withGraph(parts: ModelParts, writeGraph: (graph: ProtobufWriter) => void): Buffer {
  const graph = new ProtobufWriter();
  writeGraph(graph);
  const model = new ProtobufWriter();
  parts.fields.forEach((f, i) => (i === parts.graphFieldIndex ? model.message(ModelField.GRAPH, graph) : model.raw(f.raw)));
  return model.finish();
}

/** Such a tensor's data is in a file beside the model: the model only loads from its path, not from bytes. */
export function isExternalTensor(tensor: InitializerParts): boolean {
  const location = tensor.fields.find((f) => f.field === TensorField.DATA_LOCATION);
  return location !== undefined && varintNumber(location) === EXTERNAL_DATA_LOCATION;
}

/** The version of the default ONNX domain the model imports (0 when it imports none). */
export function defaultOpset(parts: ModelParts): number {
  for (const f of parts.fields) {
    if (f.field !== ModelField.OPSET_IMPORT) continue;
    const inner = readFields(lenBytes(f));
    const domain = inner.find((g) => g.field === OperatorSetIdField.DOMAIN);
    const version = inner.find((g) => g.field === OperatorSetIdField.VERSION);
    const name = domain ? lenString(domain) : '';
    if ((name === '' || name === 'ai.onnx') && version) return varintNumber(version);
  }
  return 0;
}

/** The fields of the node's attribute called `name` (undecoded), or undefined. */
export function attributeFields(node: NodeParts, name: string): ProtoField[] | undefined {
  for (const attribute of node.attributes) {
    const fields = readFields(attribute);
    const n = fields.find((f) => f.field === AttributeField.NAME);
    if (n && lenString(n) === name) return fields;
  }
  return undefined;
}

/**
 * Of the `candidates` (initializer names), those that neither a graph output nor any node outside
 * `replaced` (node field indices) reads: what a rewrite may drop with the nodes it replaces. None
 * when a node has a subgraph, which may read the outer graph's tensors.
 */
export function unreadAfterReplacing(graph: GraphParts, candidates: Iterable<string>, replaced: { has(fieldIndex: number): boolean }): Set<string> {
  if (graph.nodes.some((n) => n.hasSubgraph)) return new Set();
  const read = new Set(graph.outputs.map((v) => v.name));
  for (const node of graph.nodes) if (!replaced.has(node.fieldIndex)) node.inputs.forEach((i) => read.add(i));
  return new Set([...candidates].filter((name) => !read.has(name)));
}
