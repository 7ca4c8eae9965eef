import { InferenceSession, Tensor } from 'onnxruntime-node';
import { DATA_TYPE } from '../generate/onnx-model.encoder';
import { readModelParts, withGraph } from '../onnx-rewrite/onnx-model.parts';
import { GraphField } from '../onnx-rewrite/onnx-proto.fields';
import { ProtobufWriter } from '../generate/protobuf.writer';
import { ActivationRange } from './quantization.math';

/** One calibration batch: NCHW float32 values as the encoder's input takes them. */
export interface CalibrationBatch {
  data: Float32Array;
  dims: readonly number[];
}

/**
 * The model with each named tensor added as a graph output (float, shape left to the runtime), so
 * that one run yields every activation to calibrate. Tensors already among the outputs are not repeated.
 */
export function withTensorOutputs(model: Uint8Array, tensors: readonly string[]): Uint8Array {
  const parts = readModelParts(model);
  const existing = new Set(parts.graph.outputs.map((v) => v.name));
  return withGraph(parts, (graph) => {
    for (const f of parts.graph.fields) graph.raw(f.raw);
    for (const name of tensors) if (!existing.has(name)) graph.message(GraphField.OUTPUT, valueInfoWithoutShape(name));
  });
}

/** ValueInfoProto of a float tensor without a shape field (an empty shape would claim rank 0). */
function valueInfoWithoutShape(name: string): ProtobufWriter {
  const tensorType = new ProtobufWriter().uint64(1, DATA_TYPE.float);
  return new ProtobufWriter().string(1, name).message(2, new ProtobufWriter().message(1, tensorType));
}

/**
 * Min / max of each tensor over calibration runs. Ranges are taken as given by the data (no
 * clipping): an encoder's activations are bounded by its BatchNorms, and clipping outliers that a
 * real face produces would move its embedding more than the coarser step of the full range.
 */
export class RangeCollector {
  private readonly ranges = new Map<string, ActivationRange>();

  observe(tensor: string, values: Float32Array): void {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < lo || v !== v) lo = v; // a NaN sticks (no comparison with it holds) and fails the check below
      if (v > hi) hi = v;
    }
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`tensor ${tensor}: non-finite activations during calibration`);
    const r = this.ranges.get(tensor);
    this.ranges.set(tensor, r ? { min: Math.min(r.min, lo), max: Math.max(r.max, hi) } : { min: lo, max: hi });
  }

  result(): Map<string, ActivationRange> {
    return new Map(this.ranges);
  }
}

/**
 * Runs the float model once per batch with the named tensors as extra outputs and returns their
 * ranges. The session runs without graph optimizations beyond the basic level, so that the named
 * tensors are computed as the file states them.
 */
export async function calibrateRanges(
  model: Uint8Array,
  tensors: readonly string[],
  batches: readonly CalibrationBatch[],
  /** Graph input to feed; default: the model's first input. */
  inputName?: string,
): Promise<Map<string, ActivationRange>> {
  if (batches.length === 0) throw new RangeError('calibration needs at least one batch');
  const session = await InferenceSession.create(withTensorOutputs(model, tensors), { executionProviders: ['cpu'], graphOptimizationLevel: 'basic' });
  try {
    const collector = new RangeCollector();
    const wanted = new Set(tensors);
    for (const batch of batches) {
      const out = await session.run({ [inputName ?? session.inputNames[0]]: new Tensor('float32', batch.data, batch.dims) });
      for (const [name, value] of Object.entries(out)) {
        if (wanted.has(name)) collector.observe(name, value.data as Float32Array);
        value.dispose();
      }
    }
    return collector.result();
  } finally {
    await session.release();
  }
}
