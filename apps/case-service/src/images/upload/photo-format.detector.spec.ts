import { detectDocumentFormat, detectPhotoFormat } from './photo-format.detector';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('detectPhotoFormat', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['png', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13])],
    ['webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['tiff', bytes('II*\0', [8, 0, 0, 0])],
    ['tiff', bytes('MM\0*', [0, 0, 0, 8])],
  ])('recognises %s', (format, input) => expect(detectPhotoFormat(input)).toBe(format));

  it.each([
    ['empty', bytes()],
    ['GIF', bytes('GIF89a')],
    ['PDF', bytes('%PDF-1.7\n')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['HTML', bytes('<!doctype html><html>')],
    ['ZIP', bytes('PK\x03\x04')],
    ['RIFF that is not WebP (WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
    ['a JPEG prefix cut short', bytes([0xff, 0xd8])],
  ])('refuses %s', (_name, input) => expect(detectPhotoFormat(input)).toBeNull());
});

describe('detectDocumentFormat', () => {
  it('accepts PDF, JPEG and PNG only', () => {
    expect(detectDocumentFormat(bytes('%PDF-1.4'))).toBe('pdf');
    expect(detectDocumentFormat(bytes([0xff, 0xd8, 0xff, 0xdb]))).toBe('jpeg');
    expect(detectDocumentFormat(bytes('RIFF', [0, 0, 0, 0], 'WEBP'))).toBeNull();
    expect(detectDocumentFormat(bytes('<html>'))).toBeNull();
  });
});
