import { parseCohortComparisonResult } from './cohort-comparison-result';

const good = {
  withinA: 0.2,
  withinB: 0.3,
  between: 0.5,
  statistic: 0.25,
  pValue: 0.01,
  permutations: 1000,
  sizes: { a: 3, b: 4 },
  missing: { a: ['i9'], b: [] },
  modelVersion: 'gm@1',
  slots: 3,
  generatedWeights: false,
};

describe('parseCohortComparisonResult', () => {
  it('reads the worker document and drops unknown fields', () => {
    expect(parseCohortComparisonResult(JSON.stringify({ ...good, comparisonId: 'x', notice: 'n' }))).toEqual(good);
  });

  it.each([
    ['a p-value outside [0, 1]', { pValue: 1.5 }],
    ['a non-number distance', { between: 'far' }],
    ['sizes without b', { sizes: { a: 1 } }],
    ['missing ids that are not strings', { missing: { a: [1], b: [] } }],
    ['no model version', { modelVersion: '' }],
  ])('refuses %s', (_, change) => {
    expect(() => parseCohortComparisonResult(JSON.stringify({ ...good, ...change }))).toThrow();
  });
});
