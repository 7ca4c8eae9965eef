import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataKind, DomainError, ErrorCode, type Principal } from '@gmdb/domain';
import { ObjectNotFoundError, ObjectStorage } from '@gmdb/platform';
import { caseNotFound } from '../cases/case-access.service';
import { CaseMediaAccess } from '../images/image-access';
import type { PresignedUrl } from '../images/image.service';
import { detectDocumentFormat } from '../images/upload/photo-format.detector';
import { PhotoNormalizer } from '../images/upload/photo-normalizer';
import type { ReceivedUpload } from '../images/upload/received-upload';
import { UPLOAD_LIMITS, type UploadLimits } from '../images/upload/upload-limits';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { parseDocumentMetadata } from './dto/document-metadata.input';

export const documentNotFound = (): DomainError => new DomainError(ErrorCode.DOCUMENT_NOT_FOUND, 'No such document');

/**
 * Letters and lab reports of a case: PDF, JPEG or PNG by magic bytes (415 otherwise), size-limited
 * by the upload limit. A PDF is stored as sent; a JPEG/PNG is re-encoded like a photo (metadata
 * stripped). Readable by the case's responsible clinician only (DataKind.CaseDocuments); added
 * by whoever may change the case (a hospital system's key included), deleted by the
 * responsible clinician or the case's institution.
 */
@Injectable()
export class DocumentService {
  private readonly logger = new Logger('Documents');
  private readonly normalizer: PhotoNormalizer;

  constructor(
    private readonly access: CaseMediaAccess,
    private readonly documents: DocumentRepository,
    private readonly storage: ObjectStorage,
    @Inject(UPLOAD_LIMITS) private readonly limits: UploadLimits,
  ) {
    this.normalizer = new PhotoNormalizer(limits);
  }

  async upload(principal: Principal, caseId: string, upload: ReceivedUpload): Promise<DocumentEntity> {
    await this.access.assertWrite(principal, caseId);
    const metadata = parseDocumentMetadata(upload.fields);
    const { bytes, contentType } = await this.checkedContent(upload);
    const document = Object.assign(new DocumentEntity(), {
      id: randomUUID(),
      caseId,
      kind: metadata.kind,
      title: metadata.title ?? null,
      objectKey: `documents/${randomUUID()}`,
      contentType,
      byteSize: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      createdAt: new Date(),
    } satisfies DocumentEntity);
    await this.storage.put(document.objectKey, bytes, { contentType });
    try {
      await this.documents.insert(document);
    } catch (e) {
      await this.storage.delete(document.objectKey).catch((err: unknown) => this.logger.error(`Orphaned ${document.objectKey}: ${String(err)}`));
      throw e;
    }
    return document;
  }

  async get(principal: Principal, id: string): Promise<DocumentEntity> {
    const document = await this.documents.findById(id);
    if (!document) throw documentNotFound();
    await this.access.assertRead(principal, DataKind.CaseDocuments, document.caseId, documentNotFound);
    return document;
  }

  async listForCase(principal: Principal, caseId: string): Promise<DocumentEntity[]> {
    await this.access.assertRead(principal, DataKind.CaseDocuments, caseId, caseNotFound);
    return this.documents.listByCase(caseId);
  }

  async content(principal: Principal, id: string): Promise<{ document: DocumentEntity; stream: Readable }> {
    const document = await this.get(principal, id);
    try {
      return { document, stream: await this.storage.getStream(document.objectKey) };
    } catch (e) {
      if (e instanceof ObjectNotFoundError) throw documentNotFound();
      throw e;
    }
  }

  async url(principal: Principal, id: string): Promise<PresignedUrl> {
    const document = await this.get(principal, id);
    const seconds = this.limits.urlTtlSeconds;
    const url = await this.storage.presignGet(document.objectKey, { expiresInSeconds: seconds, downloadName: `document-${document.id}` });
    return { url, expiresAt: new Date(Date.now() + seconds * 1000).toISOString() };
  }

  /** Object first, then the row (a failure in between leaves a row without bytes; deleting again finishes). */
  async delete(principal: Principal, id: string): Promise<void> {
    const document = await this.documents.findById(id);
    if (!document) throw documentNotFound();
    const resource = await this.access.assertWrite(principal, document.caseId);
    const ownInstitution = principal.kind === 'institution' && principal.institutionId === resource.institutionId;
    if (!ownInstitution) await this.access.assertRead(principal, DataKind.CaseDocuments, document.caseId, documentNotFound);
    await this.storage.delete(document.objectKey);
    await this.documents.delete(document.id);
  }

  private async checkedContent(upload: ReceivedUpload): Promise<{ bytes: Buffer; contentType: string }> {
    const format = detectDocumentFormat(upload.bytes);
    if (upload.bytes.length === 0) {
      throw DomainError.validation([{ path: upload.path, code: 'REQUIRED', message: 'The document is empty' }]);
    }
    if (!format) {
      const message = 'Only PDF, JPEG and PNG documents are accepted (judged by content)';
      throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message, { issues: [{ path: upload.path, code: 'UNSUPPORTED_FORMAT', message }] });
    }
    if (format === 'pdf') return { bytes: upload.bytes, contentType: 'application/pdf' };
    const photo = await this.normalizer.normalize(upload.bytes, { path: upload.path });
    return { bytes: photo.bytes, contentType: photo.contentType };
  }
}
