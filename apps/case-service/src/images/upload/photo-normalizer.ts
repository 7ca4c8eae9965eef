import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { DomainError, ErrorCode } from '@gmdb/domain';
import { detectPhotoFormat, type PhotoFormat } from './photo-format.detector';

export interface PhotoNormalizerOptions {
  /** Largest width x height decoded (decompression bombs stop here, before any pixel is decoded). */
  maxPixels: number;
  /** Longest side of the thumbnail, in pixels. */
  thumbnailSize: number;
}

export interface EncodedImage {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  /** Hex SHA-256 of `bytes`. */
  sha256: string;
}

export interface NormalizedPhoto extends EncodedImage {
  /** The format the upload came in (by magic bytes). */
  sourceFormat: PhotoFormat;
  thumbnail: EncodedImage;
}

/** The path the caller gave the bytes under (`file` for multipart, `contentBase64` for JSON). */
type Where = { path: string };

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Turns untrusted upload bytes into the photo GMDB stores:
 * 1. magic bytes decide the type (JPEG, PNG, WebP, TIFF; anything else 415 IMAGE_UNSUPPORTED_FORMAT);
 * 2. the header's width x height is checked against `maxPixels` before decoding (413 IMAGE_TOO_LARGE),
 *    and sharp enforces the same limit while decoding;
 * 3. a truncated or corrupt file fails the decode (422 IMAGE_UNDECODABLE);
 * 4. EXIF orientation is applied, colour is converted to 8-bit sRGB (CMYK, 16-bit, ICC profiles),
 *    and the photo is re-encoded, which drops every metadata block (EXIF, GPS, XMP, ICC, comments);
 *    JPEG stays JPEG (quality 95, no chroma subsampling), the lossless formats become PNG;
 * 5. a thumbnail (JPEG, longest side `thumbnailSize`) is made from the normalised photo.
 */
export class PhotoNormalizer {
  constructor(private readonly options: PhotoNormalizerOptions) {}

  async normalize(input: Buffer, where: Where = { path: 'file' }): Promise<NormalizedPhoto> {
    if (input.length === 0) throw this.fail(ErrorCode.IMAGE_EMPTY, 'The photo is empty', where, 'REQUIRED');
    const sourceFormat = detectPhotoFormat(input);
    if (!sourceFormat) {
      throw this.fail(ErrorCode.IMAGE_UNSUPPORTED_FORMAT, 'Only JPEG, PNG, WebP and TIFF photos are accepted (judged by content)', where, 'UNSUPPORTED_FORMAT');
    }
    await this.checkHeader(input, where);
    const photo = await this.encode(input, sourceFormat, where);
    const thumbnail = await this.thumbnail(photo.bytes, where);
    return { ...photo, sourceFormat, thumbnail };
  }

  private decoder(input: Buffer) {
    // failOn 'error': a truncated or corrupt image is refused instead of decoded half grey.
    return sharp(input, { limitInputPixels: this.options.maxPixels, failOn: 'error', sequentialRead: true });
  }

  private async checkHeader(input: Buffer, where: Where): Promise<void> {
    let width: number | undefined;
    let height: number | undefined;
    try {
      ({ width, height } = await sharp(input, { limitInputPixels: false }).metadata());
    } catch {
      throw this.fail(ErrorCode.IMAGE_UNDECODABLE, 'The photo cannot be read: its header is damaged', where, 'UNDECODABLE');
    }
    if (!width || !height) throw this.fail(ErrorCode.IMAGE_UNDECODABLE, 'The photo has no dimensions', where, 'UNDECODABLE');
    if (width * height > this.options.maxPixels) {
      throw this.fail(
        ErrorCode.IMAGE_TOO_LARGE,
        `The photo declares ${width} x ${height} pixels; at most ${this.options.maxPixels} pixels are accepted`,
        where,
        'TOO_LARGE',
      );
    }
  }

  private async encode(input: Buffer, format: PhotoFormat, where: Where): Promise<EncodedImage> {
    const lossy = format === 'jpeg';
    let pipeline = this.decoder(input).autoOrient().toColourspace('srgb');
    pipeline = lossy ? pipeline.jpeg({ quality: 95, chromaSubsampling: '4:4:4' }) : pipeline.png({ compressionLevel: 6 });
    try {
      const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
      return {
        bytes: data,
        contentType: lossy ? 'image/jpeg' : 'image/png',
        width: info.width,
        height: info.height,
        sha256: sha256(data),
      };
    } catch (e) {
      if (e instanceof Error && /pixel limit/i.test(e.message)) {
        throw this.fail(ErrorCode.IMAGE_TOO_LARGE, `The photo has more than ${this.options.maxPixels} pixels`, where, 'TOO_LARGE');
      }
      throw this.fail(ErrorCode.IMAGE_UNDECODABLE, 'The photo cannot be decoded: it is truncated or corrupt', where, 'UNDECODABLE');
    }
  }

  private async thumbnail(photo: Buffer, where: Where): Promise<EncodedImage> {
    const size = this.options.thumbnailSize;
    try {
      const { data, info } = await sharp(photo, { limitInputPixels: this.options.maxPixels })
        .resize(size, size, { fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 85 })
        .toBuffer({ resolveWithObject: true });
      return { bytes: data, contentType: 'image/jpeg', width: info.width, height: info.height, sha256: sha256(data) };
    } catch {
      throw this.fail(ErrorCode.IMAGE_UNDECODABLE, 'No thumbnail could be made of the photo', where, 'UNDECODABLE');
    }
  }

  private fail(code: ErrorCode, message: string, where: Where, issueCode: string): DomainError {
    return new DomainError(code, message, { issues: [{ path: where.path, code: issueCode, message }] });
  }
}
