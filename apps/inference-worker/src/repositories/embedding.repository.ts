import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FaceBox } from '@gmdb/domain';
import type { Landmarks5 } from '@gmdb/ml';
import { DataSource, type EntityManager, In, MoreThanOrEqual } from 'typeorm';
import { encodeEmbedding } from '../embedding/embedding.codec';
import { ImageEmbeddingEntity } from '../entities/image-embedding.entity';

/** A photo's place in the gallery, as case.gallery-changed described its case. */
export interface GalleryMeta {
  accessLevel: 'private' | 'fair' | null;
  disorderIds: readonly string[];
  geneSymbols: readonly string[];
}

export interface EncodedRow extends GalleryMeta {
  imageId: string;
  caseId: string;
  modelVersion: string;
  slots: number;
  embedding: Float32Array;
  face: FaceBox;
  landmarks: Landmarks5;
  quality: Record<string, unknown>;
  cropKey: string;
}

export interface FailedRow extends GalleryMeta {
  imageId: string;
  caseId: string;
  modelVersion: string;
  slots: number;
  errorCode: string;
  faces: readonly FaceBox[];
}

/** Which embeddings the index holds: one model version and slot layout. */
export interface IndexScope {
  modelVersion: string;
  slots: number;
}

/**
 * The worker's embedding table: one row per (image, model version). Writes go through the
 * caller's transaction (the inbox's), so a row and the event announcing it commit together.
 * Upserts are keyed by (image, version): encoding an image twice leaves one row.
 */
@Injectable()
export class EmbeddingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores an encoded photo; returns the updated_at it wrote (the index remembers it). */
  async saveEncoded(manager: EntityManager, row: EncodedRow): Promise<Date> {
    return this.upsert(manager, {
      imageId: row.imageId,
      modelVersion: row.modelVersion,
      caseId: row.caseId,
      status: 'done',
      errorCode: null,
      slots: row.slots,
      embedding: encodeEmbedding(row.embedding),
      faceBoxes: JSON.stringify([row.face]),
      landmarks: JSON.stringify(row.landmarks),
      quality: JSON.stringify(row.quality),
      cropKey: row.cropKey,
      ...metaColumns(row),
    });
  }

  /** Records a permanent failure (no face, several faces, undecodable...); returns the crop key the row had. */
  async saveFailed(manager: EntityManager, row: FailedRow): Promise<string | null> {
    const previous = await manager.findOne(ImageEmbeddingEntity, { where: { imageId: row.imageId, modelVersion: row.modelVersion }, select: { cropKey: true, imageId: true, modelVersion: true } });
    await this.upsert(manager, {
      imageId: row.imageId,
      modelVersion: row.modelVersion,
      caseId: row.caseId,
      status: 'failed',
      errorCode: row.errorCode,
      slots: row.slots,
      embedding: null,
      faceBoxes: JSON.stringify(row.faces),
      landmarks: null,
      quality: null,
      cropKey: null,
      ...metaColumns(row),
    });
    return previous?.cropKey ?? null;
  }

  find(manager: EntityManager, imageId: string, modelVersion: string): Promise<ImageEmbeddingEntity | null> {
    return manager.findOneBy(ImageEmbeddingEntity, { imageId, modelVersion });
  }

  /** Updates the gallery metadata of every row of a case (every model version); returns the updated_at written. */
  async updateCaseMeta(manager: EntityManager, caseId: string, meta: GalleryMeta): Promise<Date> {
    const updatedAt = new Date();
    await manager.update(ImageEmbeddingEntity, { caseId }, { ...metaColumns(meta), updatedAt });
    return updatedAt;
  }

  /** Deletes the rows of these images (every model version); returns their crop keys. */
  async deleteImages(manager: EntityManager, imageIds: readonly string[]): Promise<string[]> {
    if (imageIds.length === 0) return [];
    const keys: string[] = [];
    for (let i = 0; i < imageIds.length; i += 500) {
      const chunk = imageIds.slice(i, i + 500);
      const rows = await manager.find(ImageEmbeddingEntity, { where: { imageId: In(chunk) }, select: { imageId: true, modelVersion: true, cropKey: true } });
      keys.push(...rows.map((r) => r.cropKey).filter((k): k is string => !!k));
      await manager.delete(ImageEmbeddingEntity, { imageId: In(chunk) });
    }
    return keys;
  }

  /** Deletes every row of a case; returns the image ids and crop keys that went. */
  async deleteCase(manager: EntityManager, caseId: string): Promise<{ imageIds: string[]; cropKeys: string[] }> {
    const rows = await manager.find(ImageEmbeddingEntity, { where: { caseId }, select: { imageId: true, modelVersion: true, cropKey: true } });
    await manager.delete(ImageEmbeddingEntity, { caseId });
    return {
      imageIds: [...new Set(rows.map((r) => r.imageId))],
      cropKeys: rows.map((r) => r.cropKey).filter((k): k is string => !!k),
    };
  }

  /** Encoded rows of the index scope in image-id order, `limit` after `afterImageId` (keyset paging). */
  page(scope: IndexScope, afterImageId: string | undefined, limit: number): Promise<ImageEmbeddingEntity[]> {
    const qb = this.dataSource
      .getRepository(ImageEmbeddingEntity)
      .createQueryBuilder('e')
      .where('e.model_version = :version AND e.slots = :slots AND e.status = :status', { version: scope.modelVersion, slots: scope.slots, status: 'done' });
    if (afterImageId !== undefined) qb.andWhere('e.image_id > :after', { after: afterImageId });
    return qb.orderBy('e.image_id', 'ASC').limit(limit).getMany();
  }

  /** Encoded rows of the scope changed at or after `since` (the sweep's incremental pass). */
  changedSince(scope: IndexScope, since: Date): Promise<ImageEmbeddingEntity[]> {
    return this.dataSource.getRepository(ImageEmbeddingEntity).find({
      where: { modelVersion: scope.modelVersion, slots: scope.slots, status: 'done', updatedAt: MoreThanOrEqual(since) },
    });
  }

  /** Ids of every encoded row of the scope (the sweep's reconcile pass). */
  async encodedIds(scope: IndexScope): Promise<Set<string>> {
    const rows = await this.dataSource
      .getRepository(ImageEmbeddingEntity)
      .createQueryBuilder('e')
      .select('e.image_id', 'imageId')
      .where('e.model_version = :version AND e.slots = :slots AND e.status = :status', { version: scope.modelVersion, slots: scope.slots, status: 'done' })
      .getRawMany<{ imageId: string }>();
    return new Set(rows.map((r) => r.imageId));
  }

  /** Rows of these images in the scope (the sweep adds what the index lacks); through `manager` inside a transaction. */
  async encodedRows(scope: IndexScope, imageIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ImageEmbeddingEntity[]> {
    const out: ImageEmbeddingEntity[] = [];
    for (let i = 0; i < imageIds.length; i += 500) {
      out.push(
        ...(await manager.getRepository(ImageEmbeddingEntity).find({
          where: { modelVersion: scope.modelVersion, slots: scope.slots, status: 'done', imageId: In(imageIds.slice(i, i + 500)) },
        })),
      );
    }
    return out;
  }

  private async upsert(manager: EntityManager, values: Omit<ImageEmbeddingEntity, 'createdAt' | 'updatedAt'>): Promise<Date> {
    const now = new Date();
    const key = { imageId: values.imageId, modelVersion: values.modelVersion };
    const exists = await manager.exists(ImageEmbeddingEntity, { where: key });
    if (exists) await manager.update(ImageEmbeddingEntity, key, { ...values, updatedAt: now });
    else await manager.insert(ImageEmbeddingEntity, { ...values, createdAt: now, updatedAt: now });
    return now;
  }
}

function metaColumns(meta: GalleryMeta): Pick<ImageEmbeddingEntity, 'accessLevel' | 'disorderIds' | 'geneSymbols'> {
  return { accessLevel: meta.accessLevel, disorderIds: JSON.stringify([...meta.disorderIds]), geneSymbols: JSON.stringify([...meta.geneSymbols]) };
}
