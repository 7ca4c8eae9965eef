import { GENERATED_WEIGHTS_NOTICE, type Ranking } from '@gmdb/ml';
import { buildAnalysisResult } from './analysis-result.builder';

const ranking: Ranking = {
  images: [],
  disorders: [
    { id: 'OMIM:1', distance: 0.1234567891, gestaltScore: 1.177, nearestImageId: 'i1' },
    { id: 'OMIM:2', distance: 0.5, gestaltScore: 0.8, nearestImageId: 'i2' },
  ],
  genes: [{ id: 'NIPBL', distance: 0.1234567891, gestaltScore: 1.177, nearestImageId: 'i1' }],
  patients: [{ id: 'case-1', distance: 0.1234567891, gestaltScore: 1.177, nearestImageId: 'i1' }],
  galleryImages: 2,
};

describe('buildAnalysisResult', () => {
  const input = {
    analysisId: 'a1',
    ranking,
    modelVersion: 'v1',
    models: [{ id: 'm0', arch: 'r50', version: '1' }],
    slots: 3,
    weightsAreGenerated: true,
    face: { x: 1, y: 2, width: 3, height: 4, score: 0.9 },
    now: new Date('2026-01-01T00:00:00Z'),
  };

  it('writes the shape case-service reads: ranks from 1, ids, distances, gestalt scores, the notice for generated weights', () => {
    const r = buildAnalysisResult(input);
    expect(r.disorders).toEqual([
      { rank: 1, disorderId: 'OMIM:1', distance: 0.123457, gestaltScore: 1.177 },
      { rank: 2, disorderId: 'OMIM:2', distance: 0.5, gestaltScore: 0.8 },
    ]);
    expect(r.genes).toEqual([{ rank: 1, symbol: 'NIPBL', distance: 0.123457, gestaltScore: 1.177 }]);
    expect(r.patients).toEqual([{ rank: 1, caseId: 'case-1', imageId: 'i1', distance: 0.123457, gestaltScore: 1.177 }]);
    expect(r).toMatchObject({ modelVersion: 'v1', slots: 3, generatedWeights: true, notice: GENERATED_WEIGHTS_NOTICE, galleryImages: 2, completedAt: '2026-01-01T00:00:00.000Z' });
    expect('requestedSlots' in r).toBe(false);
  });

  it('trained weights carry no notice; a different requested slot count is reported', () => {
    const r = buildAnalysisResult({ ...input, weightsAreGenerated: false, requestedSlots: 12 });
    expect(r.generatedWeights).toBe(false);
    expect(r.notice).toBeUndefined();
    expect(r.requestedSlots).toBe(12);
  });
});
