import { DomainError } from '@gmdb/domain';
import { parseCaseSearch } from './case-search.query';

const issuesOf = (input: Record<string, unknown>) => {
  try {
    parseCaseSearch(input);
    return [];
  } catch (e) {
    return e instanceof DomainError ? (e.details?.issues ?? []).map((i) => [i.path, i.code]) : ['not a DomainError'];
  }
};

describe('parseCaseSearch', () => {
  it('normalises filters and turns years into day ranges', () => {
    expect(parseCaseSearch({ geneSymbol: 'NIPBL', sex: 'FEMALE', ancestry: 'HANCESTRO:0005', ageMin: '1', ageMax: '1', modality: 'portrait', limit: '5' })).toEqual({
      filter: { geneSymbol: 'NIPBL', sex: 'female', ancestry: 'european', ageMinDays: 365, ageMaxDays: 729 },
      modality: 'portrait',
      after: null,
      limit: 5,
    });
  });

  it('reports each bad argument with its name', () => {
    expect(issuesOf({ sex: 'robot', disorderId: 'OMIM:1', ageMin: '-1', extra: 'x' })).toEqual([
      ['disorderId', 'INVALID_FORMAT'],
      ['sex', 'UNKNOWN_VALUE'],
      ['ageMin', 'INVALID_TYPE'],
      ['extra', 'UNKNOWN_FIELD'],
    ]);
    expect(issuesOf({ ageMin: 10, ageMax: 2 })).toEqual([['ageMin', 'OUT_OF_RANGE']]);
  });
});
