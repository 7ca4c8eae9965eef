import { Landmarks5 } from '../common/rgb-image';

/** ArcFace 112x112 five-point template (insightface / the GestaltMatcher reference). */
export const ARCFACE_TEMPLATE_112: Landmarks5 = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];

export const ALIGNED_SIZE = 112;
