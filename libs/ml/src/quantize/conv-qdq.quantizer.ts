import type { OnnxNode, OnnxTensor } from '../generate/onnx-graph.types';
import { nodeProto, tensorProto } from '../generate/onnx-model.encoder';
import { ProtobufWriter } from '../generate/protobuf.writer';
import { readFloatInitializer } from '../onnx-rewrite/float-initializer.reader';
import {
  InitializerParts,
  ModelParts,
  NodeParts,
  OnnxModelError,
  defaultOpset,
  isExternalTensor,
  readModelParts,
  unreadAfterReplacing,
  withGraph,
} from '../onnx-rewrite/onnx-model.parts';
import { GraphField, NodeField } from '../onnx-rewrite/onnx-proto.fields';
import { inferTensorRanks } from '../onnx-rewrite/tensor-rank.inference';
import { UniqueNames } from '../onnx-rewrite/unique-names';
import { batchNormAsAffine } from './batchnorm-affine';
import { preluAsElementwise } from './prelu-elementwise';
import { ActivationRange, activationQuantization, quantizeBias, quantizeWeightsPerChannel } from './quantization.math';

/**
 * The weights are symmetric (levels −127…127 per channel) but stored shifted by −1, as −128…126 with
 * zero point −1: the same values after DequantizeLinear, bit-identical outputs. With zero point 0
 * onnxruntime runs QLinearConv through its direct "symmetric conv" kernels (AVX-512 VNNI); with any
 * other it takes im2col + its int8 GEMM, which uses AMX where the CPU has it: generated r100,
 * batch 4, 152 → 124 ms (batch 1: 51 → 46 ms) on this Sapphire Rapids machine.
 */
export const WEIGHT_ZERO_POINT = -1;

/** QuantizeLinear / DequantizeLinear with a per-axis scale (the weights' per-channel scales) need opset 13. */
export const MIN_QDQ_OPSET = 13;

/** A Conv of the main graph that can run as int8: weights and bias are float32 initializers that no graph input overrides. */
export interface ConvSite {
  node: NodeParts;
  x: string;
  y: string;
  weight: { tensor: InitializerParts; values: Float32Array };
  bias?: { tensor: InitializerParts; values: Float32Array };
}

export interface ConvSites {
  parts: ModelParts;
  /** The graph's initializers by name, and the names a graph input can override. */
  initializers: Map<string, InitializerParts>;
  overridable: Set<string>;
  sites: ConvSite[];
  /** Conv nodes left in float, with the reason. */
  kept: { node: string; reason: string }[];
}

export interface QuantizeResult {
  model: Uint8Array;
  quantized: number;
  /** BatchNormalizations rewritten as Mul + Add (0 when no Conv was quantized: the model is returned as it was). */
  affineBatchNorms: number;
  /** PRelus rewritten as Mul + Max (or the general form), for the same reason. */
  elementwisePrelus: number;
  kept: { node: string; reason: string }[];
}

/**
 * The Conv nodes of a model that quantizeConvs can turn into int8, and the tensors whose ranges
 * it needs (each site's input and output). Throws OnnxModelError where the model as a whole cannot
 * be quantized: default-domain opset below 13, tensors in external files, IR version below 4
 * (initializers doubling as graph inputs).
 */
export function findConvSites(model: Uint8Array): ConvSites {
  const parts = readModelParts(model);
  const opset = defaultOpset(parts);
  if (opset < MIN_QDQ_OPSET) throw new OnnxModelError(`opset ${opset}: per-channel QuantizeLinear/DequantizeLinear need opset >= ${MIN_QDQ_OPSET} (export the model at opset 13 or later)`);
  if (parts.irVersion < 4) throw new OnnxModelError(`IR version ${parts.irVersion}: initializers are graph inputs before IR 4`);
  const { graph } = parts;
  if (graph.initializers.some(isExternalTensor)) throw new OnnxModelError('the model keeps tensors in external files');
  const initializers = new Map(graph.initializers.map((t) => [t.name, t]));
  const overridable = new Set(graph.inputs.map((v) => v.name));
  const dequantized = new Set(graph.nodes.filter((n) => n.opType === 'DequantizeLinear').flatMap((n) => n.outputs));
  const sites: ConvSite[] = [];
  const kept: ConvSites['kept'] = [];
  for (const node of graph.nodes) {
    if (node.opType !== 'Conv' || !(node.domain === '' || node.domain === 'ai.onnx')) continue;
    const label = node.name || node.outputs[0] || '(unnamed)';
    const [x, w, b] = node.inputs;
    const weight = w ? initializers.get(w) : undefined;
    const bias = b ? initializers.get(b) : undefined;
    const problem =
      node.inputs.length < 2 || node.inputs.length > 3 || node.outputs.length !== 1 ? 'not 2–3 inputs and 1 output'
      : dequantized.has(w) ? 'already quantized (weight from DequantizeLinear)'
      : !weight || overridable.has(w) ? 'weight is not a constant initializer'
      : weight.dims.length !== 4 ? `weight dims [${weight.dims.join(',')}] are not those of a 2-D convolution`
      : b && (!bias || overridable.has(b)) ? 'bias is not a constant initializer'
      : '';
    const weightValues = weight && !problem ? readFloatInitializer(weight) : undefined;
    const biasValues = bias && !problem ? readFloatInitializer(bias) : undefined;
    if (problem || !weightValues || !weightValues.ok || (biasValues && !biasValues.ok)) {
      const reason = problem || (weightValues && !weightValues.ok ? `weight: ${weightValues.reason}` : biasValues && !biasValues.ok ? `bias: ${biasValues.reason}` : 'weight unreadable');
      kept.push({ node: label, reason });
      continue;
    }
    if (biasValues?.ok && biasValues.values.length !== (weight as InitializerParts).dims[0]) {
      kept.push({ node: label, reason: 'bias length differs from the output channels' });
      continue;
    }
    sites.push({
      node,
      x,
      y: node.outputs[0],
      weight: { tensor: weight as InitializerParts, values: weightValues.values },
      ...(bias && biasValues?.ok ? { bias: { tensor: bias, values: biasValues.values } } : {}),
    });
  }
  return { parts, initializers, overridable, sites, kept };
}

/** Names of the tensors whose value ranges quantizeConvs needs: the inputs and outputs of the sites. */
export function rangeTensors(sites: readonly ConvSite[]): string[] {
  return [...new Set(sites.flatMap((s) => [s.x, s.y]))];
}

/**
 * Rewrites each Conv site in the QDQ form that onnxruntime's CPU provider fuses into an int8
 * QLinearConv (u8 activations, s8 weights; VNNI / AMX kernels where the CPU has them):
 *   x → QuantizeLinear → DequantizeLinear ┐
 *   W (int8, per output channel, see WEIGHT_ZERO_POINT) → DequantizeLinear → Conv → QuantizeLinear → DequantizeLinear → y
 *   b (int32, scale x_scale·w_scale) → DequantizeLinear ┘
 * Activations are asymmetric uint8 over the calibrated range of each tensor (widened to hold 0);
 * weights symmetric int8 per output channel. A tensor read by several sites is quantized once; a
 * site's input that is another site's output reads that output's DequantizeLinear as it is.
 * Every other node and tensor is copied as its original bytes; float weights that no other node
 * reads are dropped. Deterministic: the same model and ranges give the same bytes. Sites whose
 * input or output has no range are left in float (listed in `kept`). `found` is findConvSites of
 * the same model, for a caller that already has it (it decodes every weight).
 */
export function quantizeConvs(model: Uint8Array, ranges: ReadonlyMap<string, ActivationRange>, found: ConvSites = findConvSites(model)): QuantizeResult {
  const { parts, initializers, overridable, sites, kept: notEligible } = found;
  const kept = [...notEligible];
  const { graph } = parts;
  const names = new UniqueNames(graph);
  const chosen = sites.filter((s) => {
    const missing = [s.x, s.y].filter((t) => !ranges.has(t));
    if (missing.length > 0) kept.push({ node: s.node.name || s.y, reason: `no calibrated range for ${missing.join(', ')}` });
    return missing.length === 0;
  });
  if (chosen.length === 0) return { model, quantized: 0, affineBatchNorms: 0, elementwisePrelus: 0, kept };

  const replacements = new Map<number, ProtobufWriter[]>();
  const tensors: OnnxTensor[] = [];
  /** Tensor → the DequantizeLinear output that holds its quantized value (a site's own output keeps its name), and its scale. */
  const dequantized = new Map<string, { name: string; scale: number }>();
  const qdq = (source: string, target: string, range: ActivationRange, label: string): { nodes: OnnxNode[]; scale: number } => {
    const { scale, zeroPoint } = activationQuantization(range);
    const s = names.take(`${label}.scale`);
    const z = names.take(`${label}.zero_point`);
    const q = names.take(`${label}.quantized`);
    tensors.push({ name: s, dims: [], type: 'float', data: new Float32Array([scale]) }, { name: z, dims: [], type: 'uint8', data: new Uint8Array([zeroPoint]) });
    return {
      scale,
      nodes: [
        { opType: 'QuantizeLinear', name: names.take(`${label}.quantize`), inputs: [source, s, z], outputs: [q] },
        { opType: 'DequantizeLinear', name: names.take(`${label}.dequantize`), inputs: [q, s, z], outputs: [target] },
      ],
    };
  };

  for (const site of chosen) {
    const label = site.node.name || site.y;
    const nodes: OnnxNode[] = [];
    let input = dequantized.get(site.x);
    if (!input) {
      const name = names.take(`${site.x}.dequantized`);
      const pair = qdq(site.x, name, ranges.get(site.x) as ActivationRange, site.x);
      nodes.push(...pair.nodes);
      input = { name, scale: pair.scale };
      dequantized.set(site.x, input);
    }
    const cout = site.weight.tensor.dims[0];
    const w = quantizeWeightsPerChannel(site.weight.values, cout);
    for (let i = 0; i < w.values.length; i++) w.values[i] += WEIGHT_ZERO_POINT;
    const wq = names.take(`${site.weight.tensor.name}.int8`);
    const ws = names.take(`${site.weight.tensor.name}.scale`);
    const wz = names.take(`${site.weight.tensor.name}.zero_point`);
    const wd = names.take(`${site.weight.tensor.name}.dequantized`);
    tensors.push(
      { name: wq, dims: site.weight.tensor.dims, type: 'int8', data: w.values },
      { name: ws, dims: [cout], type: 'float', data: w.scales },
      { name: wz, dims: [cout], type: 'int8', data: new Int8Array(cout).fill(WEIGHT_ZERO_POINT) },
    );
    nodes.push({ opType: 'DequantizeLinear', name: names.take(`${label}.weight.dequantize`), inputs: [wq, ws, wz], outputs: [wd], attributes: [{ name: 'axis', kind: 'int', value: 0 }] });
    const convInputs = [input.name, wd];
    if (site.bias) {
      const b = quantizeBias(site.bias.values, input.scale, w.scales);
      const bq = names.take(`${site.bias.tensor.name}.int32`);
      const bs = names.take(`${site.bias.tensor.name}.scale`);
      const bz = names.take(`${site.bias.tensor.name}.zero_point`);
      const bd = names.take(`${site.bias.tensor.name}.dequantized`);
      tensors.push(
        { name: bq, dims: [cout], type: 'int32', data: b.values },
        { name: bs, dims: [cout], type: 'float', data: b.scales },
        { name: bz, dims: [cout], type: 'int32', data: new Int32Array(cout) },
      );
      nodes.push({ opType: 'DequantizeLinear', name: names.take(`${label}.bias.dequantize`), inputs: [bq, bs, bz], outputs: [bd], attributes: [{ name: 'axis', kind: 'int', value: 0 }] });
      convInputs.push(bd);
    }
    const raw = names.take(`${site.y}.float`);
    const out = qdq(raw, site.y, ranges.get(site.y) as ActivationRange, site.y);
    replacements.set(site.node.fieldIndex, [...nodes.map(nodeProto), nodeWithInputs(site.node, convInputs, [raw]), ...out.nodes.map(nodeProto)]);
    dequantized.set(site.y, { name: site.y, scale: out.scale });
  }

  // The int8 convs run in NHWC: BatchNormalizations (NCHW-only) become Mul + Add (see batchNormAsAffine).
  const ranks = inferTensorRanks(graph);
  const replacedReads: string[] = chosen.flatMap((s) => [s.weight.tensor.name, ...(s.bias ? [s.bias.tensor.name] : [])]);
  // So do PRelus, whose CPU kernel is slow there (see preluAsElementwise).
  let affine = 0;
  let prelus = 0;
  for (const node of graph.nodes) {
    if (!(node.domain === '' || node.domain === 'ai.onnx')) continue;
    const label = node.name || node.outputs[0];
    const part = (p: string) => names.take(`${label}.${p}`);
    const r =
      node.opType === 'BatchNormalization' ? batchNormAsAffine(node, initializers, overridable, ranks.get(node.inputs[0]), part)
      : node.opType === 'PRelu' ? preluAsElementwise(node, initializers, overridable, part)
      : undefined;
    if (r === undefined || typeof r === 'string') continue;
    replacements.set(node.fieldIndex, r.nodes.map(nodeProto));
    tensors.push(...r.tensors);
    replacedReads.push(...r.reads);
    if (node.opType === 'PRelu') prelus++;
    else affine++;
  }
  const unread = unreadAfterReplacing(graph, replacedReads, replacements);
  const dropped = new Set(graph.initializers.filter((t) => unread.has(t.name)).map((t) => t.fieldIndex));
  const quantized = withGraph(parts, (out) => {
    graph.fields.forEach((f, i) => {
      if (dropped.has(i)) return;
      const replacement = replacements.get(i);
      if (!replacement) return out.raw(f.raw);
      for (const node of replacement) out.message(GraphField.NODE, node);
    });
    for (const t of tensors) out.message(GraphField.INITIALIZER, tensorProto(t));
  });
  return { model: quantized, quantized: chosen.length, affineBatchNorms: affine, elementwisePrelus: prelus, kept };
}

/** The node's NodeProto with other inputs and outputs; name, op type, domain and attributes as they were. */
function nodeWithInputs(node: NodeParts, inputs: readonly string[], outputs: readonly string[]): ProtobufWriter {
  const w = new ProtobufWriter();
  for (const i of inputs) w.string(NodeField.INPUT, i);
  for (const o of outputs) w.string(NodeField.OUTPUT, o);
  w.string(NodeField.NAME, node.name).string(NodeField.OP_TYPE, node.opType);
  for (const a of node.attributes) w.bytes(NodeField.ATTRIBUTE, a);
  if (node.domain) w.string(NodeField.DOMAIN, node.domain);
  return w;
}
