import { IssueCode } from '../validation';
import { AncestryGroup, validateAncestryGroup, validateAncestryList, validateCountryCode } from './ancestry.value';

describe('ancestry', () => {
  it('accepts groups by key or HANCESTRO id', () => {
    expect(validateAncestryGroup('european')).toEqual({ ok: true, value: AncestryGroup.European });
    expect(validateAncestryGroup('HANCESTRO:0010')).toEqual({ ok: true, value: AncestryGroup.African });
    expect(validateAncestryGroup('martian')).toMatchObject({ ok: false, issues: [{ code: IssueCode.UNKNOWN_VALUE }] });
  });

  it('checks ISO 3166-1 alpha-2 codes', () => {
    expect(validateCountryCode('de')).toEqual({ ok: true, value: 'DE' });
    expect(validateCountryCode('XK')).toMatchObject({ ok: false, issues: [{ code: IssueCode.UNKNOWN_VALUE }] });
    expect(validateCountryCode('DEU')).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_FORMAT }] });
  });

  it('reads mixed ancestry and maps to HANCESTRO', () => {
    const r = validateAncestryList(
      [
        { group: 'european', countries: ['DE', 'pl', 'DE'] },
        { group: 'HANCESTRO:0015', countries: ['TR'] },
      ],
      'ancestry',
    );
    expect(r).toEqual({
      ok: true,
      value: [
        { group: 'european', hancestroId: 'HANCESTRO:0005', countries: ['DE', 'PL'] },
        { group: 'greater-middle-eastern', hancestroId: 'HANCESTRO:0015', countries: ['TR'] },
      ],
    });
  });

  it('reports bad entries with paths', () => {
    const r = validateAncestryList([{ group: 'european', countries: ['ZZ'] }, { countries: [], x: 1 }, { group: 'european' }], 'ancestry');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.code])).toEqual([
      ['ancestry[0].countries[0]', IssueCode.UNKNOWN_VALUE],
      ['ancestry[1].group', IssueCode.REQUIRED],
      ['ancestry[1].x', IssueCode.UNKNOWN_FIELD],
    ]);
    expect(validateAncestryList([{ group: 'asian' }, { group: 'asian' }], 'a')).toMatchObject({
      ok: false,
      issues: [{ path: 'a[1].group', code: IssueCode.DUPLICATE }],
    });
  });
});
