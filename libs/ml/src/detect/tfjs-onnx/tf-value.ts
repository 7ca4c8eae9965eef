import { OnnxGraphEmitter } from './onnx-graph.emitter';
import { NCHW_TO_NHWC, NHWC_TO_NCHW } from './nchw.layout';

/**
 * One TF tensor of the converted graph. `shape` is in TF terms (NHWC for rank 4, -1 for an unknown
 * size). The tensor exists in the ONNX graph under `tf` (TF's own layout), under `nchw` (rank 4
 * only), or both: each layout is materialised at most once, by a Transpose, when a consumer needs it.
 */
export interface TfValue {
  shape: number[];
  tf?: string;
  nchw?: string;
}

/** Whether ops on this value should run NCHW: rank 4 and already there (no Transpose to pay). */
export function prefersNchw(v: TfValue): boolean {
  return v.shape.length === 4 && v.nchw !== undefined;
}

export function asNchw(emitter: OnnxGraphEmitter, v: TfValue): string {
  if (v.nchw !== undefined) return v.nchw;
  if (v.shape.length !== 4 || v.tf === undefined) throw new Error(`cannot lay out a rank-${v.shape.length} tensor as NCHW`);
  v.nchw = emitter.node('Transpose', [v.tf], emitter.fresh(`${v.tf}/nchw`), [{ name: 'perm', kind: 'ints', value: NHWC_TO_NCHW }]);
  return v.nchw;
}

export function asTfLayout(emitter: OnnxGraphEmitter, v: TfValue): string {
  if (v.tf !== undefined) return v.tf;
  if (v.nchw === undefined) throw new Error('a converted value has no ONNX tensor');
  v.tf = emitter.node('Transpose', [v.nchw], emitter.fresh(`${v.nchw}/nhwc`), [{ name: 'perm', kind: 'ints', value: NCHW_TO_NHWC }]);
  return v.tf;
}

/** Numpy/TF broadcasting of two shapes with -1 for unknown sizes. */
export function broadcastShapes(a: readonly number[], b: readonly number[], what: string): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let k = 0; k < rank; k++) {
    const x = a[a.length - rank + k] ?? 1;
    const y = b[b.length - rank + k] ?? 1;
    if (x === y || y === 1) out.push(x);
    else if (x === 1) out.push(y);
    else if (x === -1 || y === -1) out.push(Math.max(x, y));
    else throw new Error(`${what}: shapes [${a.join(',')}] and [${b.join(',')}] do not broadcast`);
  }
  return out;
}
