import { DomainError, ErrorCode } from '@gmdb/domain';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function invalid(path: string, message: string): DomainError {
  return DomainError.validation([{ path, code: 'INVALID_FORMAT', message }]);
}

/**
 * Decodes standard base64 (RFC 4648, padding required, line breaks allowed) strictly: Node's
 * decoder silently skips bad characters, so the text is checked first. The decoded size is
 * computed before decoding: too large answers 413 without allocating the bytes.
 */
export function decodeBase64Content(input: unknown, path: string, maxBytes: number): Buffer {
  if (typeof input !== 'string') {
    throw DomainError.validation([
      { path, code: input === undefined || input === null ? 'REQUIRED' : 'INVALID_TYPE', message: 'A base64 string is required' },
    ]);
  }
  const text = input.replace(/[\r\n\t ]/g, '');
  if (text.length === 0) throw invalid(path, 'The content is empty');
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw invalid(path, 'Not valid base64 (standard alphabet, with padding)');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const size = (text.length / 4) * 3 - padding;
  if (size > maxBytes) {
    throw new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `The file is larger than ${maxBytes} bytes`, {
      issues: [{ path, code: 'TOO_LARGE', message: `At most ${maxBytes} bytes` }],
    });
  }
  return Buffer.from(text, 'base64');
}
