import { IssueCode } from '../validation';
import { TestMethod, validateTestMethod } from './test-method.value';
import { Zygosity, toMmeZygosity, validateZygosity } from './zygosity.value';

describe('zygosity', () => {
  it.each([
    ['GENO:0000135', Zygosity.Heterozygous],
    ['GENO_0000136', Zygosity.Homozygous],
    ['hemizygous', Zygosity.Hemizygous],
    ['compound-heterozygous', Zygosity.CompoundHeterozygous],
    ['unspecified', Zygosity.Unspecified],
    ['GENO:0000603', Zygosity.Heteroplasmic],
  ])('accepts %p', (input, value) => expect(validateZygosity(input)).toEqual({ ok: true, value }));
  it.each(['GENO:0000999', 'het', ''])('refuses %p', (input) => {
    expect(validateZygosity(input, 'z')).toMatchObject({ ok: false, issues: [{ path: 'z', code: IssueCode.UNKNOWN_VALUE }] });
  });
  it('maps to MME', () => {
    expect(toMmeZygosity(Zygosity.Heterozygous)).toBe(1);
    expect(toMmeZygosity(Zygosity.Hemizygous)).toBe(1);
    expect(toMmeZygosity(Zygosity.Homozygous)).toBe(2);
    expect(toMmeZygosity(Zygosity.Unspecified)).toBeUndefined();
  });
});

describe('test method', () => {
  it('accepts the closed list', () => {
    expect(validateTestMethod('Exome')).toEqual({ ok: true, value: TestMethod.Exome });
    expect(validateTestMethod('chromosomal-microarray')).toEqual({ ok: true, value: TestMethod.ChromosomalMicroarray });
  });
  it.each(['wes', 'sanger', '', 3])('refuses %p', (input) => expect(validateTestMethod(input).ok).toBe(false));
});
