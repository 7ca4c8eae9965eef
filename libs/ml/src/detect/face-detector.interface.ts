import type { FaceBox } from '@gmdb/domain';
import type { Affine } from '../align/affine';
import { Landmarks5, RgbImage } from '../common/rgb-image';

/** One face found by a detector, in the pixel coordinates of the image it was given. */
export interface DetectedFace {
  /** Box and detection score (0..1). */
  box: FaceBox;
  /**
   * Left eye, right eye, nose, left mouth corner, right mouth corner: left/right as seen in the
   * image for an upright face; a face found in an upright view (`upright`) keeps the sides it has
   * there, so a face turned by more than 90° has its left eye on the image's right.
   */
  landmarks5: Landmarks5;
  /**
   * The (square) region the detector would crop to look at this face again, in image pixels and
   * not clamped to the image, unlike `box`. Reported by detectors that implement `UprightRefiner`,
   * which start from it.
   */
  region?: FaceRegion;
  /**
   * The five points as the detector found them in an upright view of the photo, where it looks
   * at faces that way (its own second pass: the reference's rotate-then-detect-again, done inside
   * detection). The aligner then fits these instead of detecting again.
   */
  upright?: UprightLandmarks;
}

/** Five points found in an upright view of the photo. */
export interface UprightLandmarks {
  /** Maps the photo's pixels to the view's: a rotation about the nose that levels the eyes as the detector first saw them. */
  transform: Affine;
  /** Left eye, right eye, nose, left and right mouth corner (as seen in the view), in the view's pixels, not rounded. */
  landmarks5: Landmarks5;
}

export interface FaceRegion {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A face detector with five landmarks. Returns every face at or above its own score threshold,
 * best first; policy (how many faces are acceptable, minimum size) is applied by the caller.
 * Implementations: HumanFaceDetector (tfjs wasm, weights inside the npm package); a RetinaFace
 * ONNX detector can implement the same interface later.
 */
export interface FaceDetector {
  readonly name: string;
  detect(image: RgbImage): Promise<DetectedFace[]>;
  dispose(): Promise<void>;
}

/**
 * Optional capability of a detector: the five points of a face it found, looked at again in an
 * upright view of the photo, without searching the view for faces. `upright` maps the photo's
 * pixels to the view's (a rotation that levels the eyes); the detector samples its crop from the
 * photo through it. Returns the points in the view's pixels, or undefined where its landmark
 * model sees no face there.
 */
export interface UprightRefiner {
  refineUpright(image: RgbImage, face: DetectedFace, upright: Affine): Promise<Landmarks5 | undefined>;
}

export function isUprightRefiner(detector: FaceDetector): detector is FaceDetector & UprightRefiner {
  return typeof (detector as Partial<UprightRefiner>).refineUpright === 'function';
}

export interface FaceDetectorConfig {
  /** Minimum detection score for a face to count (default 0.5). */
  minScore: number;
  /** Most faces reported per image (default 20): enough to say "several". */
  maxFaces: number;
}

export const DEFAULT_DETECTOR_CONFIG: FaceDetectorConfig = { minScore: 0.5, maxFaces: 20 };
