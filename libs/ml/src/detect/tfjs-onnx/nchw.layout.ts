/**
 * Layout arithmetic for running NHWC TensorFlow graphs as NCHW ONNX graphs: ORT's fast convolution
 * kernels are NCHW, so activations are kept NCHW between the input and output transposes and the
 * constants are re-laid out once at conversion time.
 */
export const NHWC_TO_NCHW = [0, 3, 1, 2] as const;
export const NCHW_TO_NHWC = [0, 2, 3, 1] as const;

export interface DenseTensor {
  dims: number[];
  values: Float32Array;
}

/** Permutes the axes of a dense row-major tensor: output axis k is input axis `perm[k]`. */
export function transposeTensor(values: Float32Array, dims: readonly number[], perm: readonly number[]): DenseTensor {
  const rank = dims.length;
  if (perm.length !== rank) throw new RangeError(`perm [${perm.join(',')}] does not match rank ${rank}`);
  const outDims = perm.map((p) => dims[p]);
  const inStrides = stridesOf(dims);
  const stepForOutAxis = perm.map((p) => inStrides[p]);
  const out = new Float32Array(values.length);
  const index = new Array<number>(rank).fill(0);
  let source = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = values[source];
    // Odometer over the output axes, moving the source offset by the matching input stride.
    for (let k = rank - 1; k >= 0; k--) {
      index[k]++;
      source += stepForOutAxis[k];
      if (index[k] < outDims[k]) break;
      source -= stepForOutAxis[k] * outDims[k];
      index[k] = 0;
    }
  }
  return { dims: outDims, values: out };
}

/** Conv2D filter HWIO [kh,kw,cin,cout] to ONNX Conv's OIHW. */
export function conv2dFilterToOihw(values: Float32Array, dims: readonly number[]): DenseTensor {
  return transposeTensor(values, dims, [3, 2, 0, 1]);
}

/**
 * Depthwise filter [kh,kw,cin,mult] to a grouped Conv's [cin·mult,1,kh,kw] (group = cin): TF's
 * output channel c·mult+m is input channel c times filter m, the order ONNX groups use.
 */
export function depthwiseFilterToOihw(values: Float32Array, dims: readonly number[]): DenseTensor {
  const [kh, kw, cin, mult] = dims;
  const { values: out } = transposeTensor(values, dims, [2, 3, 0, 1]);
  return { dims: [cin * mult, 1, kh, kw], values: out };
}

/**
 * A constant that broadcasts against an NHWC tensor (shape [C], [1,1,C], [1,1,1,C], ...) re-laid out
 * to broadcast the same way against the NCHW tensor: left-pad to rank 4 (numpy rules), then NHWC→NCHW.
 */
export function nhwcBroadcastToNchw(values: Float32Array, dims: readonly number[]): DenseTensor {
  if (dims.length > 4) throw new RangeError(`a constant of rank ${dims.length} cannot broadcast against a rank-4 tensor`);
  const padded = [...new Array<number>(4 - dims.length).fill(1), ...dims];
  return transposeTensor(values, padded, NHWC_TO_NCHW);
}

/** The NCHW axis holding NHWC axis `axis` (0..3). */
export function nhwcAxisToNchw(axis: number): number {
  return NHWC_TO_NCHW.indexOf(axis as 0 | 1 | 2 | 3);
}

function stridesOf(dims: readonly number[]): number[] {
  const strides = new Array<number>(dims.length);
  let s = 1;
  for (let k = dims.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= dims[k];
  }
  return strides;
}
