import sharp from 'sharp';
import { DomainError, ErrorCode } from '@gmdb/domain';
import { RgbImage, rgbImage } from '../common/rgb-image';
import { isSrgbProfile } from './icc-profile';

export interface ImageDecoderConfig {
  /** Photos with more pixels than this are refused with IMAGE_TOO_LARGE (default 50 MP). */
  maxPixels: number;
}

export const DEFAULT_DECODER_CONFIG: ImageDecoderConfig = { maxPixels: 50_000_000 };

/**
 * Decodes a photo (JPEG, PNG, WebP, TIFF, ...) to 8-bit sRGB: EXIF orientation applied, an
 * embedded colour profile other than sRGB applied, alpha dropped, grayscale expanded to three
 * channels. Coded errors: IMAGE_EMPTY, IMAGE_TOO_LARGE, IMAGE_UNDECODABLE.
 */
export async function decodeImage(bytes: Uint8Array, config: ImageDecoderConfig = DEFAULT_DECODER_CONFIG): Promise<RgbImage> {
  if (bytes.length === 0) throw new DomainError(ErrorCode.IMAGE_EMPTY, 'The photo is empty');
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    throw new DomainError(ErrorCode.IMAGE_UNDECODABLE, `The photo cannot be decoded: ${(e as Error).message}`);
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > config.maxPixels) {
    throw new DomainError(ErrorCode.IMAGE_TOO_LARGE, `The photo has ${pixels} pixels, at most ${config.maxPixels} are accepted`, {
      width: meta.width,
      height: meta.height,
      maxPixels: config.maxPixels,
    });
  }
  try {
    // An embedded sRGB profile would be applied to 8-bit samples as an identity transform: skipped
    // (isSrgbProfile checks the curves at the 256 codes of 8-bit samples only).
    const ignoreIcc = meta.depth === 'uchar' && isSrgbProfile(meta.icc);
    const { data, info } = await sharp(bytes, { limitInputPixels: config.maxPixels, ignoreIcc })
      .autoOrient()
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`expected 3 channels, got ${info.channels}`);
    return rgbImage(info.width, info.height, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  } catch (e) {
    throw new DomainError(ErrorCode.IMAGE_UNDECODABLE, `The photo cannot be decoded: ${(e as Error).message}`);
  }
}

/** Downscales so the longer side is at most `maxSide` (bilinear); returns the image and the factor original/resized. */
export async function downscale(image: RgbImage, maxSide: number): Promise<{ image: RgbImage; scale: number }> {
  const long = Math.max(image.width, image.height);
  if (long <= maxSide) return { image, scale: 1 };
  const width = Math.max(1, Math.round((image.width * maxSide) / long));
  const height = Math.max(1, Math.round((image.height * maxSide) / long));
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .resize(width, height, { kernel: 'linear', fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { image: rgbImage(info.width, info.height, new Uint8Array(data.buffer, data.byteOffset, data.byteLength)), scale: long / Math.max(info.width, info.height) };
}
