import { attrInt } from './tf-node.attrs';
import { TfOpContext, TfOpConverter, floatConst, intConst } from './tf-op.context';
import { TfValue, asNchw, asTfLayout, broadcastShapes, prefersNchw } from './tf-value';
import { NHWC_TO_NCHW, nhwcAxisToNchw, nhwcBroadcastToNchw } from './nchw.layout';

/** `Identity` aliases its input: no ONNX node, the graph output step names the result. */
export const identity: TfOpConverter = (ctx) => ctx.value(0);

/** Element-wise ops keep whatever layout their input already has. */
export function unary(onnxOp: string): TfOpConverter {
  return (ctx) => {
    const x = ctx.value(0);
    const out = ctx.emitter.fresh(ctx.node.name);
    if (prefersNchw(x)) return { shape: x.shape, nchw: ctx.emitter.node(onnxOp, [asNchw(ctx.emitter, x)], out) };
    return { shape: x.shape, tf: ctx.emitter.node(onnxOp, [asTfLayout(ctx.emitter, x)], out) };
  };
}

/**
 * `AddV2` with TF broadcasting. Two rank-4 tensors add in NCHW when one of them is already there; a
 * constant operand is re-laid out to broadcast against NCHW the way it did against NHWC.
 */
export const addV2: TfOpConverter = (ctx) => {
  const [a, b] = [ctx.operand(0), ctx.operand(1)];
  if (a.kind === 'const' && b.kind === 'const') ctx.fail('adding two constants is not supported (the graph is expected to be constant-folded)');
  if (a.kind === 'value' && b.kind === 'value') {
    const shape = broadcastShapes(a.value.shape, b.value.shape, ctx.node.name);
    const nchw = a.value.shape.length === 4 && b.value.shape.length === 4 && (prefersNchw(a.value) || prefersNchw(b.value));
    const lay = (v: TfValue) => (nchw ? asNchw(ctx.emitter, v) : asTfLayout(ctx.emitter, v));
    const out = ctx.emitter.node('Add', [lay(a.value), lay(b.value)], ctx.emitter.fresh(ctx.node.name));
    return nchw ? { shape, nchw: out } : { shape, tf: out };
  }
  const [x, c] = a.kind === 'value' ? [a.value, ctx.constant(1)] : [ctx.value(1), ctx.constant(0)];
  const shape = broadcastShapes(x.shape, c.shape, ctx.node.name);
  if (shape.length !== x.shape.length) ctx.fail(`constant ${c.name} would raise the rank of the sum`);
  const [input, constName] = constOperand(ctx, x, c.name, c.shape, floatConst(ctx, c));
  const inputs = a.kind === 'value' ? [input, constName] : [constName, input];
  const out = ctx.emitter.node('Add', inputs, ctx.emitter.fresh(ctx.node.name));
  return prefersNchw(x) ? { shape, nchw: out } : { shape, tf: out };
};

/** `Prelu(x, alpha)`: x where x ≥ 0, alpha·x elsewhere (TF broadcasting of alpha, e.g. [1,1,C]). */
export const prelu: TfOpConverter = (ctx) => {
  const x = ctx.value(0);
  const alpha = ctx.constant(1);
  const [input, slope] = constOperand(ctx, x, alpha.name, alpha.shape, floatConst(ctx, alpha));
  const out = ctx.emitter.node('PRelu', [input, slope], ctx.emitter.fresh(ctx.node.name));
  return prefersNchw(x) ? { shape: x.shape, nchw: out } : { shape: x.shape, tf: out };
};

/** `Pad` (zeros): TF paddings [[before, after] per axis] to ONNX pads [all befores, all afters]. */
export const pad: TfOpConverter = (ctx) => {
  const x = ctx.value(0);
  const paddings = intConst(ctx, ctx.constant(1));
  const rank = x.shape.length;
  if (paddings.length !== 2 * rank) ctx.fail(`paddings has ${paddings.length} values for a rank-${rank} input`);
  const nchw = prefersNchw(x);
  const axes = nchw ? [...NHWC_TO_NCHW] : [...Array(rank).keys()];
  const pads = [...axes.map((a) => paddings[2 * a]), ...axes.map((a) => paddings[2 * a + 1])];
  const shape = x.shape.map((d, a) => (d < 0 ? d : d + paddings[2 * a] + paddings[2 * a + 1]));
  const inputs = [nchw ? asNchw(ctx.emitter, x) : asTfLayout(ctx.emitter, x), ctx.emitter.int64Initializer(`${ctx.node.name}/pads`, pads)];
  const out = ctx.emitter.node('Pad', inputs, ctx.emitter.fresh(ctx.node.name));
  return nchw ? { shape, nchw: out } : { shape, tf: out };
};

/** `Reshape` follows TF's row-major NHWC order, so the input goes back to TF layout first. */
export const reshape: TfOpConverter = (ctx) => {
  const x = ctx.value(0);
  const target = intConst(ctx, ctx.constant(1));
  if (target.some((d) => d === 0 || d < -1) || target.filter((d) => d === -1).length > 1) {
    ctx.fail(`target shape [${target.join(',')}] is not supported (positive sizes and at most one -1)`);
  }
  const inputs = [asTfLayout(ctx.emitter, x), ctx.emitter.int64Initializer(`${ctx.node.name}/shape`, target)];
  return { shape: reshapedShape(ctx, x.shape, target), tf: ctx.emitter.node('Reshape', inputs, ctx.emitter.fresh(ctx.node.name)) };
};

/** `ConcatV2(x1..xN, axis)`: in NCHW (axis mapped) when every input is rank 4 and already NCHW. */
export const concatV2: TfOpConverter = (ctx) => {
  const n = attrInt(ctx.node, 'N', ctx.inputCount - 1);
  if (n !== ctx.inputCount - 1) ctx.fail(`N = ${n} but ${ctx.inputCount - 1} tensors are given`);
  const values = [...Array(n).keys()].map((i) => ctx.value(i));
  const axisValues = intConst(ctx, ctx.constant(n));
  if (axisValues.length !== 1) ctx.fail('the axis must be a scalar');
  const rank = values[0].shape.length;
  if (values.some((v) => v.shape.length !== rank)) ctx.fail('inputs of different ranks');
  const axis = axisValues[0] < 0 ? axisValues[0] + rank : axisValues[0];
  if (axis < 0 || axis >= rank) ctx.fail(`axis ${axisValues[0]} is out of range for rank ${rank}`);
  const shape = values[0].shape.map((d, a) => (a !== axis ? d : values.some((v) => v.shape[a] < 0) ? -1 : values.reduce((s, v) => s + v.shape[a], 0)));
  const nchw = rank === 4 && values.every(prefersNchw);
  const inputs = values.map((v) => (nchw ? asNchw(ctx.emitter, v) : asTfLayout(ctx.emitter, v)));
  const out = ctx.emitter.node('Concat', inputs, ctx.emitter.fresh(ctx.node.name), [{ name: 'axis', kind: 'int', value: nchw ? nhwcAxisToNchw(axis) : axis }]);
  return nchw ? { shape, nchw: out } : { shape, tf: out };
};

/** The tensor operand in its preferred layout and a float constant laid out to broadcast against it. */
function constOperand(ctx: TfOpContext, x: TfValue, name: string, dims: number[], values: Float32Array): [string, string] {
  if (!prefersNchw(x)) return [asTfLayout(ctx.emitter, x), ctx.emitter.initializer(name, dims, values)];
  const relaid = nhwcBroadcastToNchw(values, dims);
  return [asNchw(ctx.emitter, x), ctx.emitter.initializer(`${name}/nchw`, relaid.dims, relaid.values)];
}

/** TF's reshape shape rule; with an unknown input size (dynamic batch) the -1 target stays unknown. */
function reshapedShape(ctx: TfOpContext, input: readonly number[], target: readonly number[]): number[] {
  if (!target.includes(-1)) return [...target];
  if (input.some((d) => d < 0)) return [...target];
  const known = target.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const total = input.reduce((p, d) => p * d, 1);
  if (total % known !== 0) ctx.fail(`cannot reshape [${input.join(',')}] to [${target.join(',')}]`);
  return target.map((d) => (d === -1 ? total / known : d));
}
