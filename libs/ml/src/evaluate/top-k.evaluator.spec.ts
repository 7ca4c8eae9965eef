import { SeededRandom } from '../common/seeded-random';
import { compareIds } from '../common/compare-ids';
import { ensembleDistance } from '../distance/cosine.distance';
import { randomEmbedding } from '../testing/random-embeddings';
import { ImageDemographics, LabeledImage, TestImageRank, ageBand } from './evaluation.types';
import { buildReport, evaluateTopK, groupMetrics } from './top-k.evaluator';

/** Independent computation: float64 distances, full sort, first occurrence of each label. */
function naiveRank(test: LabeledImage, gallery: readonly LabeledImage[], enc: ReadonlyMap<string, Float32Array>, slots: number): number {
  const q = enc.get(test.imageId) as Float32Array;
  const order = gallery
    .map((g) => ({ g, d: ensembleDistance(q, enc.get(g.imageId) as Float32Array, slots) }))
    .sort((a, b) => a.d - b.d || compareIds(a.g.imageId, b.g.imageId));
  const seen: string[] = [];
  for (const { g } of order) if (!seen.includes(g.label)) seen.push(g.label);
  const i = seen.indexOf(test.label);
  return i < 0 ? Infinity : i + 1;
}

describe('evaluateTopK', () => {
  it('ranks equal an independent computation, and accuracies follow from the ranks', async () => {
    const rng = new SeededRandom(9);
    const slots = 3;
    const dim = 16;
    const labels = Array.from({ length: 40 }, (_, i) => `OMIM:${1000 + i}`);
    const centres = labels.map(() => randomEmbedding(rng, slots * dim));
    const encodings = new Map<string, Float32Array>();
    const make = (prefix: string, n: number): LabeledImage[] =>
      Array.from({ length: n }, (_, i) => {
        const label = labels[rng.int(labels.length)];
        const centre = centres[labels.indexOf(label)];
        const imageId = `${prefix}${i}`;
        encodings.set(imageId, centre.map((v) => v + 1.5 * rng.normal()));
        return { imageId, subject: `${prefix}s${i}`, label };
      });
    const gallery = make('g', 300);
    const test = make('t', 60);
    const progress: number[] = [];
    const result = await evaluateTopK({ gallery, test, encodings, slots, dim, onProgress: (done) => progress.push(done) });
    expect(progress).toHaveLength(60);
    expect(result.ranks.map((r) => r.rank)).toEqual(test.map((t) => naiveRank(t, gallery, encodings, slots)));
    const m = result.report.overall;
    expect(m.images).toBe(60);
    expect(m.micro.top1).toBeCloseTo(result.ranks.filter((r) => r.rank === 1).length / 60, 12);
    expect(m.micro.top30).toBeGreaterThanOrEqual(m.micro.top10);
    expect(m.macro.top1).toBeGreaterThan(0); // the clusters are separable enough
  });

  it('macro averages over disorders, micro over images; groups by sex, ancestry, age band', () => {
    const ranks: TestImageRank[] = [
      { imageId: 'a', label: 'D1', rank: 1 },
      { imageId: 'b', label: 'D1', rank: 1 },
      { imageId: 'c', label: 'D1', rank: 7 },
      { imageId: 'd', label: 'D2', rank: 40 },
    ];
    const m = groupMetrics(ranks);
    expect(m.micro).toEqual({ top1: 0.5, top5: 0.5, top10: 0.75, top30: 0.75 });
    expect(m.macro.top1).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(m.macro.top10).toBeCloseTo((1 + 0) / 2, 12);
    const meta = new Map<string, ImageDemographics>([
      ['a', { sex: 'female', ancestry: 'EUR', ageYears: 0.5 }],
      ['b', { sex: 'male', ancestry: 'AFR', ageYears: 3 }],
      ['c', { sex: 'male', ancestry: 'AFR', ageYears: 25 }],
      ['d', { ancestry: 'EUR' }],
    ]);
    const report = buildReport(ranks, meta);
    expect(Object.keys(report.bySex)).toEqual(['female', 'male']);
    expect(report.byAncestry['AFR'].micro.top1).toBe(0.5);
    expect(report.byAncestry['EUR'].micro.top1).toBe(0.5);
    expect(report.ancestryAveraged.micro.top1).toBe(0.5);
    expect(report.ancestryAveraged.macro.top1).toBeCloseTo((0.5 + 0.5) / 2, 12);
    expect(Object.keys(report.byAge)).toEqual(['[0,1)', '[1,5)', '[20,inf)']);
    expect([ageBand(0), ageBand(1), ageBand(9.99), ageBand(10), ageBand(20), ageBand(-1)]).toEqual(['[0,1)', '[1,5)', '[5,10)', '[10,20)', '[20,inf)', undefined]);
  });

  it('a label absent from the gallery is never found; missing encodings are reported', async () => {
    const enc = new Map([
      ['g1', Float32Array.of(1, 0)],
      ['t1', Float32Array.of(1, 0)],
    ]);
    const result = await evaluateTopK({
      gallery: [
        { imageId: 'g1', subject: 's1', label: 'D1' },
        { imageId: 'g2', subject: 's2', label: 'D2' },
      ],
      test: [
        { imageId: 't1', subject: 's3', label: 'D9' },
        { imageId: 't2', subject: 's4', label: 'D1' },
      ],
      encodings: enc,
      slots: 1,
      dim: 2,
    });
    expect(result.ranks).toEqual([{ imageId: 't1', label: 'D9', rank: Infinity }]);
    expect(result.missingEncodings).toEqual(['g2', 't2']);
    expect(result.report.overall.micro.top30).toBe(0);
  });
});
