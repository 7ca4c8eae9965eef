import type { FaceBox } from '@gmdb/domain';
import { Landmarks5, RgbImage } from '../common/rgb-image';

/** One face found by a detector, in the pixel coordinates of the image it was given. */
export interface DetectedFace {
  /** Box and detection score (0..1). */
  box: FaceBox;
  /** Left eye, right eye, nose, left mouth corner, right mouth corner (left/right as seen in the image). */
  landmarks5: Landmarks5;
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

export interface FaceDetectorConfig {
  /** Minimum detection score for a face to count (default 0.5). */
  minScore: number;
  /** Most faces reported per image (default 20): enough to say "several". */
  maxFaces: number;
}

export const DEFAULT_DETECTOR_CONFIG: FaceDetectorConfig = { minScore: 0.5, maxFaces: 20 };
