import { InferenceSession, Tensor } from 'onnxruntime-node';
import { OrtSessionConfig, createOrtSession } from '../../encode/ort-session.factory';
import { ConvertedModel, convertTfjsGraphModel, humanModelPath } from '../tfjs-onnx';
import { DetectorModel, DetectorModels, loadDetectorModels } from './detector-model';

/**
 * One thread, no spinning: the detector is small (a few ms per model) and runs beside the
 * encoders, whose sessions own the cores; spinning idle workers would steal them. PRelus
 * rewritten: FaceMesh and Iris are made of them, and onnxruntime then runs Iris in half the time.
 */
export const DETECTOR_ORT_CONFIG: OrtSessionConfig = { executionProvider: 'cpu', intraOpNumThreads: 1, forceSpinningStop: true, preluRewrite: true };

/** A MediaPipe graph converted from Human's tfjs files to ONNX and run by onnxruntime-node. */
export class OrtDetectorModel implements DetectorModel {
  readonly inputShape: number[];

  private constructor(
    private readonly session: InferenceSession,
    private readonly converted: Omit<ConvertedModel, 'onnx'>,
  ) {
    this.inputShape = converted.input.shape;
  }

  static async create(converted: ConvertedModel, config: OrtSessionConfig = DETECTOR_ORT_CONFIG): Promise<OrtDetectorModel> {
    const session = await createOrtSession(converted.onnx, config);
    return new OrtDetectorModel(session, { input: converted.input, outputs: converted.outputs });
  }

  async run(input: Float32Array, batch: number): Promise<Float32Array[]> {
    const { input: spec, outputs } = this.converted;
    const x = new Tensor('float32', input, [batch, ...spec.shape.slice(1)]);
    const result = await this.session.run({ [spec.name]: x });
    return outputs.map(({ name }) => {
      const t = result[name];
      if (!t || t.type !== 'float32') throw new Error(`onnx output ${name}: expected float32, got ${t ? t.type : 'nothing'}`);
      return t.data as Float32Array;
    });
  }

  dispose(): Promise<void> {
    return this.session.release();
  }
}

/** BlazeFace, FaceMesh and Iris converted from the weights inside @vladmandic/human (no files written). */
export async function loadOrtDetectorModels(config: OrtSessionConfig = DETECTOR_ORT_CONFIG): Promise<DetectorModels> {
  return loadDetectorModels(async (name) => OrtDetectorModel.create(await convertTfjsGraphModel(humanModelPath(name)), config));
}
