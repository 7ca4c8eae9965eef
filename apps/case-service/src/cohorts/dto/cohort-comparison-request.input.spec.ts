import { DomainError } from '@gmdb/domain';
import { parseCohortComparisonRequest } from './cohort-comparison-request.input';

const issuesOf = (body: unknown): string[][] => {
  try {
    parseCohortComparisonRequest(body);
    return [];
  } catch (e) {
    const issues = (e as DomainError).details?.['issues'] as { path: string; code: string }[];
    return issues.map((i) => [i.path, i.code]);
  }
};

describe('parseCohortComparisonRequest', () => {
  it('defaults permutations to 1000', () => {
    expect(parseCohortComparisonRequest({ caseIdsA: ['a'], caseIdsB: ['b'] })).toEqual({ caseIdsA: ['a'], caseIdsB: ['b'], permutations: 1000 });
  });

  it('reports every problem with its path', () => {
    expect(issuesOf({ caseIdsA: ['a', 'a'], caseIdsB: ['b', 'a'], permutations: 0 })).toEqual([
      ['permutations', 'OUT_OF_RANGE'],
      ['caseIdsA[1]', 'DUPLICATE'],
      ['caseIdsB[1]', 'CONFLICT'],
    ]);
    expect(issuesOf({ caseIdsA: 'a' })).toEqual([
      ['caseIdsA', 'INVALID_TYPE'],
      ['caseIdsB', 'REQUIRED'],
    ]);
  });
});
