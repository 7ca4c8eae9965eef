import { ErrorCode } from '@gmdb/domain';
import { decodeBase64Content } from './base64-content';

describe('decodeBase64Content', () => {
  it('decodes standard base64, line breaks allowed', () => {
    expect(decodeBase64Content('aGVs\nbG8=', 'c', 100).toString()).toBe('hello');
  });
  it.each([
    ['not base64 at all', 'this is *not* base64!'],
    ['a data URL', 'data:image/png;base64,aGVsbG8='],
    ['base64url', 'aGVsbG8_-A=='],
    ['missing padding', 'aGVsbG8'],
    ['empty', '   '],
  ])('refuses %s with the field path', (_name, input) => {
    expect(() => decodeBase64Content(input, 'contentBase64', 100)).toThrow(
      expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED, details: { issues: [expect.objectContaining({ path: 'contentBase64' })] } }),
    );
  });
  it('refuses a number and a missing value', () => {
    expect(() => decodeBase64Content(42, 'c', 10)).toThrow(expect.objectContaining({ details: { issues: [expect.objectContaining({ code: 'INVALID_TYPE' })] } }));
    expect(() => decodeBase64Content(undefined, 'c', 10)).toThrow(expect.objectContaining({ details: { issues: [expect.objectContaining({ code: 'REQUIRED' })] } }));
  });
  it('answers 413 by the decoded size, before decoding', () => {
    expect(() => decodeBase64Content('A'.repeat(400), 'c', 299)).toThrow(expect.objectContaining({ code: ErrorCode.PAYLOAD_TOO_LARGE }));
    expect(decodeBase64Content('A'.repeat(400), 'c', 300)).toHaveLength(300);
  });
});
