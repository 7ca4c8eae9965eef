import { intersectionOverUnion, nonMaxSuppression } from './non-max.suppression';

const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });

describe('nonMaxSuppression (tf.image.nonMaxSuppression rules)', () => {
  const boxes = [box(0, 0, 10, 10), box(1, 1, 11, 11), box(20, 20, 30, 30), box(40, 40, 50, 50)];

  it('keeps the best of overlapping boxes, best first, only scores strictly above the minimum', () => {
    expect(nonMaxSuppression(boxes, [0.6, 0.9, 0.7, 0.5], 10, 0.1, 0.5)).toEqual([1, 2]);
  });

  it('stops at maxCount and prefers the lower index on equal scores', () => {
    expect(nonMaxSuppression(boxes, [0.8, 0.8, 0.8, 0.8], 2, 0.1, 0.5)).toEqual([0, 2]);
  });

  it('suppresses at IoU equal to the threshold; empty boxes overlap nothing', () => {
    const half = intersectionOverUnion(box(0, 0, 10, 10), box(0, 0, 10, 5));
    expect(half).toBeCloseTo(0.5, 12);
    expect(nonMaxSuppression([box(0, 0, 10, 10), box(0, 0, 10, 5)], [0.9, 0.8], 5, half, 0)).toEqual([0]);
    expect(intersectionOverUnion(box(0, 0, 0, 10), box(0, 0, 10, 10))).toBe(0);
  });
});
