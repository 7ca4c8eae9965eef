import { IssueCode } from '../validation';
import { validateAge } from './age.value';

describe('validateAge', () => {
  it.each([
    ['P2Y3M', 'P2Y3M', 2, 3, 0],
    ['p10d', 'P10D', 0, 0, 10],
    ['P3W', 'P21D', 0, 0, 21],
    ['P18M', 'P1Y6M', 1, 6, 0],
    ['P0D', 'P0D', 0, 0, 0],
    ['P120Y', 'P120Y', 120, 0, 0],
  ])('accepts the duration %p', (input, iso, years, months, days) => {
    expect(validateAge(input)).toMatchObject({ ok: true, value: { iso, years, months, days } });
  });

  it('accepts { years, months, days }', () => {
    expect(validateAge({ years: 4, months: 6 })).toMatchObject({ ok: true, value: { iso: 'P4Y6M' } });
    expect(validateAge({ days: 3 })).toMatchObject({ ok: true, value: { iso: 'P3D', totalDays: 3 } });
  });

  it.each([
    ['P', IssueCode.INVALID_FORMAT],
    ['P-1Y', IssueCode.INVALID_FORMAT],
    ['P1.5Y', IssueCode.INVALID_FORMAT],
    ['PT3H', IssueCode.INVALID_FORMAT],
    ['2 years', IssueCode.INVALID_FORMAT],
    ['P121Y', IssueCode.OUT_OF_RANGE],
    ['P119Y13M', IssueCode.OUT_OF_RANGE],
  ])('refuses the duration %p', (input, code) => {
    expect(validateAge(input, 'age')).toMatchObject({ ok: false, issues: [{ path: 'age', code }] });
  });

  it('refuses bad objects with every issue', () => {
    const r = validateAge({ years: -1, months: 1.5, weeks: 2 }, 'age');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['age.weeks', IssueCode.UNKNOWN_FIELD],
      ['age.years', IssueCode.OUT_OF_RANGE],
      ['age.months', IssueCode.INVALID_FORMAT],
    ]);
    expect(validateAge({}, 'age')).toMatchObject({ ok: false, issues: [{ code: IssueCode.REQUIRED }] });
    expect(validateAge({ years: 200 }, 'age')).toMatchObject({ ok: false, issues: [{ code: IssueCode.OUT_OF_RANGE }] });
    expect(validateAge(5, 'age')).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_TYPE }] });
  });
});
