import { IssueCode } from '../validation';
import { orcidCheckDigit, validateOrcid } from './orcid.value';

describe('validateOrcid', () => {
  it.each([
    ['0000-0002-1825-0097', '0000-0002-1825-0097'],
    ['0000-0001-5109-3700', '0000-0001-5109-3700'],
    ['0000-0002-9079-593X', '0000-0002-9079-593X'],
    ['0000-0002-1694-233x', '0000-0002-1694-233X'],
    ['https://orcid.org/0000-0002-1825-0097', '0000-0002-1825-0097'],
    ['000000021825 0097'.replace(' ', ''), '0000-0002-1825-0097'],
  ])('accepts %p', (input, id) => {
    expect(validateOrcid(input)).toEqual({ ok: true, value: { id, uri: `https://orcid.org/${id}` } });
  });

  it.each(['0000-0002-1825-0098', '0000-0001-5109-3701', '0000-0002-9079-5930', '0000-0002-1825-009X'])(
    'refuses the wrong check digit of %p',
    (input) => {
      expect(validateOrcid(input, 'orcid')).toMatchObject({ ok: false, issues: [{ path: 'orcid', code: IssueCode.CHECKSUM_MISMATCH }] });
    },
  );

  it.each(['0000-0002-1825', '0000-0002-1825-00977', 'abcd-0002-1825-0097', '', 'http://example.org/0000-0002-1825-0097'])(
    'refuses the format %p',
    (input) => {
      expect(validateOrcid(input)).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_FORMAT }] });
    },
  );

  it('computes the MOD 11-2 check digit', () => {
    expect(orcidCheckDigit('000000021825009')).toBe('7');
    expect(orcidCheckDigit('000000029079593')).toBe('X');
    expect(validateOrcid(97)).toMatchObject({ ok: false, issues: [{ code: IssueCode.INVALID_TYPE }] });
  });
});
