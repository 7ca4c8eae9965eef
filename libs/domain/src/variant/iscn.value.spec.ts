import { IssueCode } from '../validation';
import { validateIscn } from './iscn.value';

describe('validateIscn', () => {
  it.each([
    '46,XY',
    '46,XX,del(5)(p15.2)',
    '46,XY,del(6)(q23q24)',
    '47,XX,+21',
    '47,XY,+21[20]/46,XY[5]',
    '46,XX,t(11;22)(q23;q11.2)',
    '45,XX,rob(13;14)(q10;q10)',
    '46,XY,dup(7)(q11.23q11.23)dn',
    '46,XX,inv(9)(p12q13)pat',
    '45,X',
    'mos 45,X[12]/46,XX[8]',
    'arr[GRCh38] 22q11.21(18648856_21800471)x1',
    'arr[GRCh37] 7q11.23(72718277_74143240)x1 dn',
    'arr(1-22,X)x2',
  ])('accepts %p', (input) => expect(validateIscn(input).ok).toBe(true));

  it.each([
    '46,XY,del(5)(p15.2',
    '46,XY,del(23)(p15.2)',
    '46,XY,foo(5)(p15.2)',
    '4,XY',
    '46,XZ',
    '46,XY,,+21',
    '46,XY,t(11;22)(q23)',
    'arr[GRCh99] 22q11.21(18648856_21800471)x1',
    'arr[GRCh38] 22q11.21(21800471_18648856)x1',
    'arr[GRCh38]',
    'NM_000546.6:c.215C>G',
  ])('refuses %p', (input) => {
    expect(validateIscn(input, 'iscn')).toMatchObject({ ok: false, issues: [{ path: 'iscn', code: IssueCode.ISCN_SYNTAX }] });
  });

  it('returns the kind and build', () => {
    expect(validateIscn(' arr[GRCh38] 22q11.21(18648856_21800471)x1 ')).toEqual({
      ok: true,
      value: { expression: 'arr[GRCh38] 22q11.21(18648856_21800471)x1', kind: 'microarray', build: 'GRCh38' },
    });
    expect(validateIscn('')).toMatchObject({ ok: false, issues: [{ code: IssueCode.REQUIRED }] });
  });
});
