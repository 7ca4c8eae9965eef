import type { FaceBox } from '@gmdb/domain';
import { Affine, applyAffine, composeAffine, invertAffine, rotationAbout } from '../../align/affine';
import { Landmarks5, Point, RgbImage } from '../../common/rgb-image';
import { DEFAULT_DETECTOR_CONFIG, DetectedFace, FaceDetector, FaceDetectorConfig, FaceRegion, UprightRefiner } from '../face-detector.interface';
import { landmarks5 } from '../landmarks5';
import { BlazefaceStage, FaceProposal } from './blazeface.stage';
import { DetectorModels, disposeDetectorModels } from './detector-model';
import { Corners, boundingCorners, centredCorners, cornersCenter, cornersSize } from './face-corners';
import { FaceMeshStage, MeshResult } from './face-mesh.stage';
import { IrisStage } from './iris.stage';
import { LEFT_IRIS_CENTER, MESH_MOUTH_CORNERS, MESH_NOSE_TIP, REFINED_MESH_POINTS, RIGHT_IRIS_CENTER } from './mesh-topology';
import { loadOrtDetectorModels } from './ort-detector.model';

/** Overlap above which BlazeFace boxes are merged: the value `human.loader.ts` configures. */
const NMS_IOU_THRESHOLD = 0.1;

/**
 * Where FaceMesh and Iris look at a face BlazeFace proposed.
 * - 'upright' (default): at the proposal's region turned upright about BlazeFace's nose keypoint
 *   by the line through its two eye keypoints (MediaPipe's rotated region of interest). The five
 *   points then come from an upright view, as the reference's second pass finds them after turning
 *   the photo by the eye line of its detector's first pass, and the face carries them as
 *   `upright`; alignment needs no second landmark pass (one FaceMesh and one Iris run per face,
 *   not two).
 * - 'photo': at the region as it lies in the photo, as Human 3.3.6 does with rotation off: the
 *   faces are the ones HumanFaceDetector reports (native-face.detector.spec.ts). FaceMesh loses
 *   track of faces tilted by more than about 30°.
 */
export type MeshView = 'upright' | 'photo';

export interface NativeFaceDetectorConfig extends FaceDetectorConfig {
  meshView: MeshView;
}

export const DEFAULT_NATIVE_DETECTOR_CONFIG: NativeFaceDetectorConfig = { ...DEFAULT_DETECTOR_CONFIG, meshView: 'upright' };

/** A face region looked at through a rotation of the photo. */
interface FaceView {
  /** Photo pixels to view pixels. */
  readonly transform: Affine;
  /** The square the mesh model sees, in view pixels. */
  readonly region: Corners;
}

/**
 * The detector HumanFaceDetector wraps (MediaPipe BlazeFace → FaceMesh → Iris, as Human 3.3.6
 * runs it), reimplemented around the bare models so they can run natively in onnxruntime
 * (converted from the same weights) instead of tfjs-wasm. Reports what HumanFaceDetector reports:
 * Human's box (square, centred on the mesh, clamped to the photo, whole pixels), its detector
 * score rounded to 0.01, iris centres, mesh nose tip and mouth corners; also the unclamped
 * mesh-centred box (`region`) that Human would crop on the next video frame. With `meshView`
 * 'photo' these are Human's own (rotation off: points truncated to whole pixels as Human reports
 * them); with 'upright' the mesh looks at each face levelled by BlazeFace's eye keypoints, the
 * points are not rounded and each face also carries them in that upright view (`upright`).
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
    readonly config: NativeFaceDetectorConfig,
  ) {
    this.blazeface = new BlazefaceStage(models.blazeface, { minScore: config.minScore, maxFaces: config.maxFaces, iouThreshold: NMS_IOU_THRESHOLD });
    this.mesh = new FaceMeshStage(models.facemesh);
    this.iris = new IrisStage(models.iris);
  }

  /**
   * With no `models`, converts Human's three models to ONNX and opens one-thread onnxruntime
   * sessions. Given models are owned from here on: released by `dispose`, or now if they do not fit.
   */
  static async create(config: Partial<NativeFaceDetectorConfig> = {}, models?: DetectorModels): Promise<NativeFaceDetector> {
    const owned = models ?? (await loadOrtDetectorModels());
    try {
      return new NativeFaceDetector(owned, { ...DEFAULT_NATIVE_DETECTOR_CONFIG, ...config });
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
    const faces = this.config.meshView === 'photo' ? await this.detectInPhoto(image, proposals) : await this.detectUpright(image, proposals);
    return faces.sort((a, b) => b.box.score - a.box.score);
  }

  private async detectInPhoto(image: RgbImage, proposals: readonly FaceProposal[]): Promise<DetectedFace[]> {
    const meshes = await this.mesh.run(image, proposals.map((p) => p.region));
    const kept = this.kept(meshes, proposals);
    const refined = await this.iris.refine(kept.map((k) => k.mesh), this.mesh.size);
    return kept.map(({ proposal }, i) => toDetectedFace(proposal, refined[i], this.mesh.size, image));
  }

  private async detectUpright(image: RgbImage, proposals: readonly FaceProposal[]): Promise<DetectedFace[]> {
    const { size } = this.mesh;
    const views = proposals.map(uprightView);
    const meshes = await this.mesh.runWarped(image, views.map((v) => cropToPhoto(v, size)));
    const kept = this.kept(meshes, proposals);
    const refined = await this.iris.refine(kept.map((k) => k.mesh), size);
    return kept.map(({ proposal, index }, i) => toUprightFace(proposal, views[index], fromCropPixels(refined[i], views[index].region, size), image));
  }

  /** The proposals whose mesh flag, rounded like Human's scores, is above the threshold (Human drops the others). */
  private kept(meshes: readonly MeshResult[], proposals: readonly FaceProposal[]): { mesh: MeshResult; proposal: FaceProposal; index: number }[] {
    return meshes.flatMap((mesh, index) => (roundScore(mesh.faceScore) > this.config.minScore ? [{ mesh, proposal: proposals[index], index }] : []));
  }

  private async refineNow(image: RgbImage, face: DetectedFace, upright: Affine): Promise<Landmarks5 | undefined> {
    const view: FaceView = { transform: upright, region: uprightRegion(face.region ?? face.box, upright) };
    const { size } = this.mesh;
    const [mesh] = await this.mesh.runWarped(image, [cropToPhoto(view, size)]);
    if (!(roundScore(mesh.faceScore) > this.config.minScore)) return undefined;
    const [refined] = await this.iris.refine([mesh], size);
    return fivePoints(fromCropPixels(refined, view.region, size));
  }
}

/** The proposal's region turned upright about BlazeFace's nose keypoint by the line through its eye keypoints. */
function uprightView(proposal: FaceProposal): FaceView {
  const [right, left] = proposal.eyes; // the subject's: image-left, image-right when upright
  const transform = rotationAbout(proposal.nose, Math.atan2(left[1] - right[1], left[0] - right[0]));
  return { transform, region: uprightRegion(asFaceRegion(proposal.region), transform) };
}

/** Maps the mesh crop's pixels to the photo's: crop pixel i sits at x0 + i·w/(size − 1) of the view (TF's crop rule on a large image). */
function cropToPhoto(view: FaceView, size: number): Affine {
  const [w, h] = cornersSize(view.region);
  const cropToView: Affine = [w / (size - 1), 0, view.region.x0, 0, h / (size - 1), view.region.y0];
  return composeAffine(invertAffine(view.transform), cropToView);
}

/** A face found in an upright view: points, box and region in the photo's pixels (not rounded), the five points also in the view's. */
function toUprightFace(proposal: FaceProposal, view: FaceView, viewXy: Float64Array, image: RgbImage): DetectedFace {
  const toPhoto = invertAffine(view.transform);
  const inView = fivePoints(viewXy);
  const [w, h] = cornersSize(proposal.region);
  const region = centredCorners(applyAffine(toPhoto, cornersCenter(boundingCorners(viewXy, REFINED_MESH_POINTS))), w, h);
  return {
    box: faceBox(region, proposal, image),
    // Mapped point by point, so left and right stay those of the upright face however the photo is turned.
    landmarks5: inView.map((p) => applyAffine(toPhoto, p)) as unknown as Landmarks5,
    region: asFaceRegion(region),
    upright: { transform: view.transform, landmarks5: inView },
  };
}

function asFaceRegion(c: Corners): FaceRegion {
  return { x: c.x0, y: c.y0, width: c.x1 - c.x0, height: c.y1 - c.y0 };
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
    region: asFaceRegion(region),
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
