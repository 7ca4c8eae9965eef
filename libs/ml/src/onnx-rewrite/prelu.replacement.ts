import type { OnnxNode, OnnxTensor } from '../generate/onnx-graph.types';

export interface PreluSite {
  x: string;
  y: string;
  slope: Float32Array;
  /** A name no other tensor or node of the graph has, derived from `part`. */
  name(part: string): string;
}

export interface Replacement {
  nodes: OnnxNode[];
  /** 1-D float initializers. */
  tensors: OnnxTensor[];
}

/** A PRelu whose slope is one number is a LeakyRelu. */
export function scalarPrelu(site: PreluSite): Replacement {
  const node: OnnxNode = { opType: 'LeakyRelu', name: site.name('leaky_relu'), inputs: [site.x], outputs: [site.y], attributes: [{ name: 'alpha', kind: 'float', value: site.slope[0] }] };
  return { nodes: [node], tensors: [] };
}

/**
 * PRelu(x) with per-channel slope a as x + BN_{1-a}(Relu(BN_{-1}(x))) = x + (1-a)·max(-x, 0), where
 * BN_s is a BatchNormalization with scale s, bias 0, mean 0, var 1 and epsilon 0 (exactly s·x).
 * onnxruntime has no NCHWc kernel for PRelu, so each one cost a ReorderOutput/ReorderInput pair;
 * it turns each BN here into a depthwise 1x1 NCHWc Conv and fuses the Relu and the Add into them,
 * so the tensor stays blocked. Of the forms measured (also Relu(x) + BN_{-a}(Relu(BN_{-1}(x))) and
 * BN_a(x) + BN_{1-a}(Relu(x)), which keep one unfused Relu pass each) this one is fastest.
 */
export function channelPrelu(site: PreluSite): Replacement {
  const c = site.slope.length;
  const vector = (name: string, data: Float32Array): OnnxTensor => ({ name, dims: [c], type: 'float', data });
  const zeros = vector(site.name('zeros'), new Float32Array(c));
  const ones = vector(site.name('ones'), new Float32Array(c).fill(1));
  const out: Replacement = { nodes: [], tensors: [zeros, ones] };
  const scaled = (input: string, part: string, scale: Float32Array): string => {
    const s = vector(site.name(`${part}.scale`), scale);
    const output = site.name(part);
    out.tensors.push(s);
    out.nodes.push({
      opType: 'BatchNormalization',
      name: output,
      inputs: [input, s.name, zeros.name, zeros.name, ones.name],
      outputs: [output],
      attributes: [{ name: 'epsilon', kind: 'float', value: 0 }],
    });
    return output;
  };
  const negated = scaled(site.x, 'negate', new Float32Array(c).fill(-1));
  const negativePart = site.name('negative_part');
  out.nodes.push({ opType: 'Relu', name: negativePart, inputs: [negated], outputs: [negativePart] });
  const correction = scaled(negativePart, 'negative_scaled', site.slope.map((a) => 1 - a));
  out.nodes.push({ opType: 'Add', name: site.name('add'), inputs: [site.x, correction], outputs: [site.y] });
  return out;
}
