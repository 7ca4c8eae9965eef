import { Injectable } from '@nestjs/common';
import { ObjectStorage } from '@gmdb/platform';
import type { EntityManager } from 'typeorm';
import { DocumentEntity } from './document.entity';

/**
 * Removes a case's documents when the case is deleted: S3 objects first, then the rows in the
 * caller's transaction (letters must not outlive their case in the bucket).
 */
@Injectable()
export class CaseDocumentsCleaner {
  constructor(private readonly storage: ObjectStorage) {}

  async removeAllOf(manager: EntityManager, caseId: string): Promise<number> {
    const rows = await manager.getRepository(DocumentEntity).find({ where: { caseId }, select: { id: true, objectKey: true } });
    for (const row of rows) await this.storage.delete(row.objectKey);
    if (rows.length > 0) await manager.getRepository(DocumentEntity).delete({ caseId });
    return rows.length;
  }
}
