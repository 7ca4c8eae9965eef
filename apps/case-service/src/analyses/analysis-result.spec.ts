import { parseAnalysisResult } from './analysis-result';

const result = {
  modelVersion: 'gm-r50-r100@generated',
  slots: 3,
  generatedWeights: true,
  disorders: [{ rank: 1, disorderId: 'OMIM:194050', name: 'Williams-Beuren syndrome', distance: 0.41, gestaltScore: 0.59, extra: 1 }],
  genes: [{ rank: 1, symbol: 'ELN', distance: 0.41, gestaltScore: 0.59 }],
  patients: [{ rank: 1, caseId: 'c1', imageId: 'i1', distance: 0.41, gestaltScore: 0.59 }],
};

describe('parseAnalysisResult', () => {
  it('reads the documented shape and drops unknown fields', () => {
    const parsed = parseAnalysisResult(JSON.stringify(result));
    expect(parsed.disorders[0]).toEqual({ rank: 1, disorderId: 'OMIM:194050', name: 'Williams-Beuren syndrome', distance: 0.41, gestaltScore: 0.59 });
    expect(parsed).toMatchObject({ generatedWeights: true, slots: 3, genes: [{ symbol: 'ELN' }], patients: [{ caseId: 'c1' }] });
  });
  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['no model version', JSON.stringify({ ...result, modelVersion: undefined })],
    ['a bad distance', JSON.stringify({ ...result, genes: [{ rank: 1, symbol: 'ELN', distance: 'near', gestaltScore: 1 }] })],
    ['a patient without case', JSON.stringify({ ...result, patients: [{ rank: 1, imageId: 'i', distance: 0, gestaltScore: 1 }] })],
  ])('refuses %s', (_name, raw) => expect(() => parseAnalysisResult(raw)).toThrow());
});
