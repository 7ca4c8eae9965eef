import sharp from 'sharp';
import { ErrorCode } from '@gmdb/domain';
import {
  PRIVATE_TEXT,
  cmykJpeg,
  fixturePhoto,
  impostors,
  jpegWithHugeExif,
  png16Bit,
  pngDeclaring,
  rotatedJpeg,
  truncatedJpeg,
} from '../testing/hostile-photos.fixture';
import { PhotoNormalizer } from './photo-normalizer';

const normalizer = new PhotoNormalizer({ maxPixels: 50_000_000, thumbnailSize: 256 });

async function expectCode(input: Buffer, code: ErrorCode) {
  await expect(normalizer.normalize(input)).rejects.toMatchObject({ code, details: { issues: [{ path: 'file' }] } });
}

describe('PhotoNormalizer', () => {
  it('keeps a real JPEG as JPEG and a PNG as PNG, with a 256 px JPEG thumbnail', async () => {
    const jpeg = await normalizer.normalize(fixturePhoto('2008_002506.jpg'));
    expect(jpeg).toMatchObject({ contentType: 'image/jpeg', sourceFormat: 'jpeg' });
    expect(jpeg.sha256).toMatch(/^[0-9a-f]{64}$/);
    const png = await normalizer.normalize(fixturePhoto('astronaut.png'));
    expect(png).toMatchObject({ contentType: 'image/png', width: 512, height: 512 });
    expect(png.thumbnail).toMatchObject({ contentType: 'image/jpeg', width: 256, height: 256 });
  });

  it('is deterministic (the duplicate check relies on it)', async () => {
    const a = await normalizer.normalize(fixturePhoto('coffee.png'));
    const b = await normalizer.normalize(fixturePhoto('coffee.png'));
    expect(a.sha256).toBe(b.sha256);
  });

  it('applies EXIF orientation and strips every metadata block', async () => {
    const photo = await normalizer.normalize(await jpegWithHugeExif());
    expect([photo.width, photo.height]).toEqual([20, 40]);
    const meta = await sharp(photo.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(photo.bytes.includes(PRIVATE_TEXT)).toBe(false);
    expect(photo.bytes.length).toBeLessThan(10_000);
  });

  it('stores a rotated photo upright, width and height swapped', async () => {
    expect(await normalizer.normalize(await rotatedJpeg())).toMatchObject({ width: 400, height: 600 });
  });

  it('normalises CMYK and 16-bit input to 8-bit sRGB', async () => {
    for (const input of [await cmykJpeg(), await png16Bit()]) {
      const meta = await sharp((await normalizer.normalize(input)).bytes).metadata();
      expect({ space: meta.space, depth: meta.depth, channels: meta.channels }).toEqual({ space: 'srgb', depth: 'uchar', channels: 3 });
    }
  });

  it('refuses a header declaring 50,000 x 50,000 pixels before decoding', async () => {
    await expectCode(pngDeclaring(50_000, 50_000), ErrorCode.IMAGE_TOO_LARGE);
  });

  it('refuses empty, truncated and impostor files with stable codes', async () => {
    await expectCode(Buffer.alloc(0), ErrorCode.IMAGE_EMPTY);
    await expectCode(await truncatedJpeg(), ErrorCode.IMAGE_UNDECODABLE);
    await expectCode(Buffer.from([0xff, 0xd8, 0xff]), ErrorCode.IMAGE_UNDECODABLE);
    for (const bytes of Object.values(await impostors())) await expectCode(bytes, ErrorCode.IMAGE_UNSUPPORTED_FORMAT);
  });
});
