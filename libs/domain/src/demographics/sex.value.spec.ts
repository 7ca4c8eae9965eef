import { IssueCode } from '../validation';
import { Sex, toMmeSex, toPhenopacketSex, validateSex } from './sex.value';

describe('validateSex', () => {
  it.each([
    ['female', Sex.Female],
    ['MALE', Sex.Male],
    [' other ', Sex.Other],
    ['unknown', Sex.Unknown],
    ['UNKNOWN_SEX', Sex.Unknown],
    ['OTHER_SEX', Sex.Other],
  ])('accepts %p', (input, expected) => {
    expect(validateSex(input, 'sex')).toEqual({ ok: true, value: expected });
  });

  it.each([['f'], ['woman'], [''], ['intersex']])('refuses %p', (input) => {
    expect(validateSex(input, 'sex')).toMatchObject({ ok: false, issues: [{ path: 'sex', code: IssueCode.UNKNOWN_VALUE }] });
  });

  it('refuses non-strings', () => {
    expect(validateSex(1, 'sex')).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_TYPE }] });
  });

  it('maps to Phenopackets and MME', () => {
    expect(toPhenopacketSex(Sex.Other)).toBe('OTHER_SEX');
    expect(toMmeSex(Sex.Unknown)).toBeUndefined();
    expect(toMmeSex(Sex.Female)).toBe('FEMALE');
  });
});
