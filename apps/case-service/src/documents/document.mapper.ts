import type { DocumentEntity } from './document.entity';
import type { DocumentModel } from './models/document.model';

export function toDocumentModel(entity: DocumentEntity): DocumentModel {
  return {
    id: entity.id,
    caseId: entity.caseId,
    kind: entity.kind,
    title: entity.title,
    contentType: entity.contentType,
    byteSize: entity.byteSize,
    sha256: entity.sha256,
    createdAt: entity.createdAt.toISOString(),
  };
}
