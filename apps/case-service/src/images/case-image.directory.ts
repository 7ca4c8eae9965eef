import { Injectable } from '@nestjs/common';
import { ObjectStorage } from '@gmdb/platform';
import { DataSource, type EntityManager, In } from 'typeorm';
import { CaseImageDirectory, type CaseImageSummary } from '../cases/case-images.port';
import { CaseDocumentsCleaner } from '../documents/case-documents.cleaner';
import { ImageEntity } from './image.entity';

/** The cases part's view of case photos, over the case_images table. */
@Injectable()
export class CaseImageTableDirectory extends CaseImageDirectory {
  constructor(
    private readonly dataSource: DataSource,
    private readonly storage: ObjectStorage,
    private readonly documents: CaseDocumentsCleaner,
  ) {
    super();
  }

  async countByCase(caseIds: readonly string[]): Promise<Map<string, number>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(ImageEntity)
      .createQueryBuilder('i')
      .select('i.case_id', 'caseId')
      .addSelect('COUNT(*)', 'count')
      .where({ caseId: In([...caseIds]) })
      .groupBy('i.case_id')
      .getRawMany<{ caseId: string; count: string | number }>();
    return new Map(rows.map((r) => [r.caseId, Number(r.count)]));
  }

  async imagesOf(caseId: string, manager?: EntityManager): Promise<CaseImageSummary[]> {
    const rows = await (manager ?? this.dataSource.manager).getRepository(ImageEntity).find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      modality: r.modality,
      ageAtCapture: r.ageAtCapture,
      width: r.width,
      height: r.height,
      encodeStatus: r.encodeStatus,
      encodeErrorCode: r.encodeErrorCode,
    }));
  }

  async withModality(caseIds: readonly string[], modality: string): Promise<Set<string>> {
    if (caseIds.length === 0) return new Set();
    const rows = await this.dataSource
      .getRepository(ImageEntity)
      .createQueryBuilder('i')
      .select('DISTINCT i.case_id', 'caseId')
      .where({ caseId: In([...caseIds]), modality })
      .getRawMany<{ caseId: string }>();
    return new Set(rows.map((r) => r.caseId));
  }

  /**
   * Case deletion: deletes the photos' S3 objects, then their rows in the caller's transaction
   * (as a single delete does: a rollback leaves rows without bytes, never bytes without a row).
   * The case's documents go the same way (the cases part has one hook for stored media).
   */
  async removeAllOf(manager: EntityManager, caseId: string): Promise<string[]> {
    const rows = await manager.getRepository(ImageEntity).find({ where: { caseId }, select: { id: true, objectKey: true, thumbnailKey: true } });
    for (const row of rows) {
      await this.storage.delete(row.objectKey);
      await this.storage.delete(row.thumbnailKey);
    }
    if (rows.length > 0) await manager.getRepository(ImageEntity).delete({ caseId });
    await this.documents.removeAllOf(manager, caseId);
    return rows.map((r) => r.id);
  }
}
