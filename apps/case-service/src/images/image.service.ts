import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataKind, DomainError, ErrorCode, EventName, type Principal } from '@gmdb/domain';
import { ObjectNotFoundError, ObjectStorage, Outbox } from '@gmdb/platform';
import { caseNotFound } from '../cases/case-access.service';
import { CaseMediaAccess } from './image-access';
import type { ImageEntity } from './image.entity';
import { ImageRepository } from './image.repository';
import { UPLOAD_LIMITS, type UploadLimits } from './upload/upload-limits';

export type ImageVariant = 'original' | 'thumbnail';

export interface ImageContent {
  stream: Readable;
  contentType: string;
}

export interface PresignedUrl {
  url: string;
  expiresAt: string;
}

export const imageNotFound = (): DomainError => new DomainError(ErrorCode.IMAGE_NOT_FOUND, 'No such image');

/** Reading and deleting case photos; every read asks the access policy through the photo's case. */
@Injectable()
export class ImageService {
  constructor(
    private readonly access: CaseMediaAccess,
    private readonly images: ImageRepository,
    private readonly storage: ObjectStorage,
    private readonly outbox: Outbox,
    @Inject(UPLOAD_LIMITS) private readonly limits: UploadLimits,
  ) {}

  /** The image when `principal` may see it; IMAGE_NOT_FOUND for a missing or hidden one. */
  async get(principal: Principal, id: string): Promise<ImageEntity> {
    const image = await this.images.findById(id);
    if (!image) throw imageNotFound();
    await this.access.assertRead(principal, DataKind.CaseRecord, image.caseId, imageNotFound);
    return image;
  }

  /** A case's photos, oldest first (CASE_NOT_FOUND for a missing or hidden case). */
  async listForCase(principal: Principal, caseId: string): Promise<ImageEntity[]> {
    await this.access.assertRead(principal, DataKind.CaseRecord, caseId, caseNotFound);
    return this.images.listByCase(caseId);
  }

  async content(principal: Principal, id: string, variant: ImageVariant): Promise<ImageContent> {
    const image = await this.get(principal, id);
    try {
      const stream = await this.storage.getStream(keyOf(image, variant));
      return { stream, contentType: variant === 'original' ? image.contentType : 'image/jpeg' };
    } catch (e) {
      if (e instanceof ObjectNotFoundError) throw imageNotFound();
      throw e;
    }
  }

  async url(principal: Principal, id: string, variant: ImageVariant): Promise<PresignedUrl> {
    const image = await this.get(principal, id);
    const seconds = this.limits.urlTtlSeconds;
    const url = await this.storage.presignGet(keyOf(image, variant), { expiresInSeconds: seconds });
    return { url, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
  }

  /**
   * Deletes the S3 objects first, then the row with its `image.deleted` event in one transaction.
   * A failure between the two leaves a row without bytes, never bytes without a row; deleting
   * again finishes the job (deleting a missing object is not an error).
   */
  async delete(principal: Principal, id: string): Promise<void> {
    const image = await this.get(principal, id);
    await this.access.assertWrite(principal, image.caseId);
    await this.storage.delete(image.objectKey);
    await this.storage.delete(image.thumbnailKey);
    await this.images.transaction(async (manager) => {
      const deleted = await this.images.delete(manager, image.id);
      if (!deleted) return;
      await this.outbox.addIfRouted(
        manager,
        { name: EventName.ImageDeleted, payload: { imageId: image.id, caseId: image.caseId } },
        { jobId: `image-deleted-${image.id}` },
      );
    });
  }
}

function keyOf(image: ImageEntity, variant: ImageVariant): string {
  return variant === 'original' ? image.objectKey : image.thumbnailKey;
}
