import { Point } from '../common/rgb-image';
import { Affine } from './affine';

/**
 * Least-squares similarity transform (rotation, uniform scale, translation; no reflection) that
 * maps `src` onto `dst`: Umeyama (1991) as skimage's SimilarityTransform.estimate does it. In 2-D,
 * with the reflection guard, the SVD solution reduces to this closed form (complex regression):
 * a = Σ(p·q)/Σ|p|², b = Σ(p×q)/Σ|p|² on centred points, M = [[a, −b, tx], [b, a, ty]].
 */
export function umeyamaSimilarity(src: readonly Point[], dst: readonly Point[]): Affine {
  const n = src.length;
  if (n < 2 || dst.length !== n) throw new RangeError(`need >= 2 point pairs of equal count, got ${n} and ${dst.length}`);
  let msx = 0;
  let msy = 0;
  let mdx = 0;
  let mdy = 0;
  for (let i = 0; i < n; i++) {
    msx += src[i][0] / n;
    msy += src[i][1] / n;
    mdx += dst[i][0] / n;
    mdy += dst[i][1] / n;
  }
  let dot = 0;
  let cross = 0;
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const px = src[i][0] - msx;
    const py = src[i][1] - msy;
    const qx = dst[i][0] - mdx;
    const qy = dst[i][1] - mdy;
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    norm += px * px + py * py;
  }
  if (norm === 0) throw new RangeError('source points are all identical');
  const a = dot / norm;
  const b = cross / norm;
  return [a, -b, mdx - (a * msx - b * msy), b, a, mdy - (b * msx + a * msy)];
}
