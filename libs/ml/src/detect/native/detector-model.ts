import type { HumanModelName } from '../tfjs-onnx';

/**
 * One of the three MediaPipe graphs, whatever executes it (tfjs for reference, onnxruntime in
 * production), so the detection pipeline does not depend on the runtime.
 */
export interface DetectorModel {
  /** NHWC as in the TF graph, e.g. [1, 256, 256, 3]; a batch of −1 accepts any batch. */
  readonly inputShape: number[];
  /** Runs on `batch` NHWC float32 inputs; returns the outputs in TF signature order, batch first. */
  run(input: Float32Array, batch: number): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

/** The three models one face pass needs. */
export type DetectorModels = Readonly<Record<HumanModelName, DetectorModel>>;

const DETECTOR_MODEL_NAMES: readonly HumanModelName[] = ['blazeface', 'facemesh', 'iris'];

/** Loads the three models concurrently; if one fails, releases those that loaded and rethrows the first error. */
export async function loadDetectorModels(loadOne: (name: HumanModelName) => Promise<DetectorModel>): Promise<DetectorModels> {
  const settled = await Promise.allSettled(DETECTOR_MODEL_NAMES.map(loadOne));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const loaded = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    await Promise.all(loaded.map((m) => m.dispose()));
    throw failed.reason;
  }
  const [blazeface, facemesh, iris] = loaded;
  return { blazeface, facemesh, iris };
}

export async function disposeDetectorModels(models: DetectorModels): Promise<void> {
  await Promise.all(DETECTOR_MODEL_NAMES.map((name) => models[name].dispose()));
}

/** Side of the square input of `model`, refusing models whose input is not N×S×S×3. */
export function squareInputSize(model: DetectorModel, name: string): number {
  const [, height, width, channels] = model.inputShape;
  if (model.inputShape.length !== 4 || height !== width || !(height > 0) || channels !== 3) {
    throw new Error(`${name}: expected an NHWC input of N×S×S×3, got [${model.inputShape.join(', ')}]`);
  }
  return height;
}

/**
 * The output holding `perItem` values per batch item. Outputs are told apart by size (as Human
 * does), so a runtime that orders them differently still feeds the right one.
 */
export function outputOfSize(outputs: Float32Array[], batch: number, perItem: number, name: string): Float32Array {
  const found = outputs.filter((o) => o.length === batch * perItem);
  if (found.length !== 1) {
    const sizes = outputs.map((o) => o.length / batch).join(', ');
    throw new Error(`${name}: expected one output of ${perItem} values per item, got outputs of [${sizes}] per item`);
  }
  return found[0];
}
