import { pathToFileURL } from 'node:url';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type * as tfc from '@tensorflow/tfjs-core';
import { withFileFetch } from '../file-fetch.shim';
import { loadHuman } from '../human.loader';
import { humanModelPath } from '../tfjs-onnx';
import { DetectorModel, DetectorModels, loadDetectorModels } from './detector-model';

/** The part of tfjs the runner uses (`human.tf` is typed `any`; at run time it is tfjs-core + converter on the wasm backend). */
export type TfjsApi = Pick<typeof tfc, 'tensor' | 'dispose'> & { loadGraphModel(url: string): Promise<GraphModel> };

/**
 * A MediaPipe graph run by tfjs exactly as Human runs it (same files, same wasm backend): the
 * reference the ONNX runner is checked against, and a fallback while developing.
 */
export class TfjsDetectorModel implements DetectorModel {
  readonly inputShape: number[];
  private readonly outputNames: string[];

  private constructor(
    private readonly tf: TfjsApi,
    private readonly model: GraphModel,
    path: string,
  ) {
    const shape = model.inputs[0]?.shape;
    if (model.inputs.length !== 1 || !shape) throw new Error(`${path}: expected one input with a known shape`);
    this.inputShape = shape;
    this.outputNames = model.outputs.map((o) => o.name);
  }

  /** Loads `model.json` (weights beside it) from disk through the `file://` fetch shim. */
  static async load(tf: TfjsApi, modelJsonPath: string): Promise<TfjsDetectorModel> {
    const model = await withFileFetch(() => tf.loadGraphModel(pathToFileURL(modelJsonPath).href));
    return new TfjsDetectorModel(tf, model, modelJsonPath);
  }

  async run(input: Float32Array, batch: number): Promise<Float32Array[]> {
    const x = this.tf.tensor(input, [batch, ...this.inputShape.slice(1)], 'float32');
    let outputs: tfc.Tensor[] = [];
    try {
      const result = this.model.execute(x, this.outputNames);
      outputs = Array.isArray(result) ? result : [result];
      return await Promise.all(outputs.map(async (t) => Float32Array.from(await t.data())));
    } finally {
      this.tf.dispose([x, ...outputs]);
    }
  }

  async dispose(): Promise<void> {
    this.model.dispose();
  }
}

/** BlazeFace, FaceMesh and Iris on tfjs-wasm, through the Human build the repo already loads. */
export async function loadTfjsDetectorModels(): Promise<DetectorModels> {
  // Only Human's tfjs (wasm backend set up offline) is used; its own thresholds do not matter here.
  const tf = (await loadHuman(1, 1)).tf as TfjsApi;
  return loadDetectorModels((name) => TfjsDetectorModel.load(tf, humanModelPath(name)));
}
