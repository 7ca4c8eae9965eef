/** The photo formats GMDB accepts, recognised by their first bytes (never by name or declared type). */
export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'tiff';

/** Document formats (letters, lab reports): a PDF or a photo of the page. */
export type DocumentFormat = 'pdf' | 'jpeg' | 'png';

export const PHOTO_CONTENT_TYPES: Readonly<Record<PhotoFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tiff: 'image/tiff',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

/** The photo format of `bytes` by magic number, or null for anything else (GIF, PDF, SVG, HTML, ZIP, text...). */
export function detectPhotoFormat(bytes: Uint8Array): PhotoFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return null;
}

/** PDF, JPEG or PNG by magic number, or null. */
export function detectDocumentFormat(bytes: Uint8Array): DocumentFormat | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  const photo = detectPhotoFormat(bytes);
  return photo === 'jpeg' || photo === 'png' ? photo : null;
}
