import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** Real photos of libs/ml/fixtures/images (public test images, no patients). */
export function fixturePhoto(name: 'astronaut.png' | 'coffee.png' | 'chelsea.png' | '2008_002506.jpg'): Buffer {
  return readFileSync(join(__dirname, '../../../../../libs/ml/fixtures/images', name));
}

/** A plain synthetic photo (distinct per `seed`, so duplicates are only made on purpose). */
export function plainJpeg(seed = 1, width = 320, height = 240): Promise<Buffer> {
  const background = { r: (seed * 53) % 256, g: (seed * 97) % 256, b: (seed * 31) % 256 };
  return sharp({ create: { width, height, channels: 3, background } }).jpeg({ quality: 90 }).toBuffer();
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A tiny valid-looking PNG whose header declares width x height (a decompression bomb's header). */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(4096))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export const PRIVATE_TEXT = 'Patient Jane Roe, Klinik Musterstadt';

/**
 * A 40x20 JPEG stored with EXIF orientation 6 (shown rotated: 20x40), private text in EXIF and a
 * GPS position, plus about 1 MB of extra APPn metadata segments.
 */
export async function jpegWithHugeExif(extraBytes = 1024 * 1024): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#3a6' } })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { ImageDescription: PRIVATE_TEXT, Copyright: PRIVATE_TEXT },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 43/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '7/1 5/1 0/1' },
    })
    .jpeg()
    .toBuffer();
  const segments: Buffer[] = [];
  for (let left = extraBytes; left > 0; left -= 65000) {
    const body = Buffer.alloc(Math.min(65000, left), PRIVATE_TEXT);
    const header = Buffer.from([0xff, 0xeb, 0, 0]); // APP11
    header.writeUInt16BE(body.length + 2, 2);
    segments.push(header, body);
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

/** A JPEG 600x400 that EXIF orientation 6 shows upright as 400x600. */
export function rotatedJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 400, channels: 3, background: '#845' } })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer();
}

export function cmykJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#36a' } }).toColourspace('cmyk').jpeg().toBuffer();
}

export function png16Bit(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: '#a63' } }).toColourspace('rgb16').png().toBuffer();
}

export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await plainJpeg(7, 400, 300);
  return whole.subarray(0, Math.floor(whole.length / 2));
}

export async function gif(): Promise<Buffer> {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).gif().toBuffer();
}

/** Files of other types that someone might rename `photo.jpg`. */
export async function impostors(): Promise<Record<'gif' | 'pdf' | 'svg' | 'html' | 'zip', Buffer>> {
  return {
    gif: await gif(),
    pdf: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
    svg: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
    html: Buffer.from('<!doctype html><html><body><img src=x onerror=alert(1)></body></html>'),
    zip: Buffer.from('504b0304140000000800000000000000000000000000000000000000', 'hex'),
  };
}
