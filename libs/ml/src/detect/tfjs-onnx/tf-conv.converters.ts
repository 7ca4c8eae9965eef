import { OnnxAttribute } from '../../generate/onnx-graph.types';
import { attrInts, attrString, attrStrings } from './tf-node.attrs';
import { TfOpContext, TfOpConverter, floatConst } from './tf-op.context';
import { TfValue, asNchw } from './tf-value';
import { Window2d, isTfPadding, windowGeometry } from './tf-window.geometry';
import { conv2dFilterToOihw, depthwiseFilterToOihw, nhwcBroadcastToNchw } from './nchw.layout';

/** The `_FusedConv2D` epilogues these converters know, keyed by `fused_ops` joined with '+'. */
const FUSED_EPILOGUES = new Set(['BiasAdd', 'BiasAdd+Relu', 'BiasAdd+Prelu']);

/**
 * `_FusedConv2D` (Grappler's Conv2D + BiasAdd [+ activation]): inputs x, filter, bias, then the
 * PReLU alpha when fused. Emitted as an NCHW Conv with bias, followed by Relu / PRelu, which ORT fuses
 * back into the convolution where it can.
 */
export const fusedConv2d: TfOpConverter = (ctx) => {
  const fused = attrStrings(ctx.node, 'fused_ops').join('+');
  if (!FUSED_EPILOGUES.has(fused)) ctx.fail(`fused_ops [${fused.split('+').join(', ')}] is not supported (BiasAdd [+ Relu | Prelu])`);
  const extra = fused === 'BiasAdd+Prelu' ? 2 : 1;
  if (ctx.inputCount !== 2 + extra) ctx.fail(`expected ${2 + extra} inputs for fused_ops ${fused}, got ${ctx.inputCount}`);
  const x = ctx.value(0);
  const filter = ctx.constant(1);
  const [kh, kw, cin, cout] = filter.shape;
  checkChannels(ctx, x, cin);
  const weight = conv2dFilterToOihw(floatConst(ctx, filter), filter.shape);
  const bias = ctx.constant(2);
  if (bias.shape.length !== 1 || bias.shape[0] !== cout) ctx.fail(`bias shape [${bias.shape.join(',')}] does not match ${cout} filters`);
  const inputs = [
    asNchw(ctx.emitter, x),
    ctx.emitter.initializer(`${filter.name}/oihw`, weight.dims, weight.values),
    ctx.emitter.initializer(bias.name, bias.shape, floatConst(ctx, bias)),
  ];
  const { attributes, shape } = convAttributes(ctx, x, [kh, kw], cout, 1);
  if (fused === 'BiasAdd') return { shape, nchw: ctx.emitter.node('Conv', inputs, ctx.emitter.fresh(ctx.node.name), attributes) };
  const conv = ctx.emitter.node('Conv', inputs, ctx.emitter.fresh(`${ctx.node.name}/conv`), attributes);
  const out = ctx.emitter.fresh(ctx.node.name);
  if (fused === 'BiasAdd+Relu') return { shape, nchw: ctx.emitter.node('Relu', [conv], out) };
  const alpha = ctx.constant(3);
  const slope = nhwcBroadcastToNchw(floatConst(ctx, alpha), alpha.shape);
  return { shape, nchw: ctx.emitter.node('PRelu', [conv, ctx.emitter.initializer(`${alpha.name}/nchw`, slope.dims, slope.values)], out) };
};

/** `DepthwiseConv2dNative` filter [kh,kw,cin,mult]: a grouped Conv with group = cin and no bias. */
export const depthwiseConv2d: TfOpConverter = (ctx) => {
  const x = ctx.value(0);
  const filter = ctx.constant(1);
  const [kh, kw, cin, mult] = filter.shape;
  checkChannels(ctx, x, cin);
  const weight = depthwiseFilterToOihw(floatConst(ctx, filter), filter.shape);
  const inputs = [asNchw(ctx.emitter, x), ctx.emitter.initializer(`${filter.name}/oihw`, weight.dims, weight.values)];
  const { attributes, shape } = convAttributes(ctx, x, [kh, kw], cin * mult, cin);
  return { shape, nchw: ctx.emitter.node('Conv', inputs, ctx.emitter.fresh(ctx.node.name), attributes) };
};

/** `MaxPool` with ksize/strides over H and W only; SAME pads are ignored by the max, as in TF. */
export const maxPool: TfOpConverter = (ctx) => {
  const x = ctx.value(0);
  const ksize = spatialPair(ctx, 'ksize', attrInts(ctx.node, 'ksize'));
  const window: Window2d = { kernel: ksize, strides: spatialPair(ctx, 'strides', attrInts(ctx.node, 'strides')), dilations: [1, 1], padding: padding(ctx) };
  if (window.padding === 'EXPLICIT') ctx.fail('EXPLICIT padding is not supported for MaxPool');
  const [n, h, w, c] = nhwcShape(ctx, x);
  const g = windowGeometry(h, w, window);
  const attributes: OnnxAttribute[] = [
    { name: 'kernel_shape', kind: 'ints', value: ksize },
    { name: 'pads', kind: 'ints', value: g.pads },
    { name: 'strides', kind: 'ints', value: window.strides },
  ];
  return { shape: [n, g.outHeight, g.outWidth, c], nchw: ctx.emitter.node('MaxPool', [asNchw(ctx.emitter, x)], ctx.emitter.fresh(ctx.node.name), attributes) };
};

function convAttributes(ctx: TfOpContext, x: TfValue, kernel: [number, number], outChannels: number, group: number): { attributes: OnnxAttribute[]; shape: number[] } {
  const window: Window2d = {
    kernel,
    strides: spatialPair(ctx, 'strides', attrInts(ctx.node, 'strides')),
    dilations: spatialPair(ctx, 'dilations', attrInts(ctx.node, 'dilations', [1, 1, 1, 1])),
    padding: padding(ctx),
    explicitPaddings: attrInts(ctx.node, 'explicit_paddings', []),
  };
  const [n, h, w] = nhwcShape(ctx, x);
  const g = windowGeometry(h, w, window);
  const attributes: OnnxAttribute[] = [
    { name: 'dilations', kind: 'ints', value: window.dilations },
    { name: 'group', kind: 'int', value: group },
    { name: 'kernel_shape', kind: 'ints', value: kernel },
    { name: 'pads', kind: 'ints', value: g.pads },
    { name: 'strides', kind: 'ints', value: window.strides },
  ];
  return { attributes, shape: [n, g.outHeight, g.outWidth, outChannels] };
}

function padding(ctx: TfOpContext): Window2d['padding'] {
  if (attrString(ctx.node, 'data_format', 'NHWC') !== 'NHWC') ctx.fail(`data_format ${attrString(ctx.node, 'data_format')} is not supported (NHWC)`);
  const p = attrString(ctx.node, 'padding');
  if (!isTfPadding(p)) ctx.fail(`padding ${p} is not supported`);
  return p;
}

/** NHWC [1,h,w,1] attribute (strides, dilations, ksize) to its spatial pair; batch/channel must be 1. */
function spatialPair(ctx: TfOpContext, key: string, v: number[]): [number, number] {
  if (v.length !== 4 || v[0] !== 1 || v[3] !== 1) ctx.fail(`${key} [${v.join(',')}] is not supported (NHWC [1,h,w,1])`);
  return [v[1], v[2]];
}

function nhwcShape(ctx: TfOpContext, x: TfValue): number[] {
  if (x.shape.length !== 4) ctx.fail(`input of rank ${x.shape.length}, NHWC rank 4 is expected`);
  return x.shape;
}

function checkChannels(ctx: TfOpContext, x: TfValue, cin: number): void {
  const c = nhwcShape(ctx, x)[3];
  if (c !== cin) ctx.fail(`input has ${c} channels, the filter expects ${cin}`);
}
