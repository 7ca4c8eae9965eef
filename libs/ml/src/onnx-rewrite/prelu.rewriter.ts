import type { OnnxTensor } from '../generate/onnx-graph.types';
import { nodeProto, tensorProto, valueInfoProto } from '../generate/onnx-model.encoder';
import { ProtobufWriter } from '../generate/protobuf.writer';
import { readFloatInitializer } from './float-initializer.reader';
import { GraphParts, InitializerParts, isExternalTensor, readModelParts, unreadAfterReplacing, withGraph } from './onnx-model.parts';
import { GraphField } from './onnx-proto.fields';
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
  if (graph.initializers.some(isExternalTensor)) {
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

  // The slopes no node reads any more go, with their graph-input entries where initializers are inputs.
  const unread = unreadAfterReplacing(graph, graph.nodes.filter((n) => replacements.has(n.fieldIndex)).map((n) => n.inputs[1]), replacements);
  const dropped = new Set([...graph.initializers, ...(initializersAreInputs ? graph.inputs : [])].filter((v) => unread.has(v.name)).map((v) => v.fieldIndex));
  const rewritten = withGraph(parts, (g) => writeRewrittenGraph(g, graph, replacements, dropped, initializersAreInputs));
  return { model: rewritten, rewritten: replacements.size, kept };
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

function writeRewrittenGraph(out: ProtobufWriter, graph: GraphParts, replacements: Map<number, Replacement>, dropped: Set<number>, initializersAreInputs: boolean): void {
  const tensors: OnnxTensor[] = [];
  graph.fields.forEach((f, i) => {
    if (dropped.has(i)) return;
    const replacement = replacements.get(i);
    if (!replacement) return out.raw(f.raw);
    for (const node of replacement.nodes) out.message(GraphField.NODE, nodeProto(node));
    tensors.push(...replacement.tensors);
  });
  for (const t of tensors) out.message(GraphField.INITIALIZER, tensorProto(t));
  if (initializersAreInputs) for (const t of tensors) out.message(GraphField.INPUT, valueInfoProto({ name: t.name, type: t.type, shape: t.dims }));
}
