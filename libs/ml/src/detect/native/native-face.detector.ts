import type { FaceBox } from '@gmdb/domain';
import { Affine, applyAffine, composeAffine, invertAffine } from '../../align/affine';
import { Landmarks5, Point, RgbImage } from '../../common/rgb-image';
import { DEFAULT_DETECTOR_CONFIG, DetectedFace, FaceDetector, FaceDetectorConfig, FaceRegion, UprightRefiner } from '../face-detector.interface';
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
 * whole pixels), its detector score rounded to 0.01, iris centres, mesh nose tip and mouth corners;
 * also the unclamped mesh-centred box (`region`) that Human would crop on the next video frame.
 * As an `UprightRefiner` it runs FaceMesh and Iris on that region turned upright, as Human does
 * with rotation on: the crop sampled from the photo through the rotation, no BlazeFace pass.
 * Stateless between calls; owns the models it is given and releases them in `dispose`.
 */
export class NativeFaceDetector implements FaceDetector, UprightRefiner {
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
    return this.track('detect', () => this.detectNow(image));
  }

  /**
   * FaceMesh and Iris on the face's `region` (else its box) turned upright: the square of the
   * same size about the region's centre mapped by `upright`, sampled straight from the photo.
   * The five points come back in the upright view's pixels, not rounded; undefined when the mesh's
   * face flag is not above the threshold (the check `detect` applies).
   */
  refineUpright(image: RgbImage, face: DetectedFace, upright: Affine): Promise<Landmarks5 | undefined> {
    return this.track('refineUpright', () => this.refineNow(image, face, upright));
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.allSettled(this.inFlight);
    await disposeDetectorModels(this.models);
  }

  private track<T>(call: string, work: () => Promise<T>): Promise<T> {
    if (this.disposed) return Promise.reject(new Error(`${this.name}: ${call}() after dispose()`));
    const run = work();
    this.inFlight.add(run);
    const forget = () => this.inFlight.delete(run);
    run.then(forget, forget);
    return run;
  }

  private async detectNow(image: RgbImage): Promise<DetectedFace[]> {
    const proposals = await this.blazeface.propose(image);
    const meshes = await this.mesh.run(image, proposals.map((p) => p.region));
    // Human drops a face whose mesh flag, rounded like its scores, is not above the threshold.
    const kept = meshes.flatMap((mesh, i) => (roundScore(mesh.faceScore) > this.config.minScore ? [{ mesh, proposal: proposals[i] }] : []));
    const refined = await this.iris.refine(kept.map((k) => k.mesh), this.mesh.size);
    return kept.map(({ proposal }, i) => toDetectedFace(proposal, refined[i], this.mesh.size, image)).sort((a, b) => b.box.score - a.box.score);
  }

  private async refineNow(image: RgbImage, face: DetectedFace, upright: Affine): Promise<Landmarks5 | undefined> {
    const region = uprightRegion(face.region ?? face.box, upright);
    const { size } = this.mesh;
    const [w, h] = cornersSize(region);
    // Crop pixel i sits at x0 + i·w/(size − 1): TF's crop rule on a large image.
    const cropToUpright: Affine = [w / (size - 1), 0, region.x0, 0, h / (size - 1), region.y0];
    const mesh = await this.mesh.runWarped(image, composeAffine(invertAffine(upright), cropToUpright));
    if (!(roundScore(mesh.faceScore) > this.config.minScore)) return undefined;
    const [refined] = await this.iris.refine([mesh], size);
    return fivePoints(fromCropPixels(refined, region, size));
  }
}

/** The region of the same size about its centre mapped by `upright` (a rotation; any scale it has applies to the size too). */
function uprightRegion(r: FaceRegion, upright: Affine): Corners {
  const scale = Math.sqrt(Math.abs(upright[0] * upright[4] - upright[1] * upright[3]));
  return centredCorners(applyAffine(upright, [r.x + r.width / 2, r.y + r.height / 2]), r.width * scale, r.height * scale);
}

function toDetectedFace(proposal: FaceProposal, meshXy: Float64Array, meshSize: number, image: RgbImage): DetectedFace {
  // Truncated to whole pixels as Human reports them.
  const points = fromCropPixels(meshXy, proposal.region, meshSize).map(Math.trunc);
  const region = meshCentredRegion(points, proposal);
  return {
    box: faceBox(region, proposal, image),
    landmarks5: fivePoints(points),
    region: { x: region.x0, y: region.y0, width: region.x1 - region.x0, height: region.y1 - region.y0 },
  };
}

function fivePoints(points: Float64Array): Landmarks5 {
  const at = (i: number): Point => [points[i * 2], points[i * 2 + 1]];
  return landmarks5([at(RIGHT_IRIS_CENTER), at(LEFT_IRIS_CENTER)], at(MESH_NOSE_TIP), [at(MESH_MOUTH_CORNERS[0]), at(MESH_MOUTH_CORNERS[1])]);
}

/** Mesh-crop pixels to the pixels of the picture the crop `region` was cut from. */
function fromCropPixels(xy: Float64Array, region: Corners, meshSize: number): Float64Array {
  const [w, h] = cornersSize(region);
  const [cx, cy] = cornersCenter(region);
  const out = new Float64Array(xy.length);
  for (let i = 0; i < xy.length; i += 2) {
    out[i] = (w / meshSize) * (xy[i] - meshSize / 2) + cx;
    out[i + 1] = (h / meshSize) * (xy[i + 1] - meshSize / 2) + cy;
  }
  return out;
}

/** Human's box for the next frame: the crop region's size, centred on the middle of the refined mesh's extent. */
function meshCentredRegion(points: Float64Array, proposal: FaceProposal): Corners {
  const [w, h] = cornersSize(proposal.region);
  return centredCorners(cornersCenter(boundingCorners(points, REFINED_MESH_POINTS)), w, h);
}

/** Human's face box: the mesh-centred region clamped to the photo, whole pixels. */
function faceBox(box: Corners, proposal: FaceProposal, image: RgbImage): FaceBox {
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
