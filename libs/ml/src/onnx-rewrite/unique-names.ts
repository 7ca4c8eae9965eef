import { GraphParts } from './onnx-model.parts';

/** Names for new nodes and tensors that no node, tensor or value info of the graph already has. */
export class UniqueNames {
  private readonly used = new Set<string>();

  constructor(graph: GraphParts) {
    const add = (n: string) => this.used.add(n);
    for (const node of graph.nodes) [node.name, ...node.inputs, ...node.outputs].forEach(add);
    for (const v of [...graph.initializers, ...graph.inputs, ...graph.outputs, ...graph.valueInfo]) add(v.name);
  }

  take(candidate: string): string {
    let name = candidate;
    for (let n = 1; this.used.has(name); n++) name = `${candidate}.${n}`;
    this.used.add(name);
    return name;
  }
}
