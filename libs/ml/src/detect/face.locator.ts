import { Landmarks5, Point, RgbImage } from '../common/rgb-image';
import { downscale } from '../decode/image.decoder';
import { DetectedFace, FaceDetector, FaceRegion } from './face-detector.interface';
import { DEFAULT_FACE_POLICY, FacePolicyConfig, scaleBox, selectSingleFace } from './face.policy';

export interface FaceLocatorConfig extends FacePolicyConfig {
  /** The photo is downscaled so its longer side is at most this for detection (the reference uses 640). */
  detectMaxSide: number;
}

export const DEFAULT_LOCATOR_CONFIG: FaceLocatorConfig = { ...DEFAULT_FACE_POLICY, detectMaxSide: 640 };

/**
 * Finds the one face of a photo: detects on a downscaled copy, applies the face policy
 * (IMAGE_NO_FACE, IMAGE_MULTIPLE_FACES with boxes, IMAGE_FACE_TOO_SMALL) and returns the face in
 * the original photo's pixels.
 */
export async function locateSingleFace(detector: FaceDetector, image: RgbImage, config: FaceLocatorConfig = DEFAULT_LOCATOR_CONFIG): Promise<DetectedFace> {
  return selectSingleFace(await locateFaces(detector, image, config.detectMaxSide), config);
}

/** Every face the detector finds on a copy downscaled to `detectMaxSide`, in the original photo's pixels. */
export async function locateFaces(detector: FaceDetector, image: RgbImage, detectMaxSide: number = DEFAULT_LOCATOR_CONFIG.detectMaxSide): Promise<DetectedFace[]> {
  const small = await downscale(image, detectMaxSide);
  return (await detector.detect(small.image)).map((face) => scaleFace(face, small.scale));
}

export function scaleFace(face: DetectedFace, scale: number): DetectedFace {
  if (scale === 1) return face;
  const p = (q: Point): Point => [q[0] * scale, q[1] * scale];
  const scaled: DetectedFace = { box: scaleBox(face.box, scale), landmarks5: face.landmarks5.map(p) as unknown as Landmarks5 };
  if (face.region) scaled.region = scaleRegion(face.region, scale);
  if (face.upright) {
    // The same rotation about the scaled centre: the view's pixels scale with the photo's.
    const [a, b, c, d, e, f] = face.upright.transform;
    scaled.upright = { transform: [a, b, c * scale, d, e, f * scale], landmarks5: face.upright.landmarks5.map(p) as unknown as Landmarks5 };
  }
  return scaled;
}

function scaleRegion(r: FaceRegion, scale: number): FaceRegion {
  return { x: r.x * scale, y: r.y * scale, width: r.width * scale, height: r.height * scale };
}
