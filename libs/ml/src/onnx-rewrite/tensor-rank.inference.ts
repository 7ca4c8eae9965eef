import { GraphParts, NodeParts, attributeFields } from './onnx-model.parts';
import { AttributeField } from './onnx-proto.fields';
import { repeatedInt64 } from './protobuf.reader';

const RANK_OF_FIRST_INPUT = new Set([
  'Abs', 'BatchNormalization', 'Cast', 'Clip', 'Dropout', 'Elu', 'Exp', 'HardSigmoid', 'Identity', 'InstanceNormalization',
  'LeakyRelu', 'Neg', 'Pad', 'PRelu', 'Relu', 'Selu', 'Sigmoid', 'Softplus', 'Sqrt', 'Tanh', 'Transpose',
]);
/** Ops whose inputs all have the output's rank (Concat joins along one axis), so any known one gives it. */
const SAME_RANK_INPUTS = new Set(['Concat']);
const BROADCAST = new Set(['Add', 'Div', 'Max', 'Min', 'Mul', 'Sub', 'Sum']);
const SPATIAL = new Set(['AveragePool', 'Conv', 'ConvTranspose', 'MaxPool']);
const MATRIX = new Set(['Flatten', 'Gemm']);

/**
 * The number of dimensions of each tensor whose rank the graph states (inputs, outputs,
 * value_info, initializers) or that follows from its producer: a convolution or pool has
 * kernel_shape.length + 2, element-wise, normalising, padding and transposing ops keep their
 * input's rank, Concat that of any of its inputs, broadcasting ops take the largest of their
 * inputs' ranks. Nodes are visited in file order (ONNX requires
 * topological order). Unknown ranks are left out.
 */
export function inferTensorRanks(graph: GraphParts): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const t of graph.initializers) ranks.set(t.name, t.dims.length);
  for (const v of [...graph.inputs, ...graph.valueInfo, ...graph.outputs]) if (v.rank !== undefined) ranks.set(v.name, v.rank);
  for (const node of graph.nodes) {
    const out = node.outputs[0];
    if (out === undefined || ranks.has(out)) continue;
    const rank = producedRank(node, ranks);
    if (rank !== undefined) ranks.set(out, rank);
  }
  return ranks;
}

function producedRank(node: NodeParts, ranks: Map<string, number>): number | undefined {
  if (node.domain !== '' && node.domain !== 'ai.onnx') return undefined;
  if (MATRIX.has(node.opType)) return 2;
  if (SPATIAL.has(node.opType)) {
    const kernel = intsAttribute(node, 'kernel_shape');
    return kernel ? kernel.length + 2 : ranks.get(node.inputs[0]);
  }
  if (RANK_OF_FIRST_INPUT.has(node.opType)) return ranks.get(node.inputs[0]);
  if (SAME_RANK_INPUTS.has(node.opType)) return node.inputs.map((i) => ranks.get(i)).find((r) => r !== undefined);
  if (BROADCAST.has(node.opType)) {
    const inputRanks = node.inputs.map((i) => ranks.get(i));
    return inputRanks.every((r) => r !== undefined) ? Math.max(...(inputRanks as number[])) : undefined;
  }
  return undefined;
}

function intsAttribute(node: NodeParts, name: string): number[] | undefined {
  const fields = attributeFields(node, name);
  return fields && repeatedInt64(fields, AttributeField.INTS);
}
