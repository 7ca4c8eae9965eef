import { IssueCode } from '../validation';
import { toMmeDisorderId, validateDisorderId, validateMondoId, validateOmimId, validateOrphanetId } from './disorder-id.value';

describe('disorder ids', () => {
  it.each([
    ['OMIM:164400', 'OMIM:164400'],
    ['MIM:122470', 'OMIM:122470'],
    ['#300615', 'OMIM:300615'],
    ['610253', 'OMIM:610253'],
    ['omim:147920', 'OMIM:147920'],
  ])('OMIM accepts %p', (input, value) => expect(validateOmimId(input)).toEqual({ ok: true, value }));

  it.each([
    ['OMIM:16440', IssueCode.INVALID_FORMAT],
    ['OMIM:1644000', IssueCode.INVALID_FORMAT],
    ['OMIM:PS164400', IssueCode.INVALID_FORMAT],
    ['OMIM:764400', IssueCode.OUT_OF_RANGE],
    ['OMIM:064400', IssueCode.OUT_OF_RANGE],
    ['HP:0001250', IssueCode.INVALID_FORMAT],
  ])('OMIM refuses %p', (input, code) => expect(validateOmimId(input, 'd')).toMatchObject({ ok: false, issues: [{ path: 'd', code }] }));

  it('MONDO and Orphanet', () => {
    expect(validateMondoId('MONDO:0007947')).toEqual({ ok: true, value: 'MONDO:0007947' });
    expect(validateMondoId('mondo_0007947')).toEqual({ ok: true, value: 'MONDO:0007947' });
    expect(validateMondoId('MONDO:794')).toMatchObject({ ok: false });
    expect(validateOrphanetId('ORPHA:558')).toEqual({ ok: true, value: 'ORPHA:558' });
    expect(validateOrphanetId('Orphanet:199')).toEqual({ ok: true, value: 'ORPHA:199' });
    expect(validateOrphanetId('ORPHA:0558')).toMatchObject({ ok: false });
    expect(validateOrphanetId('ORPHA:')).toMatchObject({ ok: false });
  });

  it('tells the vocabularies apart and maps to MME', () => {
    expect(validateDisorderId('MONDO:0007947')).toEqual({ ok: true, value: 'MONDO:0007947' });
    expect(validateDisorderId('Orphanet:558')).toEqual({ ok: true, value: 'ORPHA:558' });
    expect(validateDisorderId('164400')).toEqual({ ok: true, value: 'OMIM:164400' });
    expect(validateDisorderId(164400)).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_TYPE }] });
    expect(toMmeDisorderId('OMIM:164400')).toBe('MIM:164400');
    expect(toMmeDisorderId('ORPHA:558')).toBe('Orphanet:558');
  });
});
