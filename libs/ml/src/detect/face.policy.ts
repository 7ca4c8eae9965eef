import { DomainError, ErrorCode, FaceBox } from '@gmdb/domain';
import { DetectedFace } from './face-detector.interface';

export interface FacePolicyConfig {
  /** Faces scoring below this are ignored (default 0.5). */
  minScore: number;
  /** The accepted face's box must be at least this many pixels on its shorter side, in the original photo (default 48). */
  minFaceSizePx: number;
}

export const DEFAULT_FACE_POLICY: FacePolicyConfig = { minScore: 0.5, minFaceSizePx: 48 };

/**
 * Exactly one face, or a coded error: none → IMAGE_NO_FACE; several above the threshold →
 * IMAGE_MULTIPLE_FACES with all their boxes (we never pick one silently, unlike the reference);
 * the one face too small → IMAGE_FACE_TOO_SMALL. `scale` converts the detector's pixels to the
 * original photo's (the photo may have been downscaled for detection).
 */
export function selectSingleFace(faces: readonly DetectedFace[], policy: FacePolicyConfig = DEFAULT_FACE_POLICY, scale = 1): DetectedFace {
  const counted = faces.filter((f) => f.box.score >= policy.minScore);
  if (counted.length === 0) {
    throw new DomainError(ErrorCode.IMAGE_NO_FACE, 'No face was found in the photo', { faces: [] });
  }
  if (counted.length > 1) {
    const boxes = counted.map((f) => scaleBox(f.box, scale));
    throw new DomainError(ErrorCode.IMAGE_MULTIPLE_FACES, `${counted.length} faces were found; the photo must show exactly one`, { faces: boxes });
  }
  const face = counted[0];
  const box = scaleBox(face.box, scale);
  const side = Math.min(box.width, box.height);
  if (side < policy.minFaceSizePx) {
    throw new DomainError(ErrorCode.IMAGE_FACE_TOO_SMALL, `The face is ${Math.round(side)} px, at least ${policy.minFaceSizePx} px are needed`, {
      faces: [box],
      minFaceSizePx: policy.minFaceSizePx,
    });
  }
  return face;
}

export function scaleBox(box: FaceBox, scale: number): FaceBox {
  return { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale, score: box.score };
}
