import { applyAffine, rotationAbout } from '../align/affine';
import { Landmarks5 } from '../common/rgb-image';
import { DetectedFace } from './face-detector.interface';
import { scaleFace } from './face.locator';

describe('scaleFace', () => {
  const face: DetectedFace = {
    box: { x: 0, y: 10, width: 40, height: 50, score: 0.9 },
    landmarks5: [
      [10, 20],
      [30, 20],
      [20, 30],
      [12, 40],
      [28, 40],
    ],
  };

  it('scales the box and the points, not the score; a face without region gets none', () => {
    const scaled = scaleFace(face, 2);
    expect(scaled.box).toEqual({ x: 0, y: 20, width: 80, height: 100, score: 0.9 });
    expect(scaled.landmarks5[4]).toEqual([56, 80]);
    expect(scaled).not.toHaveProperty('region');
    expect(scaleFace(face, 1)).toBe(face);
  });

  it('scales the unclamped region too', () => {
    expect(scaleFace({ ...face, region: { x: -10, y: 5, width: 50, height: 50 } }, 2).region).toEqual({ x: -20, y: 10, width: 100, height: 100 });
  });

  it("scales the upright view with the photo: the scaled points through the scaled rotation land on the scaled view points", () => {
    const transform = rotationAbout([20, 30], 0.3);
    const withView: DetectedFace = { ...face, upright: { transform, landmarks5: face.landmarks5.map((p) => applyAffine(transform, p)) as unknown as Landmarks5 } };
    const scaled = scaleFace(withView, 2.5);
    const view = scaled.upright as NonNullable<DetectedFace['upright']>;
    view.landmarks5.forEach((q, i) => {
      expect(q[0]).toBeCloseTo((withView.upright as NonNullable<DetectedFace['upright']>).landmarks5[i][0] * 2.5, 10);
      const mapped = applyAffine(view.transform, scaled.landmarks5[i]);
      expect(mapped[0]).toBeCloseTo(q[0], 10);
      expect(mapped[1]).toBeCloseTo(q[1], 10);
    });
    expect(view.transform.slice(0, 2)).toEqual(transform.slice(0, 2));
  });
});
