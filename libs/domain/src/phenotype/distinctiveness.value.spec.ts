import { IssueCode } from '../validation';
import { Distinctiveness, validateDistinctiveness } from './distinctiveness.value';

describe('validateDistinctiveness', () => {
  it.each([1, 2, 3])('accepts %p', (n) => expect(validateDistinctiveness(n)).toEqual({ ok: true, value: n }));
  it('names the levels', () => expect(Distinctiveness.Key).toBe(3));
  it.each([[0], [4], [2.5], [-1]])('refuses %p', (n) => {
    expect(validateDistinctiveness(n, 'd')).toMatchObject({ ok: false, issues: [{ path: 'd', code: IssueCode.OUT_OF_RANGE }] });
  });
  it.each([['2'], [null], [true]])('refuses the type of %p', (n) => {
    expect(validateDistinctiveness(n)).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_TYPE }] });
  });
});
