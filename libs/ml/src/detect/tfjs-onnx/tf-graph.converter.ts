import { OnnxDim, OnnxGraph } from '../../generate/onnx-graph.types';
import { OnnxGraphEmitter } from './onnx-graph.emitter';
import { shapeDims } from './tf-node.attrs';
import { TfOpContext, TfOpConverter, TfOperand } from './tf-op.context';
import { depthwiseConv2d, fusedConv2d, maxPool } from './tf-conv.converters';
import { addV2, concatV2, identity, pad, prelu, reshape, unary } from './tf-tensor.converters';
import { NCHW_TO_NHWC } from './nchw.layout';
import { TfConst, TfGraphModelJson, TfNodeDef, TfSignature } from './tfjs-model.types';
import { TfValue } from './tf-value';

/** A graph input or output in TF terms: NHWC, -1 for the dynamic batch. */
export interface TensorSpec {
  name: string;
  shape: number[];
}

export interface ConvertedGraph {
  graph: OnnxGraph;
  input: TensorSpec;
  outputs: TensorSpec[];
}

/** The TF ops that MediaPipe's face models (BlazeFace, FaceMesh, Iris) use after tfjs conversion. */
const CONVERTERS: Record<string, TfOpConverter> = {
  _FusedConv2D: fusedConv2d,
  DepthwiseConv2dNative: depthwiseConv2d,
  MaxPool: maxPool,
  AddV2: addV2,
  Prelu: prelu,
  Relu: unary('Relu'),
  Sigmoid: unary('Sigmoid'),
  Pad: pad,
  Reshape: reshape,
  ConcatV2: concatV2,
  Identity: identity,
};

interface OutputRef {
  onnxName: string;
  tensor: string;
  signatureShape?: number[];
}

/**
 * Converts a decoded TF graph to an ONNX graph with one NHWC float input and the signature's outputs
 * in signature order. Nodes are converted depth-first from the outputs, so the ONNX node order is a
 * topological order fixed by the model and unused nodes are dropped.
 */
export function convertTfGraph(name: string, model: TfGraphModelJson, consts: ReadonlyMap<string, TfConst>): ConvertedGraph {
  const nodes = new Map(model.modelTopology.node.map((n) => [n.name, n]));
  checkOps(model.modelTopology.node);
  const emitter = new OnnxGraphEmitter();
  const placeholder = singlePlaceholder(model.modelTopology.node);
  const input: TensorSpec = { name: onnxName(placeholder.name), shape: shapeDims(placeholder.attr?.['shape']?.shape, `input ${placeholder.name}`) };
  if (input.shape.length !== 4) throw new Error(`input ${placeholder.name} has rank ${input.shape.length}, an NHWC image (rank 4) is expected`);
  const outputRefs = outputsOf(model);
  emitter.reserve(input.name);
  for (const o of outputRefs) emitter.reserve(o.onnxName);

  const resolved = new Map<string, TfOperand>();
  const inProgress = new Set<string>();
  const resolve = (tensor: string): TfOperand => {
    const nodeName = tensorNode(tensor);
    const done = resolved.get(nodeName);
    if (done) return done;
    const node = nodes.get(nodeName);
    if (!node) throw new Error(`tensor ${tensor} is not produced by any node`);
    if (inProgress.has(nodeName)) throw new Error(`the graph has a cycle through ${nodeName}`);
    inProgress.add(nodeName);
    const operand = convertNode(node);
    inProgress.delete(nodeName);
    resolved.set(nodeName, operand);
    return operand;
  };
  const convertNode = (node: TfNodeDef): TfOperand => {
    if (node.op === 'Placeholder') return { kind: 'value', value: { shape: input.shape, tf: input.name } };
    if (node.op === 'Const') {
      const tensor = consts.get(node.name);
      if (!tensor) throw new Error(`constant ${node.name} has no entry in the weights manifest`);
      return { kind: 'const', tensor };
    }
    return { kind: 'value', value: CONVERTERS[node.op](opContext(node, emitter, resolve)) };
  };

  const outputs = outputRefs.map((ref) => emitOutput(emitter, ref, resolve(ref.tensor)));
  const graph: OnnxGraph = {
    name,
    nodes: emitter.nodes,
    initializers: emitter.initializers,
    inputs: [{ name: input.name, type: 'float', shape: onnxShape(input.shape) }],
    outputs: outputs.map((o) => ({ name: o.name, type: 'float', shape: onnxShape(o.shape) })),
  };
  return { graph, input, outputs };
}

function opContext(node: TfNodeDef, emitter: OnnxGraphEmitter, resolve: (tensor: string) => TfOperand): TfOpContext {
  // Control inputs (`^name`) only order execution in TF; they carry no data.
  const inputs = (node.input ?? []).filter((i) => !i.startsWith('^'));
  const fail = (message: string): never => {
    throw new Error(`${node.op} node ${node.name}: ${message}`);
  };
  const operand = (index: number): TfOperand => {
    if (index >= inputs.length) fail(`input ${index} is missing (${inputs.length} given)`);
    return resolve(inputs[index]);
  };
  return {
    node,
    emitter,
    inputCount: inputs.length,
    operand,
    value: (index) => {
      const o = operand(index);
      return o.kind === 'value' ? o.value : fail(`input ${index} (${inputs[index]}) is a constant, a computed tensor is expected`);
    },
    constant: (index) => {
      const o = operand(index);
      return o.kind === 'const' ? o.tensor : fail(`input ${index} (${inputs[index]}) is computed, a constant is expected`);
    },
    fail,
  };
}

/** Graph outputs are NHWC like the TF model's: one Transpose for an NCHW result, else an Identity. */
function emitOutput(emitter: OnnxGraphEmitter, ref: OutputRef, operand: TfOperand): TensorSpec {
  if (operand.kind !== 'value') throw new Error(`output ${ref.tensor} is a constant`);
  const v: TfValue = operand.value;
  if (ref.signatureShape && !sameShape(ref.signatureShape, v.shape)) {
    throw new Error(`output ${ref.tensor}: the signature says [${ref.signatureShape.join(',')}], the graph gives [${v.shape.join(',')}]`);
  }
  if (v.tf !== undefined) emitter.node('Identity', [v.tf], ref.onnxName);
  else if (v.nchw !== undefined) emitter.node('Transpose', [v.nchw], ref.onnxName, [{ name: 'perm', kind: 'ints', value: NCHW_TO_NHWC }]);
  return { name: ref.onnxName, shape: v.shape };
}

function checkOps(nodes: readonly TfNodeDef[]): void {
  const unsupported = nodes.filter((n) => n.op !== 'Const' && n.op !== 'Placeholder' && !(n.op in CONVERTERS));
  if (unsupported.length > 0) {
    const list = unsupported.map((n) => `${n.op} (node ${n.name})`).join(', ');
    throw new Error(`unsupported TF ops: ${list}; supported: ${Object.keys(CONVERTERS).join(', ')}`);
  }
}

function singlePlaceholder(nodes: readonly TfNodeDef[]): TfNodeDef {
  const placeholders = nodes.filter((n) => n.op === 'Placeholder');
  if (placeholders.length !== 1) throw new Error(`exactly one input (Placeholder) is supported, the model has ${placeholders.length}`);
  return placeholders[0];
}

/** Signature outputs in signature order (`signature` or `userDefinedMetadata.signature`), else the Identity nodes in graph order. */
function outputsOf(model: TfGraphModelJson): OutputRef[] {
  const signature: TfSignature | undefined = model.signature ?? model.userDefinedMetadata?.signature;
  if (signature?.outputs) {
    return Object.entries(signature.outputs).map(([key, info]) => ({
      onnxName: onnxName(key),
      tensor: info.name,
      signatureShape: info.tensorShape ? shapeDims(info.tensorShape, `output ${key}`) : undefined,
    }));
  }
  const identities = model.modelTopology.node.filter((n) => n.op === 'Identity');
  if (identities.length === 0) throw new Error('the model has neither a signature nor Identity output nodes');
  return identities.map((n) => ({ onnxName: onnxName(n.name), tensor: n.name }));
}

/** TF tensor or signature key (`Identity_3:0`, `input_1`) to a plain identifier (`Identity_3`, `input_1`). */
function onnxName(tfName: string): string {
  return tfName.replace(/:0$/, '').replace(/[^A-Za-z0-9_]/g, '_');
}

function tensorNode(tensor: string): string {
  const [node, index] = tensor.split(':');
  if (index !== undefined && index !== '0') throw new Error(`tensor ${tensor}: only the first output of a node is supported`);
  return node;
}

function onnxShape(shape: readonly number[]): OnnxDim[] {
  return shape.map((d, i) => (d >= 0 ? d : i === 0 ? 'batch' : `dim${i}`));
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}
