import { ErrorCode } from '@gmdb/domain';
import { scanContentType } from './scan-file';

describe('scanContentType', () => {
  it('recognises PDF, JPEG and PNG by their first bytes', () => {
    expect(scanContentType(Buffer.from('%PDF-1.7 ...'), 1000)).toBe('application/pdf');
    expect(scanContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 1000)).toBe('image/jpeg');
    expect(scanContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 1000)).toBe('image/png');
  });

  it('refuses a missing, oversized or unknown file with its code', () => {
    expect(() => scanContentType(undefined, 1000)).toThrow(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
    expect(() => scanContentType(Buffer.alloc(2000, 0x25), 1000)).toThrow(expect.objectContaining({ code: ErrorCode.PAYLOAD_TOO_LARGE }));
    expect(() => scanContentType(Buffer.from('GIF89a'), 1000)).toThrow(expect.objectContaining({ code: ErrorCode.UNSUPPORTED_MEDIA_TYPE }));
  });
});
