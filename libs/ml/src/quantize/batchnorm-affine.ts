import type { OnnxNode, OnnxTensor } from '../generate/onnx-graph.types';
import { readFloatInitializer } from '../onnx-rewrite/float-initializer.reader';
import { InitializerParts, NodeParts, attributeFields } from '../onnx-rewrite/onnx-model.parts';
import { AttributeField } from '../onnx-rewrite/onnx-proto.fields';
import { WireType, varintNumber } from '../onnx-rewrite/protobuf.reader';

/** ONNX BatchNormalization's default epsilon. */
const DEFAULT_EPSILON = 1e-5;

export interface AffineReplacement {
  nodes: OnnxNode[];
  tensors: OnnxTensor[];
  /** The BatchNormalization's parameter initializers, which the replacement no longer reads. */
  reads: string[];
}

/**
 * An inference BatchNormalization over axis 1 as Mul(x, s) → Add(·, t), s = γ / √(σ² + ε),
 * t = β − μ·s, both shaped [C, 1, …] to broadcast along axis 1. onnxruntime's CPU provider keeps
 * BatchNormalization in NCHW; between int8 convs (which it runs in NHWC) each one cost a Transpose
 * on either side. Mul and Add are layout-agnostic: its transpose optimizer moves the transposes
 * through them and cancels them (generated r100 int8, batch 4: 136 → 116 ms). Returns the reason
 * instead where the node is not such a BatchNormalization (parameters not constant float
 * initializers, training mode, input rank unknown).
 */
export function batchNormAsAffine(
  node: NodeParts,
  initializers: ReadonlyMap<string, InitializerParts>,
  overridable: ReadonlySet<string>,
  inputRank: number | undefined,
  name: (part: string) => string,
): AffineReplacement | string {
  if (node.inputs.length !== 5 || node.outputs.length !== 1) return 'not 5 inputs and 1 output';
  const [x, ...params] = node.inputs;
  if (inputRank === undefined || inputRank < 2) return 'input rank unknown';
  const epsilonField = attributeFields(node, 'epsilon')?.find((f) => f.field === AttributeField.F);
  const epsilon = epsilonField?.wire === WireType.FIXED32 ? new DataView(epsilonField.value.buffer, epsilonField.value.byteOffset, 4).getFloat32(0, true) : DEFAULT_EPSILON;
  const trainingMode = attributeFields(node, 'training_mode')?.find((f) => f.field === AttributeField.I);
  if (trainingMode && varintNumber(trainingMode) !== 0) return 'training mode';
  const values: Float32Array[] = [];
  for (const p of params) {
    const t = initializers.get(p);
    if (!t || overridable.has(p)) return `${p} is not a constant initializer`;
    const v = readFloatInitializer(t);
    if (!v.ok) return `${p}: ${v.reason}`;
    values.push(v.values);
  }
  const [gamma, beta, mean, variance] = values;
  const c = gamma.length;
  if (values.some((v) => v.length !== c)) return 'parameters of different lengths';
  const scale = new Float32Array(c);
  const shift = new Float32Array(c);
  for (let k = 0; k < c; k++) {
    scale[k] = gamma[k] / Math.sqrt(variance[k] + epsilon);
    shift[k] = beta[k] - mean[k] * scale[k];
  }
  const dims = [c, ...new Array<number>(inputRank - 2).fill(1)];
  const s = name('scale');
  const t = name('shift');
  const scaled = name('scaled');
  return {
    nodes: [
      { opType: 'Mul', name: name('mul'), inputs: [x, s], outputs: [scaled] },
      { opType: 'Add', name: name('add'), inputs: [scaled, t], outputs: [node.outputs[0]] },
    ],
    tensors: [
      { name: s, dims, type: 'float', data: scale },
      { name: t, dims, type: 'float', data: shift },
    ],
    reads: params,
  };
}
