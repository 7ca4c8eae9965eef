/** TF's `padding` attribute of convolutions and pools. */
export type TfPadding = 'SAME' | 'VALID' | 'EXPLICIT';

export interface Window2d {
  kernel: readonly [number, number];
  strides: readonly [number, number];
  dilations: readonly [number, number];
  padding: TfPadding;
  /** EXPLICIT only: TF's `explicit_paddings`, [before, after] per NHWC axis (8 values). */
  explicitPaddings?: readonly number[];
}

export interface WindowGeometry {
  /** ONNX `pads` for two spatial axes: [top, left, bottom, right]. */
  pads: [number, number, number, number];
  outHeight: number;
  outWidth: number;
}

export function isTfPadding(s: string): s is TfPadding {
  return s === 'SAME' || s === 'VALID' || s === 'EXPLICIT';
}

/**
 * Output size and explicit pads of a 2-D window op on a static H×W input, as TF computes them.
 * SAME: out = ⌈in/stride⌉ and the total pad needed is split with the odd pixel at the end
 * (bottom/right), which ONNX's `auto_pad=SAME_UPPER` would also do, but explicit pads keep the
 * graph independent of that rule.
 */
export function windowGeometry(height: number, width: number, w: Window2d): WindowGeometry {
  if (!(height > 0 && width > 0)) throw new RangeError(`a window op needs a static spatial size, got ${height}x${width}`);
  const [top, bottom, outHeight] = axis(height, w, 0);
  const [left, right, outWidth] = axis(width, w, 1);
  return { pads: [top, left, bottom, right], outHeight, outWidth };
}

function axis(size: number, w: Window2d, a: 0 | 1): [number, number, number] {
  const stride = w.strides[a];
  const extent = (w.kernel[a] - 1) * w.dilations[a] + 1;
  if (w.padding === 'SAME') {
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + extent - size, 0);
    const begin = Math.floor(total / 2);
    return [begin, total - begin, out];
  }
  const [begin, end] = w.padding === 'VALID' ? [0, 0] : explicitPads(w, a);
  const padded = size + begin + end;
  if (padded < extent) throw new RangeError(`window of extent ${extent} does not fit the padded size ${padded}`);
  return [begin, end, Math.floor((padded - extent) / stride) + 1];
}

function explicitPads(w: Window2d, a: 0 | 1): [number, number] {
  const p = w.explicitPaddings;
  if (!p || p.length !== 8) throw new RangeError(`EXPLICIT padding needs 8 explicit_paddings, got ${p?.length ?? 0}`);
  // NHWC pairs: [n0,n1,h0,h1,w0,w1,c0,c1]; spatial axis a is NHWC axis a+1.
  return [p[2 + 2 * a], p[3 + 2 * a]];
}
