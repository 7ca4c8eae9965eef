import { DomainError, ErrorCode } from '@gmdb/domain';

/** The formats a scan of a signed paper form may have, recognised by their first bytes. */
const FORMATS: { contentType: string; magic: number[] }[] = [
  { contentType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { contentType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { contentType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The content type of a scan from its bytes (the declared type is not trusted). */
export function scanContentType(bytes: Buffer | undefined, maxBytes: number): string {
  if (!bytes || bytes.length === 0) {
    throw DomainError.validation([{ path: 'scan', code: 'REQUIRED', message: 'Attach the scan of the signed form as the "scan" file' }]);
  }
  if (bytes.length > maxBytes) throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `The scan must be at most ${maxBytes} bytes`);
  const format = FORMATS.find((f) => f.magic.every((b, i) => bytes[i] === b));
  if (!format) throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'The scan must be a PDF, JPEG or PNG file');
  return format.contentType;
}
