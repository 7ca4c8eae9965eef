import { IssueCode, Validator, describeType, fail, valid } from '../validation';

/** The largest drawn signature accepted, decoded (a canvas PNG is typically 5-50 KB). */
export const SIGNATURE_MAX_BYTES = 200 * 1024;
const SIGNATURE_MAX_SIDE = 4000;

/** A drawn signature, decoded and checked. */
export interface SignatureImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const DATA_URL = /^data:image\/png;base64,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (padding optional) to bytes; undefined when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.replace(/\s+/g, '');
  if (!BASE64.test(clean) || clean.length % 4 === 1) return undefined;
  const body = clean.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of body) {
    buffer = (buffer << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, index);
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]) >>> 0;
}

/**
 * A drawn signature: a PNG as base64, optionally as a `data:image/png;base64,` URL. Checks the
 * PNG signature and IHDR header, the size limit and plausible dimensions; the pixels are not
 * decoded (the image is kept as evidence, never rendered by the server).
 */
export const validateSignatureImage: Validator<SignatureImage> = (input, path) => {
  if (typeof input !== 'string') return fail(path, IssueCode.INVALID_TYPE, `Expected a base64 PNG, got ${describeType(input)}`);
  const text = input.trim().replace(DATA_URL, '');
  if (text === '') return fail(path, IssueCode.REQUIRED, 'The drawn signature is missing');
  if (text.length > Math.ceil(SIGNATURE_MAX_BYTES / 3) * 4 + 8) {
    return fail(path, IssueCode.OUT_OF_RANGE, `The signature image must be at most ${SIGNATURE_MAX_BYTES / 1024} KiB`);
  }
  const bytes = decodeBase64(text);
  if (!bytes) return fail(path, IssueCode.INVALID_FORMAT, 'Must be a base64-encoded PNG image');
  if (bytes.length > SIGNATURE_MAX_BYTES) {
    return fail(path, IssueCode.OUT_OF_RANGE, `The signature image must be at most ${SIGNATURE_MAX_BYTES / 1024} KiB`);
  }
  const isPng = bytes.length >= 33 && PNG_MAGIC.every((b, i) => bytes[i] === b);
  const ihdr = isPng && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
  if (!ihdr) return fail(path, IssueCode.INVALID_FORMAT, 'Must be a PNG image');
  const width = readUint32(bytes, 16);
  const height = readUint32(bytes, 20);
  if (width < 1 || height < 1 || width > SIGNATURE_MAX_SIDE || height > SIGNATURE_MAX_SIDE) {
    return fail(path, IssueCode.OUT_OF_RANGE, `The signature image must be 1..${SIGNATURE_MAX_SIDE} pixels wide and high`);
  }
  return valid({ bytes, width, height });
};
