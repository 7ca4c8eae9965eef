import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, ErrorCode, ImageModality, JobName, type Principal } from '@gmdb/domain';
import { ObjectStorage, isUniqueViolation, Outbox } from '@gmdb/platform';
import { parseImageMetadata } from './dto/image-metadata.input';
import { CaseMediaAccess } from './image-access';
import { ImageEntity } from './image.entity';
import { newImageKeys } from './image-keys';
import { ImageRepository } from './image.repository';
import { PhotoNormalizer, type NormalizedPhoto } from './upload/photo-normalizer';
import type { ReceivedUpload } from './upload/received-upload';
import { UPLOAD_LIMITS, type UploadLimits } from './upload/upload-limits';

function duplicateOf(existingId: string, path: string): DomainError {
  const message = `This photo is already stored for this case as image ${existingId}`;
  return new DomainError(ErrorCode.IMAGE_DUPLICATE, message, {
    issues: [{ path, code: 'DUPLICATE', message }],
    existingImageId: existingId,
  });
}

/**
 * Stores a new case photo: checks access, metadata and the bytes (PhotoNormalizer), refuses a
 * duplicate (same SHA-256 of the normalised bytes in the same case), puts the photo and its
 * thumbnail in S3, then writes the row and, for a portrait, the encode job in one transaction.
 * If the transaction fails the S3 objects are deleted again: no object without its row, no row
 * without its objects.
 */
@Injectable()
export class ImageIntakeService {
  private readonly logger = new Logger('ImageIntake');
  private readonly normalizer: PhotoNormalizer;

  constructor(
    private readonly access: CaseMediaAccess,
    private readonly images: ImageRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    @Inject(UPLOAD_LIMITS) limits: UploadLimits,
  ) {
    this.normalizer = new PhotoNormalizer(limits);
  }

  async upload(principal: Principal, caseId: string, upload: ReceivedUpload): Promise<ImageEntity> {
    await this.access.assertWrite(principal, caseId);
    const metadata = parseImageMetadata(upload.fields);
    const photo = await this.normalizer.normalize(upload.bytes, { path: upload.path });
    const existing = await this.images.findByCaseAndSha256(caseId, photo.sha256);
    if (existing) throw duplicateOf(existing.id, upload.path);

    const image = this.newEntity(caseId, metadata.modality, metadata.ageAtCapture, photo);
    await this.putObjects(image, photo);
    try {
      await this.images.transaction(async (manager) => {
        await this.images.insert(manager, image);
        if (image.modality === ImageModality.Portrait) {
          await this.outbox.addIfRouted(
            manager,
            { name: JobName.EncodeImage, payload: { imageId: image.id, caseId, objectKey: image.objectKey } },
            { jobId: `encode-${image.id}` },
          );
        }
      });
    } catch (e) {
      await this.removeObjects(image);
      if (isUniqueViolation(e)) {
        const winner = await this.images.findByCaseAndSha256(caseId, photo.sha256);
        if (winner) throw duplicateOf(winner.id, upload.path);
      }
      throw e;
    }
    return image;
  }

  private newEntity(caseId: string, modality: ImageModality, age: { iso: string; totalDays: number } | undefined, photo: NormalizedPhoto): ImageEntity {
    const keys = newImageKeys();
    return Object.assign(new ImageEntity(), {
      id: randomUUID(),
      caseId,
      modality,
      ageAtCapture: age?.iso ?? null,
      ageAtCaptureDays: age?.totalDays ?? null,
      objectKey: keys.objectKey,
      thumbnailKey: keys.thumbnailKey,
      contentType: photo.contentType,
      byteSize: photo.bytes.length,
      sha256: photo.sha256,
      width: photo.width,
      height: photo.height,
      encodeStatus: 'pending',
      encodeErrorCode: null,
      faces: null,
      cropKey: null,
      modelVersion: null,
      encodedAt: null,
      createdAt: new Date(),
    } satisfies ImageEntity);
  }

  private async putObjects(image: ImageEntity, photo: NormalizedPhoto): Promise<void> {
    await this.storage.put(image.objectKey, photo.bytes, { contentType: photo.contentType });
    try {
      await this.storage.put(image.thumbnailKey, photo.thumbnail.bytes, { contentType: photo.thumbnail.contentType });
    } catch (e) {
      await this.removeObjects(image);
      throw e;
    }
  }

  /** Best effort: a failure here is logged (the object is then orphaned, never referenced). */
  private async removeObjects(image: ImageEntity): Promise<void> {
    for (const key of [image.objectKey, image.thumbnailKey]) {
      try {
        await this.storage.delete(key);
      } catch (e) {
        this.logger.error(`Could not delete orphaned object ${key}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
