import { Corners } from './face-corners';

/**
 * Greedy non-maximum suppression as `tf.image.nonMaxSuppression` does it: candidates strictly
 * above `minScore`, best first (ties: lower index first), a candidate is dropped when its IoU with
 * any kept box is at least `iouThreshold`; at most `maxCount` kept. Returns the kept indices.
 */
export function nonMaxSuppression(boxes: readonly Corners[], scores: ArrayLike<number>, maxCount: number, iouThreshold: number, minScore: number): number[] {
  const order: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] > minScore) order.push(i);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  const kept: number[] = [];
  for (const i of order) {
    if (kept.length >= maxCount) break;
    if (kept.every((k) => intersectionOverUnion(boxes[i], boxes[k]) < iouThreshold)) kept.push(i);
  }
  return kept;
}

/** IoU of two boxes; 0 when either is empty (TF's convention). */
export function intersectionOverUnion(a: Corners, b: Corners): number {
  const areaA = (Math.max(a.x0, a.x1) - Math.min(a.x0, a.x1)) * (Math.max(a.y0, a.y1) - Math.min(a.y0, a.y1));
  const areaB = (Math.max(b.x0, b.x1) - Math.min(b.x0, b.x1)) * (Math.max(b.y0, b.y1) - Math.min(b.y0, b.y1));
  if (areaA <= 0 || areaB <= 0) return 0;
  const iw = Math.max(0, Math.min(Math.max(a.x0, a.x1), Math.max(b.x0, b.x1)) - Math.max(Math.min(a.x0, a.x1), Math.min(b.x0, b.x1)));
  const ih = Math.max(0, Math.min(Math.max(a.y0, a.y1), Math.max(b.y0, b.y1)) - Math.max(Math.min(a.y0, a.y1), Math.min(b.y0, b.y1)));
  const intersection = iw * ih;
  return intersection / (areaA + areaB - intersection);
}
