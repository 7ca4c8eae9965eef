import { OnnxAttribute, OnnxNode, OnnxTensor } from '../../generate/onnx-graph.types';

/**
 * Collects ONNX nodes and initializers in emission order and hands out unique value names, so the
 * graph is a pure function of the TF model (same model, same bytes). Names reserved up front (the
 * graph's input and outputs) are never reused for an inner value.
 */
export class OnnxGraphEmitter {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  private readonly used = new Set<string>();
  private readonly constCache = new Map<string, string>();

  reserve(name: string): void {
    if (this.used.has(name)) throw new Error(`ONNX name ${name} is used twice`);
    this.used.add(name);
  }

  /** `base`, or `base_1`, `base_2`, ... if taken. */
  fresh(base: string): string {
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Emits one node; `output` must come from `fresh` or `reserve`. Returns the output name. */
  node(opType: string, inputs: readonly string[], output: string, attributes?: readonly OnnxAttribute[]): string {
    this.nodes.push({ opType, name: output, inputs, outputs: [output], ...(attributes ? { attributes } : {}) });
    return output;
  }

  /**
   * A float or int64 initializer, made once per `key` (a constant re-laid out for NCHW and the same
   * constant as TF stored it are different keys).
   */
  initializer(key: string, dims: readonly number[], data: Float32Array | BigInt64Array): string {
    const cached = this.constCache.get(key);
    if (cached !== undefined) return cached;
    const name = this.fresh(key);
    this.initializers.push({ name, dims, type: data instanceof Float32Array ? 'float' : 'int64', data });
    this.constCache.set(key, name);
    return name;
  }

  int64Initializer(key: string, values: readonly number[]): string {
    return this.initializer(key, [values.length], BigInt64Array.from(values.map(BigInt)));
  }
}
