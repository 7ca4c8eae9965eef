import { IssueCode } from '../validation';
import { doiEquals, doiUrl, validateDoi } from './doi.value';
import { validateHgncId, validateHgncSymbol } from './hgnc.value';
import { hpoIdFromIri, hpoIri, validateHpoId } from './hpo-id.value';
import { validatePubmedId } from './pubmed-id.value';

const bad = (code: IssueCode) => ({ ok: false, issues: [expect.objectContaining({ code })] });

describe('HGNC', () => {
  it.each(['KMT2D', 'NKX2-1', 'MT-ND1', 'HLA-DRB1', 'C9orf72', 'NIPBL'])('accepts the symbol %p', (s) => {
    expect(validateHgncSymbol(s)).toEqual({ ok: true, value: s });
  });
  it.each([['kmt2d'], ['2KMT'], ['KMT 2D'], ['']])('refuses the symbol %p', (s) => {
    expect(validateHgncSymbol(s).ok).toBe(false);
  });
  it('ids', () => {
    expect(validateHgncId('HGNC:7133')).toEqual({ ok: true, value: 'HGNC:7133' });
    expect(validateHgncId('hgnc:28862')).toEqual({ ok: true, value: 'HGNC:28862' });
    expect(validateHgncId(7133)).toEqual({ ok: true, value: 'HGNC:7133' });
    expect(validateHgncId('HGNC:0')).toEqual(bad(IssueCode.INVALID_FORMAT));
    expect(validateHgncId('ENSG00000167548')).toEqual(bad(IssueCode.INVALID_FORMAT));
  });
});

describe('HPO id', () => {
  it('accepts and normalises', () => {
    expect(validateHpoId('HP:0001250')).toEqual({ ok: true, value: 'HP:0001250' });
    expect(validateHpoId('HP_0000664')).toEqual({ ok: true, value: 'HP:0000664' });
    expect(validateHpoId('http://purl.obolibrary.org/obo/HP_0000118')).toEqual({ ok: true, value: 'HP:0000118' });
    expect(hpoIdFromIri('http://purl.obolibrary.org/obo/MONDO_0000001')).toBeUndefined();
    expect(hpoIri('HP:0001250')).toBe('http://purl.obolibrary.org/obo/HP_0001250');
  });
  it.each(['HP:001250', 'HP:00012500', 'HPO:0001250', 'HP0001250', ''])('refuses %p', (s) => {
    expect(validateHpoId(s)).toEqual(bad(IssueCode.INVALID_FORMAT));
  });
});

describe('DOI', () => {
  it.each([
    ['10.1038/s41431-020-00771-z', '10.1038/s41431-020-00771-z'],
    ['https://doi.org/10.1038/S41431-020-00771-Z', '10.1038/s41431-020-00771-z'],
    ['doi:10.82433/B09Z-4K37', '10.82433/b09z-4k37'],
    ['https://dx.doi.org/10.1016/j.ajhg.2019.06.011', '10.1016/j.ajhg.2019.06.011'],
    ['10.1002/(SICI)1097-4636(199706)', '10.1002/(sici)1097-4636(199706)'],
  ])('accepts %p', (input, value) => expect(validateDoi(input)).toEqual({ ok: true, value }));
  it.each(['11.1038/abc', '10.12/abc', '10.1038/', '10.1038 /abc', 'doi.org/10.1038', ''])('refuses %p', (s) => {
    expect(validateDoi(s)).toEqual(bad(IssueCode.INVALID_FORMAT));
  });
  it('compares and links', () => {
    expect(doiEquals('10.82433/B09Z-4K37', 'https://doi.org/10.82433/b09z-4k37')).toBe(true);
    expect(doiEquals('10.82433/b09z-4k37', '10.82433/b09z-4k38')).toBe(false);
    expect(doiUrl('10.82433/b09z-4k37')).toBe('https://doi.org/10.82433/b09z-4k37');
  });
});

describe('PubMed id', () => {
  it.each([[31234567, 31234567], ['31234567', 31234567], ['PMID:31234567', 31234567], ['pmid 1', 1]])('accepts %p', (input, value) => {
    expect(validatePubmedId(input)).toEqual({ ok: true, value });
  });
  it.each([[0, IssueCode.OUT_OF_RANGE], [-5, IssueCode.OUT_OF_RANGE], [1.5, IssueCode.INVALID_FORMAT], ['PMC123', IssueCode.INVALID_FORMAT], [true, IssueCode.INVALID_TYPE]])(
    'refuses %p',
    (input, code) => expect(validatePubmedId(input)).toEqual(bad(code)),
  );
});
