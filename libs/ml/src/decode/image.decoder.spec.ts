import sharp from 'sharp';
import { ErrorCode } from '@gmdb/domain';
import { fixtureBytes } from '../testing/fixtures';
import { decodeImage, downscale } from './image.decoder';

describe('decodeImage', () => {
  it('decodes PNG and JPEG to RGB', async () => {
    const img = await decodeImage(fixtureBytes('astronaut.png'));
    expect([img.width, img.height, img.data.length]).toEqual([512, 512, 512 * 512 * 3]);
    const jpg = await decodeImage(fixtureBytes('2008_002506.jpg'));
    expect([jpg.width, jpg.height]).toEqual([500, 375]);
  });

  it('expands grayscale and drops alpha; applies EXIF orientation', async () => {
    const gray = await sharp(fixtureBytes('astronaut.png')).grayscale().png().toBuffer();
    const g = await decodeImage(gray);
    expect(g.data.length).toBe(512 * 512 * 3);
    expect(g.data[0]).toBe(g.data[1]);
    const rgba = await sharp({ create: { width: 4, height: 2, channels: 4, background: { r: 10, g: 20, b: 30, alpha: 0.5 } } })
      .png()
      .toBuffer();
    expect((await decodeImage(rgba)).data.length).toBe(4 * 2 * 3);
    const rotated = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#808080' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const r = await decodeImage(rotated);
    expect([r.width, r.height]).toEqual([20, 40]);
  });

  it('coded errors: empty, undecodable, too large', async () => {
    await expect(decodeImage(Buffer.alloc(0))).rejects.toMatchObject({ code: ErrorCode.IMAGE_EMPTY });
    await expect(decodeImage(Buffer.from('GIF89a garbage'))).rejects.toMatchObject({ code: ErrorCode.IMAGE_UNDECODABLE });
    const truncated = fixtureBytes('2008_002506.jpg').subarray(0, 2000);
    await expect(decodeImage(truncated)).rejects.toMatchObject({ code: ErrorCode.IMAGE_UNDECODABLE });
    await expect(decodeImage(fixtureBytes('astronaut.png'), { maxPixels: 100 })).rejects.toMatchObject({ code: ErrorCode.IMAGE_TOO_LARGE });
  });

  it('downscale keeps small images and shrinks large ones with the factor back', async () => {
    const img = await decodeImage(fixtureBytes('astronaut.png'));
    expect((await downscale(img, 640)).scale).toBe(1);
    const small = await downscale(img, 128);
    expect([small.image.width, small.image.height, small.scale]).toEqual([128, 128, 4]);
  });
});
