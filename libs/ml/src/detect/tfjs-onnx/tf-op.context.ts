import { OnnxGraphEmitter } from './onnx-graph.emitter';
import { TfConst, TfNodeDef } from './tfjs-model.types';
import { TfValue } from './tf-value';

/** A node input: a tensor computed by the graph, or a constant from the weights. */
export type TfOperand = { kind: 'value'; value: TfValue } | { kind: 'const'; tensor: TfConst };

/** What an op converter sees: its node, its converted inputs and the graph being emitted. */
export interface TfOpContext {
  readonly node: TfNodeDef;
  readonly emitter: OnnxGraphEmitter;
  /** Number of data inputs (control inputs excluded). */
  readonly inputCount: number;
  operand(index: number): TfOperand;
  /** Input `index`, which must be computed (not a constant). */
  value(index: number): TfValue;
  /** Input `index`, which must be a constant. */
  constant(index: number): TfConst;
  /** Throws an error that names the node. */
  fail(message: string): never;
}

/** Converts one TF node to ONNX nodes and returns the value of its (single) output. */
export type TfOpConverter = (ctx: TfOpContext) => TfValue;

/** A constant as float32 for the ONNX graph (int32 index tensors are only read, never fed). */
export function floatConst(ctx: TfOpContext, c: TfConst): Float32Array {
  if (c.dtype !== 'float32') ctx.fail(`constant ${c.name} is ${c.dtype}, float32 is expected`);
  return c.values;
}

/** An int32 constant's values as numbers (paddings, shapes, axes). */
export function intConst(ctx: TfOpContext, c: TfConst): number[] {
  if (c.dtype !== 'int32') ctx.fail(`constant ${c.name} is ${c.dtype}, int32 is expected`);
  return Array.from(c.values);
}
