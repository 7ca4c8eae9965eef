import { DomainError } from '../errors';
import { IssueCode } from './issue-code';
import { booleanValue, enumValue, integerValue, sha256Value, stringValue, timestampValue } from './primitives';
import { fail, mapValid, unwrapValid, valid } from './validation-result';

const code = (r: { ok: boolean; issues?: { code: string }[] }) => (r.ok ? 'OK' : r.issues?.[0].code);

describe('primitives', () => {
  it('strings', () => {
    const s = stringValue({ maxLength: 4, pattern: /^[a-z]+$/ });
    expect(s(' abc ', '')).toEqual(valid('abc'));
    expect(code(s('', ''))).toBe(IssueCode.REQUIRED);
    expect(code(s('abcde', ''))).toBe(IssueCode.OUT_OF_RANGE);
    expect(code(s('AB', ''))).toBe(IssueCode.INVALID_FORMAT);
    expect(code(s(1, ''))).toBe(IssueCode.INVALID_TYPE);
  });

  it('integers, booleans, enums', () => {
    const i = integerValue({ min: 1, max: 3 });
    expect(i(2, '')).toEqual(valid(2));
    expect(code(i(4, ''))).toBe(IssueCode.OUT_OF_RANGE);
    expect(code(i(1.5, ''))).toBe(IssueCode.INVALID_FORMAT);
    expect(code(i('2', ''))).toBe(IssueCode.INVALID_TYPE);
    expect(booleanValue(false, '')).toEqual(valid(false));
    expect(code(booleanValue('true', ''))).toBe(IssueCode.INVALID_TYPE);
    expect(enumValue(['a', 'b'])('b', '')).toEqual(valid('b'));
    expect(code(enumValue(['a', 'b'])('c', ''))).toBe(IssueCode.UNKNOWN_VALUE);
  });

  it('timestamps and digests', () => {
    expect(timestampValue('2025-01-31T12:00:00Z', '').ok).toBe(true);
    expect(timestampValue('2025-01-31T12:00:00.123+02:00', '').ok).toBe(true);
    expect(code(timestampValue('2025-01-31', ''))).toBe(IssueCode.INVALID_FORMAT);
    expect(code(timestampValue('2025-13-45T12:00:00Z', ''))).toBe(IssueCode.INVALID_FORMAT);
    expect(sha256Value('A'.repeat(64), '')).toEqual(valid('a'.repeat(64)));
    expect(code(sha256Value('abc', ''))).toBe(IssueCode.INVALID_FORMAT);
  });

  it('results', () => {
    expect(mapValid(valid(2), (x) => x * 2)).toEqual(valid(4));
    expect(unwrapValid(valid(1))).toBe(1);
    expect(() => unwrapValid(fail('a', IssueCode.REQUIRED, 'Required'))).toThrow(DomainError);
  });
});
