import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmbeddingRepository } from '../repositories/embedding.repository';
import { GalleryIndexRepository } from '../repositories/gallery-index.repository';
import { WorkerObjectStore } from '../repositories/worker-object.store';

/**
 * Takes photos out of the gallery: their rows (every model version) in the caller's transaction,
 * their entries in the index at once (a withdrawn photo must stop ranking now, not at commit),
 * and their aligned crops in S3. Safe to run twice.
 */
@Injectable()
export class GalleryRemovalService {
  private readonly logger = new Logger('GalleryRemoval');

  constructor(
    private readonly embeddings: EmbeddingRepository,
    private readonly gallery: GalleryIndexRepository,
    private readonly objects: WorkerObjectStore,
  ) {}

  async removeImages(manager: EntityManager, imageIds: readonly string[]): Promise<number> {
    for (const imageId of imageIds) this.gallery.remove(imageId);
    const cropKeys = await this.embeddings.deleteImages(manager, imageIds);
    await this.objects.deleteObjects(cropKeys);
    return imageIds.length;
  }

  async removeCase(manager: EntityManager, caseId: string): Promise<number> {
    const fromIndex = this.gallery.removeCase(caseId);
    const { imageIds, cropKeys } = await this.embeddings.deleteCase(manager, caseId);
    for (const imageId of imageIds) this.gallery.remove(imageId);
    await this.objects.deleteObjects(cropKeys);
    if (imageIds.length > 0 || fromIndex > 0) this.logger.log(`case ${caseId}: ${imageIds.length} embedding rows and ${fromIndex} index entries removed`);
    return imageIds.length;
  }
}
