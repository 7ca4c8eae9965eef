import type { FaceBox } from '@gmdb/domain';
import { Point, RgbImage } from '../../common/rgb-image';
import { DEFAULT_DETECTOR_CONFIG, DetectedFace, FaceDetector, FaceDetectorConfig } from '../face-detector.interface';
import { landmarks5 } from '../landmarks5';
import { BlazefaceStage, FaceProposal } from './blazeface.stage';
import { DetectorModels, disposeDetectorModels } from './detector-model';
import { Corners, boundingCorners, centredCorners, cornersCenter, cornersSize } from './face-corners';
import { FaceMeshStage } from './face-mesh.stage';
import { IrisStage } from './iris.stage';
import { LEFT_IRIS_CENTER, MESH_MOUTH_CORNERS, MESH_NOSE_TIP, REFINED_MESH_POINTS, RIGHT_IRIS_CENTER } from './mesh-topology';
import { loadOrtDetectorModels } from './ort-detector.model';

/** Overlap above which BlazeFace boxes are merged: the value `human.loader.ts` configures. */
const NMS_IOU_THRESHOLD = 0.1;

/**
 * The detector HumanFaceDetector wraps (MediaPipe BlazeFace → FaceMesh → Iris, as Human 3.3.6
 * runs it with rotation off), reimplemented around the bare models so they can run natively in
 * onnxruntime (converted from the same weights) instead of tfjs-wasm. Reports what
 * HumanFaceDetector reports: Human's box (square, centred on the mesh, clamped to the photo,
 * whole pixels), its detector score rounded to 0.01, iris centres, mesh nose tip and mouth corners.
 * Stateless between calls; owns the models it is given and releases them in `dispose`.
 */
export class NativeFaceDetector implements FaceDetector {
  readonly name = 'mediapipe-blazeface-mesh-iris-ort';
  private readonly blazeface: BlazefaceStage;
  private readonly mesh: FaceMeshStage;
  private readonly iris: IrisStage;
  private disposed = false;
  /** Calls still running: `dispose` waits for them before it releases the sessions they use. */
  private readonly inFlight = new Set<Promise<unknown>>();

  private constructor(
    private readonly models: DetectorModels,
    readonly config: FaceDetectorConfig,
  ) {
    this.blazeface = new BlazefaceStage(models.blazeface, { minScore: config.minScore, maxFaces: config.maxFaces, iouThreshold: NMS_IOU_THRESHOLD });
    this.mesh = new FaceMeshStage(models.facemesh);
    this.iris = new IrisStage(models.iris);
  }

  /**
   * With no `models`, converts Human's three models to ONNX and opens one-thread onnxruntime
   * sessions. Given models are owned from here on: released by `dispose`, or now if they do not fit.
   */
  static async create(config: Partial<FaceDetectorConfig> = {}, models?: DetectorModels): Promise<NativeFaceDetector> {
    const owned = models ?? (await loadOrtDetectorModels());
    try {
      return new NativeFaceDetector(owned, { ...DEFAULT_DETECTOR_CONFIG, ...config });
    } catch (e) {
      await disposeDetectorModels(owned);
      throw e;
    }
  }

  detect(image: RgbImage): Promise<DetectedFace[]> {
    if (this.disposed) return Promise.reject(new Error(`${this.name}: detect() after dispose()`));
    const run = this.detectNow(image);
    this.inFlight.add(run);
    const forget = () => this.inFlight.delete(run);
    run.then(forget, forget);
    return run;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.allSettled(this.inFlight);
    await disposeDetectorModels(this.models);
  }

  private async detectNow(image: RgbImage): Promise<DetectedFace[]> {
    const proposals = await this.blazeface.propose(image);
    const meshes = await this.mesh.run(image, proposals.map((p) => p.region));
    // Human drops a face whose mesh flag, rounded like its scores, is not above the threshold.
    const kept = meshes.flatMap((mesh, i) => (roundScore(mesh.faceScore) > this.config.minScore ? [{ mesh, proposal: proposals[i] }] : []));
    const refined = await this.iris.refine(kept.map((k) => k.mesh), this.mesh.size);
    return kept.map(({ proposal }, i) => toDetectedFace(proposal, refined[i], this.mesh.size, image)).sort((a, b) => b.box.score - a.box.score);
  }
}

function toDetectedFace(proposal: FaceProposal, meshXy: Float64Array, meshSize: number, image: RgbImage): DetectedFace {
  const points = toImagePixels(meshXy, proposal.region, meshSize);
  const at = (i: number): Point => [points[i * 2], points[i * 2 + 1]];
  return {
    box: faceBox(points, proposal, image),
    landmarks5: landmarks5([at(RIGHT_IRIS_CENTER), at(LEFT_IRIS_CENTER)], at(MESH_NOSE_TIP), [at(MESH_MOUTH_CORNERS[0]), at(MESH_MOUTH_CORNERS[1])]),
  };
}

/** Mesh-crop pixels to photo pixels, truncated to whole pixels as Human reports them. */
function toImagePixels(xy: Float64Array, region: Corners, meshSize: number): Float64Array {
  const [w, h] = cornersSize(region);
  const [cx, cy] = cornersCenter(region);
  const out = new Float64Array(xy.length);
  for (let i = 0; i < xy.length; i += 2) {
    out[i] = Math.trunc((w / meshSize) * (xy[i] - meshSize / 2) + cx);
    out[i + 1] = Math.trunc((h / meshSize) * (xy[i + 1] - meshSize / 2) + cy);
  }
  return out;
}

/** Human's face box: the crop region's size, centred on the middle of the refined mesh's extent, clamped to the photo. */
function faceBox(points: Float64Array, proposal: FaceProposal, image: RgbImage): FaceBox {
  const [w, h] = cornersSize(proposal.region);
  const box = centredCorners(cornersCenter(boundingCorners(points, REFINED_MESH_POINTS)), w, h);
  const x = Math.max(0, box.x0);
  const y = Math.max(0, box.y0);
  return {
    x: Math.trunc(x),
    y: Math.trunc(y),
    width: Math.trunc(Math.min(image.width, box.x1) - x),
    height: Math.trunc(Math.min(image.height, box.y1) - y),
    score: roundScore(proposal.score),
  };
}

/** Human reports scores to two decimals. */
function roundScore(score: number): number {
  return Math.round(100 * score) / 100;
}
