import { Landmarks5, Point } from '../common/rgb-image';

/**
 * The five points in the reference's order: left eye, right eye, nose, left and right mouth
 * corner, left/right as seen in the image (for a face upright and frontal), whichever way the
 * detector labels its eyes and mouth corners.
 */
export function landmarks5(eyes: readonly [Point, Point], nose: Point, mouth: readonly [Point, Point]): Landmarks5 {
  const [leftEye, rightEye] = byX(eyes[0], eyes[1]);
  const [leftMouth, rightMouth] = byX(mouth[0], mouth[1]);
  return [leftEye, rightEye, nose, leftMouth, rightMouth];
}

function byX(p: Point, q: Point): [Point, Point] {
  return p[0] <= q[0] ? [p, q] : [q, p];
}
