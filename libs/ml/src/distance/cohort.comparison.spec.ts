import { SeededRandom } from '../common/seeded-random';
import { randomEmbedding } from '../testing/random-embeddings';
import { compareCohorts } from './cohort.comparison';
import { ensembleDistance, normalizeSlots } from './cosine.distance';

describe('ensembleDistance', () => {
  it('is the mean over slots of 1 - cos, slot k against slot k only', () => {
    const a = Float32Array.of(1, 0, 0, 1);
    const b = Float32Array.of(0, 2, 0, 3);
    expect(ensembleDistance(a, b, 2)).toBeCloseTo((1 + 0) / 2, 12);
    expect(ensembleDistance(a, Float32Array.of(0, 0, 0, 1), 2)).toBeCloseTo((1 + 0) / 2, 12); // a zero slot: cos 0
    expect(() => ensembleDistance(a, Float32Array.of(1), 2)).toThrow(RangeError);
    expect(Array.from(normalizeSlots(Float32Array.of(3, 4, 0, 0), 2))).toEqual([0.6000000238418579, 0.800000011920929, 0, 0]);
  });
});

describe('compareCohorts', () => {
  const rng = new SeededRandom(4);
  const cluster = (centre: Float32Array, n: number) => Array.from({ length: n }, () => centre.map((v) => v + 0.6 * rng.normal()));

  it('separate clusters: between > within and a small p-value; same cluster: large p-value', () => {
    const c1 = randomEmbedding(rng, 2 * 16);
    const c2 = randomEmbedding(rng, 2 * 16);
    const apart = compareCohorts(cluster(c1, 8), cluster(c2, 8), { slots: 2, permutations: 200, seed: 1 });
    expect(apart.between).toBeGreaterThan(apart.withinA);
    expect(apart.pValue).toBeLessThan(0.02);
    const same = compareCohorts(cluster(c1, 8), cluster(c1, 8), { slots: 2, permutations: 200, seed: 1 });
    expect(same.pValue).toBeGreaterThan(0.05);
    expect(() => compareCohorts([c1], [c2, c2], { slots: 2 })).toThrow(RangeError);
  });
});
