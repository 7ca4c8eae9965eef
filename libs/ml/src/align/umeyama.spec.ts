import { Point } from '../common/rgb-image';
import { Affine, applyAffine, composeAffine, invertAffine, rotationAbout } from './affine';
import { ARCFACE_TEMPLATE_112 } from './arcface-template';
import { umeyamaSimilarity } from './umeyama';

const similarity = (scale: number, angle: number, tx: number, ty: number): Affine => [
  scale * Math.cos(angle),
  -scale * Math.sin(angle),
  tx,
  scale * Math.sin(angle),
  scale * Math.cos(angle),
  ty,
];

describe('umeyamaSimilarity', () => {
  it('recovers a known similarity exactly from noise-free points', () => {
    const truth = similarity(0.73, 0.4, 12.5, -7.25);
    const src: Point[] = [
      [100, 120],
      [160, 118],
      [131, 160],
      [105, 190],
      [158, 192],
    ];
    const dst = src.map((p) => applyAffine(truth, p));
    const fit = umeyamaSimilarity(src, dst);
    fit.forEach((v, i) => expect(v).toBeCloseTo(truth[i], 10));
  });

  it('is the least-squares fit: perturbing the solution only increases the error', () => {
    const src: Point[] = [
      [10, 12],
      [40, 15],
      [26, 30],
      [12, 44],
      [39, 46],
    ];
    const fit = umeyamaSimilarity(src, ARCFACE_TEMPLATE_112);
    const sse = (m: Affine) => src.reduce((s, p, i) => s + (applyAffine(m, p)[0] - ARCFACE_TEMPLATE_112[i][0]) ** 2 + (applyAffine(m, p)[1] - ARCFACE_TEMPLATE_112[i][1]) ** 2, 0);
    const best = sse(fit);
    for (const [ds, da] of [
      [1e-3, 0],
      [-1e-3, 0],
      [0, 1e-3],
      [0, -1e-3],
    ]) {
      const a = fit[0] * (1 + ds);
      const b = fit[3] * (1 + ds);
      const rotated = composeAffine(rotationAbout([56, 72], da), [a, -b, fit[2], b, a, fit[5]]);
      expect(sse(rotated)).toBeGreaterThan(best);
    }
  });

  it('never reflects, and refuses degenerate input', () => {
    const src: Point[] = [
      [0, 0],
      [10, 0],
      [5, 5],
    ];
    const mirrored = src.map(([x, y]): Point => [-x, y]);
    const fit = umeyamaSimilarity(src, mirrored);
    expect(fit[0] * fit[4] - fit[1] * fit[3]).toBeGreaterThanOrEqual(0);
    expect(() => umeyamaSimilarity([[1, 1], [1, 1]], [[0, 0], [1, 1]])).toThrow(RangeError);
  });

  it('affine helpers: inverse and composition round-trip', () => {
    const m = similarity(1.7, -0.3, 4, 9);
    const id = composeAffine(invertAffine(m), m);
    [1, 0, 0, 0, 1, 0].forEach((v, i) => expect(id[i]).toBeCloseTo(v, 12));
  });
});
