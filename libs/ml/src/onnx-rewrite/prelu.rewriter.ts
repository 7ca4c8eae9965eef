import type { OnnxTensor } from '../generate/onnx-graph.types';
import { nodeProto, tensorProto, valueInfoProto } from '../generate/onnx-model.encoder';
import { ProtobufWriter } from '../generate/protobuf.writer';
import { readFloatInitializer } from './float-initializer.reader';
import { GraphParts, InitializerParts, readModelParts } from './onnx-model.parts';
import { EXTERNAL_DATA_LOCATION, GraphField, ModelField, TensorField } from './onnx-proto.fields';
import { varintNumber } from './protobuf.reader';
import { PreluSite, Replacement, channelPrelu, scalarPrelu } from './prelu.replacement';
import { inferTensorRanks } from './tensor-rank.inference';
import { UniqueNames } from './unique-names';

export interface PreluRewriteResult {
  /** The rewritten ModelProto, or the input itself when no PRelu was rewritten. */
  model: Uint8Array;
  rewritten: number;
  /** PRelu nodes left as they were, with the reason. */
  kept: { node: string; reason: string }[];
}

/**
 * Replaces each PRelu of the main graph whose slope is a float32 initializer, scalar or
 * per-channel (dims [C], [C,1,1], [1,C,1,1], … broadcasting along axis 1 of the input), by an
 * equivalent subgraph that onnxruntime keeps in its blocked NCHWc layout (see channelPrelu); a
 * scalar slope becomes LeakyRelu. Every other field of the model is copied as its original bytes,
 * so weights are never decoded. Deterministic: the same bytes and options give the same bytes.
 * A model with external data is returned unchanged (it must load from its path).
 * Throws ProtobufDecodeError or OnnxModelError on bytes that are not a ModelProto.
 */
export function rewritePrelu(model: Uint8Array): PreluRewriteResult {
  const parts = readModelParts(model);
  const { graph } = parts;
  const kept: PreluRewriteResult['kept'] = [];
  const replacements = new Map<number, Replacement>();
  const preluNodes = graph.nodes.filter((n) => n.opType === 'PRelu' && (n.domain === '' || n.domain === 'ai.onnx'));
  if (preluNodes.length === 0) return { model, rewritten: 0, kept };
  if (graph.initializers.some(isExternal)) {
    return { model, rewritten: 0, kept: preluNodes.map((n) => ({ node: n.name || n.outputs[0], reason: 'model keeps tensors in external files' })) };
  }

  const ranks = inferTensorRanks(graph);
  const initializers = uniqueInitializers(graph);
  // Before IR version 4 every initializer is also a graph input and none can be overridden.
  const initializersAreInputs = parts.irVersion < 4;
  const overridable = new Set(initializersAreInputs ? [] : graph.inputs.map((v) => v.name));
  const names = new UniqueNames(graph);
  for (const node of preluNodes) {
    const label = node.name || node.outputs[0] || '(unnamed)';
    const slopeName = node.inputs[1];
    const slope = initializers.get(slopeName);
    const reason =
      node.inputs.length !== 2 || node.outputs.length !== 1 ? 'not 2 inputs and 1 output'
      : !slope ? 'slope is not an initializer'
      : overridable.has(slopeName) ? 'slope is also a graph input (overridable)'
      : broadcastProblem(slope.dims, ranks.get(node.inputs[0]));
    const values = slope && !reason ? readFloatInitializer(slope) : undefined;
    if (reason || !values || !values.ok) {
      kept.push({ node: label, reason: reason || (values && !values.ok ? `slope: ${values.reason}` : 'slope unreadable') });
      continue;
    }
    const site: PreluSite = { x: node.inputs[0], y: node.outputs[0], slope: values.values, name: (part) => names.take(`${label}/${part}`) };
    replacements.set(node.fieldIndex, values.values.length === 1 ? scalarPrelu(site) : channelPrelu(site));
  }
  if (replacements.size === 0) return { model, rewritten: 0, kept };

  const dropped = unusedSlopeFields(graph, replacements, initializers, initializersAreInputs);
  const graphChunks = rewrittenGraph(graph, replacements, dropped, initializersAreInputs);
  const graphLength = graphChunks.reduce((n, c) => n + c.length, 0);
  const chunks = parts.fields.flatMap((f, i) => (i === parts.graphFieldIndex ? [lenFieldHeader(ModelField.GRAPH, graphLength), ...graphChunks] : [f.raw]));
  return { model: Buffer.concat(chunks), rewritten: replacements.size, kept };
}

/** Such a model only loads from its path (onnxruntime resolves the files beside it), not from bytes. */
function isExternal(tensor: InitializerParts): boolean {
  const location = tensor.fields.find((f) => f.field === TensorField.DATA_LOCATION);
  return location !== undefined && varintNumber(location) === EXTERNAL_DATA_LOCATION;
}

/** Why a slope of these dims is not one value per channel of axis 1, or '' when it is (or is a scalar). */
function broadcastProblem(dims: readonly number[], inputRank: number | undefined): string {
  if (dims.reduce((a, b) => a * b, 1) === 1) return '';
  const first = dims.findIndex((d) => d !== 1);
  const trailing = dims.slice(first + 1);
  if (trailing.some((d) => d !== 1)) return `slope dims [${dims.join(',')}] are not per-channel`;
  if (inputRank === undefined) return 'input rank unknown';
  if (inputRank !== trailing.length + 2) return `slope dims [${dims.join(',')}] do not broadcast along axis 1 of a rank-${inputRank} input`;
  return '';
}

function uniqueInitializers(graph: GraphParts): Map<string, InitializerParts> {
  const byName = new Map<string, InitializerParts>();
  const repeated = new Set<string>();
  for (const t of graph.initializers) {
    if (byName.has(t.name)) repeated.add(t.name);
    else byName.set(t.name, t);
  }
  for (const name of repeated) byName.delete(name);
  return byName;
}

/**
 * Graph field indices of the slopes that no node reads once the replaced PRelus are gone (with
 * their graph-input entries where initializers are inputs). None when a subgraph could read them.
 */
function unusedSlopeFields(
  graph: GraphParts,
  replacements: Map<number, Replacement>,
  initializers: Map<string, InitializerParts>,
  initializersAreInputs: boolean,
): Set<number> {
  if (graph.nodes.some((n) => n.hasSubgraph)) return new Set();
  const read = new Set(graph.outputs.map((v) => v.name));
  for (const node of graph.nodes) if (!replacements.has(node.fieldIndex)) node.inputs.forEach((i) => read.add(i));
  const unused = new Set(graph.nodes.filter((n) => replacements.has(n.fieldIndex) && !read.has(n.inputs[1])).map((n) => n.inputs[1]));
  const fields = [...unused].map((name) => (initializers.get(name) as InitializerParts).fieldIndex);
  if (initializersAreInputs) fields.push(...graph.inputs.filter((v) => unused.has(v.name)).map((v) => v.fieldIndex));
  return new Set(fields);
}

function rewrittenGraph(graph: GraphParts, replacements: Map<number, Replacement>, dropped: Set<number>, initializersAreInputs: boolean): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const tensors: OnnxTensor[] = [];
  graph.fields.forEach((f, i) => {
    if (dropped.has(i)) return;
    const replacement = replacements.get(i);
    if (!replacement) return chunks.push(f.raw);
    for (const node of replacement.nodes) chunks.push(message(GraphField.NODE, nodeProto(node).finish()));
    tensors.push(...replacement.tensors);
  });
  for (const t of tensors) chunks.push(message(GraphField.INITIALIZER, tensorProto(t).finish()));
  if (initializersAreInputs) for (const t of tensors) chunks.push(message(GraphField.INPUT, valueInfoProto({ name: t.name, type: t.type, shape: t.dims }).finish()));
  return chunks;
}

function message(field: number, payload: Uint8Array): Buffer {
  return Buffer.concat([lenFieldHeader(field, payload.length), payload]);
}

/** Tag and length of a length-delimited field whose payload the caller appends. */
function lenFieldHeader(field: number, length: number): Buffer {
  const w = new ProtobufWriter();
  w.varint(field * 8 + 2);
  w.varint(length);
  return w.finish();
}
